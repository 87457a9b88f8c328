/// Collects the words of a ``NameTrie`` with their case variants, cheaply enough to run at
/// start-up: bytes in reused buffers, children in sibling lists, simple case mapping
/// (``CaseFolding``) instead of Swift's full Unicode case mapping.
struct NameTrieBuilder<Payload: Sendable> {
  /// Per node: the byte on the edge into it, its first child and its next sibling (-1: none).
  private(set) var byte: [UInt8] = [0]
  private(set) var firstChild: [Int32] = [-1]
  private(set) var nextSibling: [Int32] = [-1]
  /// Per node: the payload of the word ending there.
  private(set) var values: [Payload?] = [nil]
  /// One bit per pair of first two bytes of some word.
  private(set) var pairs = [UInt64](repeating: 0, count: 1024)
  /// The root's children by byte, while building.
  private var rootChild = [Int32](repeating: -1, count: 256)
  private let merge: (Payload, Payload) -> Payload
  // Reused buffers.
  private var scalars: [UInt32] = []
  private var variants: [[UInt8]] = [[], [], [], []]

  init(merge: @escaping (Payload, Payload) -> Payload) {
    self.merge = merge
    scalars.reserveCapacity(32)
    for i in variants.indices { variants[i].reserveCapacity(64) }
  }

  /// Inserts `word`'s lowercase, uppercase, capitalised and title-case spellings
  /// ("last updated", "LAST UPDATED", "Last updated", "Last Updated").
  mutating func insert(_ word: String, _ payload: Payload) {
    var word = word
    word.withUTF8 { insert(utf8: $0, payload) }
  }

  /// Inserts the case variants of the UTF-8 `word` (see ``insert(_:_:)``).
  mutating func insert(utf8 word: UnsafeBufferPointer<UInt8>, _ payload: Payload) {
    guard fillVariants(word) else {
      // A letter without a simple case mapping: let Swift case it.
      for v in NameTrieBuilder.caseVariants(of: String(decoding: word, as: UTF8.self)) {
        insertExact(Array(v.utf8), payload)
      }
      return
    }
    for k in 0..<4 {
      var seen = false
      for j in 0..<k where variants[j] == variants[k] { seen = true }
      if !seen { insertExact(variants[k], payload) }
    }
  }

  /// Fills `variants` with the lower, upper, capitalised and title-case bytes of `word`; false
  /// when some letter has no simple case mapping.
  private mutating func fillVariants(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    scalars.removeAll(keepingCapacity: true)
    var i = 0
    while i < word.count {
      let b = word[i]
      let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
      guard i + length <= word.count else { return false }
      var c = length == 1 ? UInt32(b) : UInt32(b) & (0xFF >> (length + 1))
      for k in 1..<max(length, 1) { c = c << 6 | UInt32(word[i + k] & 0x3F) }
      scalars.append(c)
      i += length
    }
    for k in variants.indices { variants[k].removeAll(keepingCapacity: true) }
    var wordStart = true
    for (index, c) in scalars.enumerated() {
      guard let lower = CaseFolding.lower(c), let upper = CaseFolding.upper(c) else {
        return false
      }
      CaseFolding.appendUTF8(lower, to: &variants[0])
      CaseFolding.appendUTF8(upper, to: &variants[1])
      CaseFolding.appendUTF8(index == 0 ? upper : lower, to: &variants[2])
      CaseFolding.appendUTF8(wordStart ? upper : lower, to: &variants[3])
      wordStart = c == 32
    }
    return true
  }

  /// Inserts the exact bytes of one spelling.
  private mutating func insertExact(_ bytes: [UInt8], _ payload: Payload) {
    guard let first = bytes.first else { return }
    if bytes.count >= 2 {
      let pair = Int(first) << 8 | Int(bytes[1])
      pairs[pair >> 6] |= 1 << UInt64(pair & 63)
    }
    var node: Int
    if rootChild[Int(first)] >= 0 {
      node = Int(rootChild[Int(first)])
    } else {
      node = addNode(first, parent: 0)
      rootChild[Int(first)] = Int32(node)
    }
    for b in bytes.dropFirst() {
      var child = firstChild[node]
      while child >= 0, byte[Int(child)] != b { child = nextSibling[Int(child)] }
      node = child >= 0 ? Int(child) : addNode(b, parent: node)
    }
    if let old = values[node] {
      values[node] = merge(old, payload)
    } else {
      values[node] = payload
    }
  }

  /// A new child of `parent` reached by byte `b`.
  private mutating func addNode(_ b: UInt8, parent: Int) -> Int {
    let node = byte.count
    byte.append(b)
    firstChild.append(-1)
    nextSibling.append(firstChild[parent])
    values.append(nil)
    firstChild[parent] = Int32(node)
    return node
  }

  /// The lowercase, uppercase, capitalised and title-case spellings of `word` by Swift's full
  /// Unicode case mapping (the fallback, and the reference the tests compare with).
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
}
