/// The transition tables of ``Automaton``, laid out from its ``AhoCorasickTrie``.
///
/// A state's full row is its failure state's row with its own children written over it; states
/// are visited breadth-first, so the failure state's row is always complete, and each row is one
/// block copy plus a few stores. Whitespace loops are added last, so no copied row inherits one.
extension Automaton {
  /// The all-dense layout row by row (``AhoCorasickColumns`` transposes it into the columns the
  /// scan reads): rows of `lines` cache lines of 16-bit entries, states without outputs numbered
  /// first; an entry holds the next state's number times `unit`. The 128 entries before the rows
  /// hold the classes of the ASCII bytes.
  /// Returns the rows, the entry where the first row starts (aligned to 64 bytes), the entry from
  /// which states have outputs, and the states in their new order.
  static func denseRows(
    _ trie: AhoCorasickTrie, classes: CharacterClasses, lines: Int, unit: Int
  ) -> (
    rows: [UInt16], rowBase: Int, firstOutputEntry: Int, order: [Int32]
  ) {
    let n = trie.count
    let nc = classes.count
    let stride = lines * 32
    let isWord = classes.isWord
    var renumber = [Int](repeating: 0, count: n)
    var order: [Int32] = []
    order.reserveCapacity(n)
    for s in 0..<n where !trie.hasOutput(s) {
      renumber[s] = order.count
      order.append(Int32(s))
    }
    let withoutOutputs = order.count
    for s in 0..<n where trie.hasOutput(s) {
      renumber[s] = order.count
      order.append(Int32(s))
    }
    // The ASCII classes (128 entries), then up to 31 spare entries to start the first row on a
    // 64-byte boundary, then the rows. Every entry is written once: rows are copied whole (their
    // padding included) from rows already written.
    var rowBase = 0
    let total = 128 + 32 + n * stride
    let rows = [UInt16](unsafeUninitializedCapacity: total) { buffer, initialized in
      guard let start = buffer.baseAddress else { return }
      rowBase = 128 + ((64 - Int(bitPattern: start + 128) % 64) % 64) / 2
      let base = start + rowBase
      start.initialize(repeating: 0, count: rowBase - 128)
      for b in 0..<128 { (base - 128 + b).initialize(to: classes.ascii[b]) }
      (base + n * stride).initialize(repeating: 0, count: total - rowBase - n * stride)
      func row(_ s: Int) -> UnsafeMutablePointer<UInt16> { base + renumber[s] * stride }
      func entry(_ t: Int) -> UInt16 { UInt16(truncatingIfNeeded: renumber[t] * unit) }
      let root = row(0)
      root.initialize(repeating: 0, count: stride)
      for c in 0..<nc {
        let t = Int(trie.rootChild[c])
        root[c] = entry(t >= 0 ? t : (isWord[c] ? Self.inWord : Self.root))
      }
      if n > 1 {
        let inWord = row(1)
        inWord.initialize(repeating: 0, count: stride)
        for c in 0..<nc { inWord[c] = isWord[c] ? entry(Self.inWord) : root[c] }
      }
      for s in 2..<max(n, 2) {
        let r = row(s)
        r.initialize(from: row(Int(trie.failure[s])), count: stride)
        for t in Int(trie.childStart[s])..<Int(trie.childStart[s + 1]) {
          r[Int(trie.incoming[t])] = entry(t)
        }
      }
      let space = classes.space
      if space >= 0 {
        for s in 2..<max(n, 2) where trie.incoming[s] == space { row(s)[space] = entry(s) }
      }
      initialized = total
    }
    return (rows, rowBase, withoutOutputs * unit, order)
  }

  /// The hybrid layout: dense rows (entry = next state << 1 | has output) for the first
  /// `denseCount` states, sorted sparse rows (children and the whitespace loop) for the others,
  /// which fall back on their failure links.
  static func hybridRows(_ trie: AhoCorasickTrie, classes: CharacterClasses, denseCount: Int) -> (
    rows: [Int32], sparseStart: [Int32], sparseClass: [UInt16], sparseNext: [Int32]
  ) {
    let n = trie.count
    let nc = classes.count
    let isWord = classes.isWord
    let space = classes.space
    func entry(_ t: Int) -> Int32 { Int32(t) << 1 | (trie.hasOutput(t) ? 1 : 0) }
    var rows = [Int32](repeating: 0, count: denseCount * nc)
    for c in 0..<nc {
      let t = Int(trie.rootChild[c])
      rows[c] = entry(t >= 0 ? t : (isWord[c] ? Self.inWord : Self.root))
    }
    if denseCount > 1 {
      for c in 0..<nc { rows[nc + c] = isWord[c] ? entry(Self.inWord) : rows[c] }
    }
    for s in 2..<max(denseCount, 2) {
      // Failure states come earlier in breadth-first order, so their rows are ready.
      let f = Int(trie.failure[s]) * nc
      for c in 0..<nc { rows[s * nc + c] = rows[f + c] }
      for t in Int(trie.childStart[s])..<Int(trie.childStart[s + 1]) {
        rows[s * nc + Int(trie.incoming[t])] = entry(t)
      }
    }
    if space >= 0 {
      for s in 2..<max(denseCount, 2) where trie.incoming[s] == space {
        rows[s * nc + space] = entry(s)
      }
    }
    var sparseStart: [Int32] = [0]
    var sparseClass: [UInt16] = []
    var sparseNext: [Int32] = []
    for s in denseCount..<n {
      var loopPending = space >= 0 && trie.incoming[s] == space
      for t in Int(trie.childStart[s])..<Int(trie.childStart[s + 1]) {
        let c = Int(trie.incoming[t])
        if loopPending && space < c {
          sparseClass.append(UInt16(space))
          sparseNext.append(Int32(s))
          loopPending = false
        }
        sparseClass.append(UInt16(c))
        sparseNext.append(Int32(t))
      }
      if loopPending {
        sparseClass.append(UInt16(space))
        sparseNext.append(Int32(s))
      }
      sparseStart.append(Int32(sparseClass.count))
    }
    return (rows, sparseStart, sparseClass, sparseNext)
  }
}
