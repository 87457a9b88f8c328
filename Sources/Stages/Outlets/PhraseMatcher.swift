/// A case-insensitive multi-phrase matcher over UTF-8 bytes: a byte trie of case-folded phrases,
/// entered only at word starts that pass a cheap filter (``WordFilter``: the phrase's first word
/// and the three bytes after it, checked with bit tests).
///
/// Built once from the phrase list (sorted, then laid out flat: no dictionaries); matching
/// allocates nothing. A phrase matches where it starts at a word start and ends at a word end
/// (`Reuters` in "(Reuters)" but not in "Reutersville").
struct PhraseMatcher: Sendable {
  /// Root transitions by folded byte; -1 when no phrase starts with it.
  private let root: [Int32]
  /// Per node: first edge index and edge count (edges of a node are contiguous, sorted by byte).
  private let edgeStart: [Int32]
  private let edgeCount: [UInt16]
  private let edgeByte: [UInt8]
  private let edgeTarget: [Int32]
  /// Per node: the phrase that ends here, or -1.
  private let terminal: [Int32]
  /// Which word starts are worth trying (see ``WordFilter``).
  let filter: WordFilter

  /// A matcher for `phrases`; the result of a match is the phrase's index in this array (the
  /// first one when two phrases fold to the same bytes). Phrases shorter than two bytes are
  /// ignored.
  init(_ phrases: [String]) {
    var items: [(bytes: [UInt8], index: Int32)] = []
    items.reserveCapacity(phrases.count)
    var filter = WordFilter()
    for (index, phrase) in phrases.enumerated() {
      let bytes = CaseFold.fold(phrase)
      guard bytes.count >= 2 else { continue }
      filter.insert(folded: bytes)
      items.append((bytes, Int32(index)))
    }
    items.sort { a, b in
      a.bytes.withUnsafeBufferPointer { x in
        b.bytes.withUnsafeBufferPointer { y in
          let common = min(x.count, y.count)
          var k = 0
          while k < common && x[k] == y[k] { k += 1 }
          if k < common { return x[k] < y[k] }
          return x.count != y.count ? x.count < y.count : a.index < b.index
        }
      }
    }
    var builder = TrieBuilder()
    builder.reserve(nodes: items.reduce(1) { $0 + $1.bytes.count })
    items.withUnsafeBufferPointer { sorted in
      _ = builder.build(sorted, 0..<sorted.count, depth: 0)
    }
    var root = [Int32](repeating: -1, count: 256)
    let rootStart = Int(builder.edgeStart[0])
    for e in rootStart..<(rootStart + Int(builder.edgeCount[0])) {
      root[Int(builder.edgeByte[e])] = builder.edgeTarget[e]
    }
    self.root = root
    self.edgeStart = builder.edgeStart
    self.edgeCount = builder.edgeCount
    self.edgeByte = builder.edgeByte
    self.edgeTarget = builder.edgeTarget
    self.terminal = builder.terminal
    self.filter = filter
  }

  /// Lays out the trie of sorted phrases depth first, each node's edges next to each other.
  private struct TrieBuilder {
    var edgeStart: [Int32] = []
    var edgeCount: [UInt16] = []
    var terminal: [Int32] = []
    var edgeByte: [UInt8] = []
    var edgeTarget: [Int32] = []

    mutating func reserve(nodes: Int) {
      edgeStart.reserveCapacity(nodes)
      edgeCount.reserveCapacity(nodes)
      terminal.reserveCapacity(nodes)
      edgeByte.reserveCapacity(nodes)
      edgeTarget.reserveCapacity(nodes)
    }

    /// The node for the common prefix (of length `depth`) of `sorted[range]`.
    mutating func build(
      _ sorted: UnsafeBufferPointer<(bytes: [UInt8], index: Int32)>, _ range: Range<Int>,
      depth: Int
    ) -> Int32 {
      let node = edgeStart.count
      edgeStart.append(0)
      edgeCount.append(0)
      terminal.append(-1)
      var i = range.lowerBound
      // Phrases ending here sort first; the first of them has the lowest index.
      if i < range.upperBound && sorted[i].bytes.count == depth {
        terminal[node] = sorted[i].index
        while i < range.upperBound && sorted[i].bytes.count == depth { i += 1 }
      }
      // Children: runs of equal bytes at `depth`; their edges first, then their subtrees.
      let first = edgeByte.count
      var j = i
      while j < range.upperBound {
        let b = sorted[j].bytes[depth]
        edgeByte.append(b)
        edgeTarget.append(-1)
        j += 1
        while j < range.upperBound && sorted[j].bytes[depth] == b { j += 1 }
      }
      edgeStart[node] = Int32(first)
      edgeCount[node] = UInt16(edgeByte.count - first)
      var edge = first
      j = i
      while j < range.upperBound {
        let b = sorted[j].bytes[depth]
        var k = j + 1
        while k < range.upperBound && sorted[k].bytes[depth] == b { k += 1 }
        edgeTarget[edge] = build(sorted, j..<k, depth: depth + 1)
        edge += 1
        j = k
      }
      return Int32(node)
    }
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
