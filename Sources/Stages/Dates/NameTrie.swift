/// A byte trie for matching words (month names, weekdays, labels) at a position in UTF-8 text,
/// case-insensitively.
///
/// Case-insensitivity is precomputed: every word is inserted lowercase, uppercase, capitalised
/// and title-cased (Cyrillic, Kazakh and accented Latin letters fold too, see ``CaseFolding``),
/// and matching walks raw bytes with no per-byte folding. A bitset of the first two bytes of
/// every spelling rejects most words with one load.
struct NameTrie<Payload: Sendable>: Sendable {
  private let root: [Int32]
  /// One bit per pair of first two bytes of some word: most words are rejected with one load.
  private let pairs: [UInt64]
  private let edgeStart: [Int32]
  private let edgeCount: [Int32]
  private let edgeByte: [UInt8]
  private let edgeTarget: [Int32]
  private let payloads: [Payload?]

  /// Builds the trie from `(word, payload)` pairs; when two words fold to the same bytes, `merge`
  /// combines their payloads.
  init(_ words: [(String, Payload)], merge: @escaping (Payload, Payload) -> Payload) {
    var builder = NameTrieBuilder<Payload>(merge: merge)
    for (word, payload) in words { builder.insert(word, payload) }
    self.init(builder)
  }

  /// The trie `builder` holds, flattened: each node's edges stored together.
  init(_ builder: NameTrieBuilder<Payload>) {
    let count = builder.byte.count
    var root = [Int32](repeating: -1, count: 256)
    var edgeStart = [Int32](repeating: 0, count: count)
    var edgeCount = [Int32](repeating: 0, count: count)
    var edgeByte: [UInt8] = []
    var edgeTarget: [Int32] = []
    edgeByte.reserveCapacity(count)
    edgeTarget.reserveCapacity(count)
    for node in 0..<count {
      edgeStart[node] = Int32(edgeByte.count)
      var child = builder.firstChild[node]
      while child >= 0 {
        edgeByte.append(builder.byte[Int(child)])
        edgeTarget.append(child)
        if node == 0 { root[Int(builder.byte[Int(child)])] = child }
        child = builder.nextSibling[Int(child)]
      }
      edgeCount[node] = Int32(edgeByte.count) - edgeStart[node]
    }
    self.root = root
    self.pairs = builder.pairs
    self.edgeStart = edgeStart
    self.edgeCount = edgeCount
    self.edgeByte = edgeByte
    self.edgeTarget = edgeTarget
    self.payloads = builder.values
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
