/// A byte trie for matching words (month names, weekdays, labels) at a position in UTF-8 text,
/// case-insensitively.
///
/// Case-insensitivity is precomputed: every word is inserted lowercase, uppercase, capitalised
/// and title-cased (via Swift's Unicode case mapping, so Cyrillic, Kazakh and accented Latin
/// letters fold too), and matching walks raw bytes with no per-byte folding. A bitset of the
/// first two bytes of every spelling rejects most words with one load.
struct NameTrie<Payload: Sendable>: Sendable {
  private var root: [Int32]
  /// One bit per pair of first two bytes of some word: most words are rejected with one load.
  private var pairs: [UInt64] = [UInt64](repeating: 0, count: 1024)
  private var edgeStart: [Int32] = []
  private var edgeCount: [Int32] = []
  private var edgeByte: [UInt8] = []
  private var edgeTarget: [Int32] = []
  private var payloads: [Payload?] = []

  /// Builds the trie from `(word, payload)` pairs; when two words fold to the same bytes, `merge`
  /// combines their payloads.
  init(_ words: [(String, Payload)], merge: (Payload, Payload) -> Payload) {
    // Build with dictionaries, then flatten.
    var children: [[UInt8: Int]] = [[:]]
    var values: [Payload?] = [nil]
    for (word, payload) in words {
      for variant in NameTrie.caseVariants(of: word) {
        var node = 0
        for byte in variant.utf8 {
          if let next = children[node][byte] {
            node = next
          } else {
            children.append([:])
            values.append(nil)
            children[node][byte] = children.count - 1
            node = children.count - 1
          }
        }
        let b = Array(variant.utf8)
        if b.count >= 2 {
          let pair = Int(b[0]) << 8 | Int(b[1])
          pairs[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        if let old = values[node] {
          values[node] = merge(old, payload)
        } else {
          values[node] = payload
        }
      }
    }
    root = [Int32](repeating: -1, count: 256)
    for (byte, target) in children[0] { root[Int(byte)] = Int32(target) }
    for node in children.indices {
      edgeStart.append(Int32(edgeByte.count))
      edgeCount.append(Int32(children[node].count))
      for (byte, target) in children[node].sorted(by: { $0.key < $1.key }) {
        edgeByte.append(byte)
        edgeTarget.append(Int32(target))
      }
    }
    payloads = values
  }

  /// The lowercase, uppercase, capitalised and title-case spellings of `word`
  /// ("last updated", "LAST UPDATED", "Last updated", "Last Updated").
  static func caseVariants(of word: String) -> [String] {
    let lower = word.lowercased()
    let upper = word.uppercased()
    let capital = lower.prefix(1).uppercased() + lower.dropFirst()
    let title = lower.split(separator: " ", omittingEmptySubsequences: false)
      .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    var out = [lower]
    for v in [upper, capital, title] where !out.contains(v) { out.append(v) }
    return out
  }

  /// Whether some word of two bytes or more starts with the bytes at `i` and `i + 1`.
  @inline(__always)
  func canStart(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    guard i + 1 < text.count else { return false }
    let pair = Int(text[i]) << 8 | Int(text[i + 1])
    return pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
  }

  /// The longest word starting at `start` for which `accept(end)` holds (`end` is the index just
  /// past the word), with its payload.
  @inline(__always)
  func longestMatch(
    in text: UnsafeBufferPointer<UInt8>, at start: Int, accept: (Int) -> Bool
  ) -> (end: Int, payload: Payload)? {
    guard start < text.count else { return nil }
    var node = Int(root[Int(text[start])])
    guard node >= 0 else { return nil }
    var i = start + 1
    var best: (Int, Payload)?
    while true {
      if let p = payloads[node], accept(i) { best = (i, p) }
      guard i < text.count else { break }
      let byte = text[i]
      let from = Int(edgeStart[node])
      let to = from + Int(edgeCount[node])
      var next = -1
      var e = from
      while e < to {
        if edgeByte[e] == byte {
          next = Int(edgeTarget[e])
          break
        }
        e += 1
      }
      if next < 0 { break }
      node = next
      i += 1
    }
    return best
  }
}
