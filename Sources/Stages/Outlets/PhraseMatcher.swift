/// A case-insensitive multi-phrase matcher over UTF-8 bytes: a byte trie of case-folded phrases,
/// entered only at word starts, with a two-byte prefix filter that rejects most words after one
/// table lookup.
///
/// Built once from the phrase list; matching allocates nothing. A phrase matches where it starts
/// at a word start and ends at a word end (`Reuters` in "(Reuters)" but not in "Reutersville").
struct PhraseMatcher: Sendable {
  /// Root transitions by folded byte; -1 when no phrase starts with it.
  private let root: [Int32]
  /// Per node: first edge index and edge count (edges of a node are contiguous).
  private let edgeStart: [Int32]
  private let edgeCount: [UInt16]
  private let edgeByte: [UInt8]
  private let edgeTarget: [Int32]
  /// Per node: the phrase that ends here, or -1.
  private let terminal: [Int32]
  /// Bit per folded two-byte prefix of some phrase.
  private let pairBits: [UInt64]
  /// Phrases that are a single folded byte long cannot use the pair filter.
  private let singleByte: [Bool]
  /// The number of phrases.
  let count: Int

  /// A matcher for `phrases`; the result of a match is the phrase's index in this array.
  /// Empty phrases are ignored.
  init(_ phrases: [String]) {
    // Build a pointer trie first, then flatten it.
    var children: [[UInt8: Int]] = [[:]]
    var ends: [Int32] = [-1]
    var pairs = [UInt64](repeating: 0, count: 1024)
    var single = [Bool](repeating: false, count: 256)
    for (index, phrase) in phrases.enumerated() {
      let bytes = CaseFold.fold(phrase)
      guard let first = bytes.first else { continue }
      if bytes.count == 1 {
        single[Int(first)] = true
      } else {
        let key = Int(first) << 8 | Int(bytes[1])
        pairs[key >> 6] |= 1 << UInt64(key & 63)
      }
      var node = 0
      for b in bytes {
        if let next = children[node][b] {
          node = next
        } else {
          children.append([:])
          ends.append(-1)
          children[node][b] = children.count - 1
          node = children.count - 1
        }
      }
      if ends[node] < 0 { ends[node] = Int32(index) }
    }
    var root = [Int32](repeating: -1, count: 256)
    for (b, child) in children[0] { root[Int(b)] = Int32(child) }
    var edgeStart = [Int32](repeating: 0, count: children.count)
    var edgeCount = [UInt16](repeating: 0, count: children.count)
    var edgeByte: [UInt8] = []
    var edgeTarget: [Int32] = []
    for (node, map) in children.enumerated() {
      edgeStart[node] = Int32(edgeByte.count)
      edgeCount[node] = UInt16(map.count)
      for (b, child) in map.sorted(by: { $0.key < $1.key }) {
        edgeByte.append(b)
        edgeTarget.append(Int32(child))
      }
    }
    self.root = root
    self.edgeStart = edgeStart
    self.edgeCount = edgeCount
    self.edgeByte = edgeByte
    self.edgeTarget = edgeTarget
    self.terminal = ends
    self.pairBits = pairs
    self.singleByte = single
    self.count = phrases.count
  }

  @inline(__always)
  private func step(_ node: Int32, _ b: UInt8) -> Int32 {
    let start = Int(edgeStart[Int(node)])
    let end = start + Int(edgeCount[Int(node)])
    var e = start
    while e < end {
      let eb = edgeByte[e]
      if eb == b { return edgeTarget[e] }
      if eb > b { return -1 }
      e += 1
    }
    return -1
  }

  /// The longest phrase that starts at the word start `i` and ends at a word end, as the phrase
  /// index and the end offset; `nil` when none does.
  @inline(__always)
  func longestMatch(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (phrase: Int, end: Int)? {
    let n = p.count
    let (a0, b0, w0) = CaseFold.unit(p, i, n)
    let second: UInt8
    if b0 != 0 {
      second = b0
    } else if i + w0 < n {
      second = CaseFold.unit(p, i + w0, n).0
    } else {
      second = 0
    }
    let key = Int(a0) << 8 | Int(second)
    if pairBits[key >> 6] & (1 << UInt64(key & 63)) == 0 && !singleByte[Int(a0)] { return nil }
    var node = root[Int(a0)]
    if node < 0 { return nil }
    if b0 != 0 {
      node = step(node, b0)
      if node < 0 { return nil }
    }
    var j = i + w0
    var best: (Int, Int)? = nil
    while true {
      let t = terminal[Int(node)]
      if t >= 0 && !CaseFold.wordAt(p, j) { best = (Int(t), j) }
      if j >= n { break }
      let (a, b, w) = CaseFold.unit(p, j, n)
      node = step(node, a)
      if node < 0 { break }
      if b != 0 {
        node = step(node, b)
        if node < 0 { break }
      }
      j += w
    }
    return best
  }
}
