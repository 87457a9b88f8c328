/// A case-insensitive multi-phrase matcher over UTF-8 bytes: a byte trie of case-folded phrases,
/// entered only at word starts whose whole word can begin a phrase (a hash of the word, checked
/// with one bit test: ``mayStart(wordHash:)``).
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
  /// Bit per hash of the first word of some phrase (see ``wordHash(_:)``).
  private let firstWordBits: [UInt64]

  /// Adds one byte of a word to its hash (ASCII case ignored); only the first
  /// ``hashedBytes`` bytes of a word are hashed, then its length is mixed in.
  @inline(__always)
  static func hashStep(_ h: UInt32, _ b: UInt8) -> UInt32 { h &* 31 &+ UInt32(b | 0x20) }

  /// How many leading bytes of a word go into its hash.
  static let hashedBytes = 8

  /// The bit index of a word hash and the word's length.
  @inline(__always)
  static func bit(_ h: UInt32, length: Int) -> Int {
    let m = h &+ UInt32(truncatingIfNeeded: min(length, 31)) &* 0x9E37_79B9
    return Int((m ^ (m >> 15)) & 0xFFFF)
  }

  /// A matcher for `phrases`; the result of a match is the phrase's index in this array.
  /// Phrases shorter than three bytes are ignored.
  init(_ phrases: [String]) {
    // Build a pointer trie first, then flatten it.
    var children: [[UInt8: Int]] = [[:]]
    var ends: [Int32] = [-1]
    var bits = [UInt64](repeating: 0, count: 1024)
    for (index, phrase) in phrases.enumerated() {
      let bytes = CaseFold.fold(phrase)
      guard bytes.count >= 2 else { continue }
      var h: UInt32 = 0
      var length = 0
      for b in bytes {
        guard TextScan.continuesWord(b) else { break }
        if length < Self.hashedBytes { h = Self.hashStep(h, b) }
        length += 1
      }
      let k = Self.bit(h, length: length)
      bits[k >> 6] |= 1 << UInt64(k & 63)
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
    self.firstWordBits = bits
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

  /// Whether a phrase may start with the word whose hash (see ``hashStep(_:_:)``) is
  /// `wordHash` and which is `length` bytes long. Words with non-ASCII bytes are always tried.
  @inline(__always)
  func mayStart(wordHash: UInt32, length: Int) -> Bool {
    let k = Self.bit(wordHash, length: length)
    return firstWordBits[k >> 6] & (1 << UInt64(k & 63)) != 0
  }

  /// The longest phrase that starts at the word start `i` and ends at a word end, as the phrase
  /// index and the end offset; `nil` when none does.
  func longestMatch(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (phrase: Int, end: Int)? {
    let n = p.count
    var node: Int32 = 0
    var j = i
    var best: (Int, Int)? = nil
    while j < n {
      let (a, b, w) = CaseFold.unit(p, j, n)
      node = node == 0 ? root[Int(a)] : step(node, a)
      if node < 0 { break }
      if b != 0 {
        node = step(node, b)
        if node < 0 { break }
      }
      j += w
      let t = terminal[Int(node)]
      if t >= 0 && !CaseFold.wordAt(p, j) { best = (Int(t), j) }
    }
    return best
  }
}
