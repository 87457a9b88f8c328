/// The tables of an ``AhoCorasick`` matcher, built once from the patterns.
///
/// Bytes map to classes (the bytes no pattern uses share class 0; upper-case ASCII shares the
/// class of its lower-case letter; with whitespace collapsing every ASCII whitespace byte is the
/// space class). Two layouts:
///
/// - all dense (the usual case): one row of `classCount` entries per state, each entry the
///   *row offset* of the next state, and the states that have outputs numbered last, so the scan
///   is `row = rows[row + class]` plus one comparison per byte;
/// - hybrid (when the dense table would exceed `denseLimit` entries): dense rows for the states
///   nearest the root (entry = next state << 1 | has output), sorted sparse rows and failure links
///   for the others.
///
/// Whitespace runs are collapsed by the automaton itself: every state entered on a space loops to
/// itself on more whitespace, so no per-byte test is needed.
struct Automaton: Sendable {
  // Per pattern: length in stepped bytes and flags.
  let lengths: [Int32]
  let flags: [UInt8]
  static let checkStart: UInt8 = 1
  static let checkEnd: UInt8 = 2
  static let stem: UInt8 = 4
  static let hasSpace: UInt8 = 8

  let classOf: [UInt8]
  let classCount: Int
  /// The class of the space byte, or -1 when whitespace is not collapsed or no pattern has one.
  let spaceClass: Int
  let caseInsensitive: Bool
  let stateCount: Int

  // All-dense layout (empty `rows` means hybrid).
  let rows: [Int32]
  let firstOutputRow: Int

  // Hybrid layout.
  let denseCount: Int
  let hybridRows: [Int32]
  let sparseStart: [Int32]
  let sparseClass: [UInt8]
  let sparseNext: [Int32]
  let failure: [Int32]
  let hasOutput: [Bool]

  // Outputs per state (own and inherited through failure links), longest pattern first.
  let outputStart: [Int32]
  let outputs: [Int32]

  var isDense: Bool { !rows.isEmpty }

  init(_ patterns: [AhoCorasick.Pattern], options: AhoCorasick.Options, denseLimit: Int)
    throws(AhoCorasick.PatternError)
  {
    // Patterns as the bytes the scanner steps on.
    var keys: [[UInt8]] = []
    var flags: [UInt8] = []
    keys.reserveCapacity(patterns.count)
    for (index, p) in patterns.enumerated() {
      let text = options.collapseWhitespace ? TermSyntax.normaliseSpaces(p.text) : p.text
      guard !text.isEmpty else {
        throw AhoCorasick.PatternError(index: index, message: "empty pattern")
      }
      var bytes = Array(text.utf8)
      if options.caseInsensitive { UTF8CaseFold.foldInPlace(&bytes) }
      keys.append(bytes)
      var f: UInt8 = 0
      let endsWithWord = WordCharacters.endsWithWord(text)
      if options.wholeWords {
        if WordCharacters.startsWithWord(text) { f |= Self.checkStart }
        if endsWithWord && !p.prefix { f |= Self.checkEnd }
      }
      if p.prefix && endsWithWord { f |= Self.stem }
      if options.collapseWhitespace && bytes.contains(0x20) { f |= Self.hasSpace }
      flags.append(f)
    }
    let lengths = keys.map { Int32($0.count) }
    self.flags = flags
    self.lengths = lengths
    self.caseInsensitive = options.caseInsensitive

    // Byte classes.
    var used = [Bool](repeating: false, count: 256)
    for k in keys { for b in k { used[Int(b)] = true } }
    var classOf = [UInt8](repeating: 0, count: 256)
    var classCount = 1
    for b in 0..<256 where used[b] {
      classOf[b] = UInt8(truncatingIfNeeded: classCount)
      classCount += 1
    }
    if options.caseInsensitive {
      for b in 0x41...0x5A { classOf[b] = classOf[b | 0x20] }
    }
    var spaceClass = -1
    if options.collapseWhitespace && used[0x20] {
      spaceClass = Int(classOf[0x20])
      for b in [0x09, 0x0A, 0x0B, 0x0C, 0x0D] { classOf[b] = UInt8(spaceClass) }
    }
    self.classOf = classOf
    self.classCount = classCount
    self.spaceClass = spaceClass
    let nc = classCount

    // Trie, then states renumbered in breadth-first order.
    var children: [[(UInt8, Int32)]] = [[]]
    var own: [[Int32]] = [[]]
    for (index, k) in keys.enumerated() {
      var s = 0
      for b in k {
        let c = classOf[Int(b)]
        if let t = children[s].first(where: { $0.0 == c }) {
          s = Int(t.1)
        } else {
          children.append([])
          own.append([])
          children[s].append((c, Int32(children.count - 1)))
          s = children.count - 1
        }
      }
      own[s].append(Int32(index))
    }
    let n = children.count
    self.stateCount = n
    var order = [0]
    order.reserveCapacity(n)
    var head = 0
    while head < order.count {
      for (_, t) in children[order[head]] { order.append(Int(t)) }
      head += 1
    }
    var bfs = [Int](repeating: 0, count: n)
    for (i, s) in order.enumerated() { bfs[s] = i }
    var kids: [[(UInt8, Int32)]] = Array(repeating: [], count: n)
    var outs: [[Int32]] = Array(repeating: [], count: n)
    var incoming = [Int](repeating: -1, count: n)
    for s in 0..<n {
      kids[bfs[s]] = children[s].map { ($0.0, Int32(bfs[Int($0.1)])) }.sorted { $0.0 < $1.0 }
      outs[bfs[s]] = own[s]
    }
    for s in 0..<n { for (c, t) in kids[s] { incoming[Int(t)] = Int(c) } }

    // Failure links (failure targets are shallower, so BFS order has them ready).
    var failure = [Int32](repeating: 0, count: n)
    func child(_ q: Int, _ c: Int) -> Int? {
      kids[q].first { Int($0.0) == c }.map { Int($0.1) }
    }
    func go(_ state: Int, _ c: Int) -> Int {
      var q = state
      while true {
        if let t = child(q, c) { return t }
        if q == 0 { return 0 }
        q = Int(failure[q])
      }
    }
    for s in 0..<n {
      for (c, t) in kids[s] {
        failure[Int(t)] = s == 0 ? 0 : Int32(go(Int(failure[s]), Int(c)))
        outs[Int(t)] += outs[Int(failure[Int(t)])]
      }
    }
    func loopsOnSpace(_ s: Int) -> Bool { spaceClass >= 0 && incoming[s] == spaceClass }

    if n * nc <= denseLimit {
      // All dense: full transition function in BFS numbering, then output states moved last.
      // A state's row is its failure state's row with its own children written over it.
      var delta = [Int32](repeating: 0, count: n * nc)
      for s in 0..<n {
        if s != 0 {
          let f = Int(failure[s]) * nc
          for c in 0..<nc { delta[s * nc + c] = delta[f + c] }
        }
        for (c, t) in kids[s] { delta[s * nc + Int(c)] = t }
      }
      for s in 0..<n where loopsOnSpace(s) { delta[s * nc + spaceClass] = Int32(s) }
      var number = [Int](repeating: 0, count: n)
      var next = 0
      for s in 0..<n where outs[s].isEmpty {
        number[s] = next
        next += 1
      }
      let firstOutput = next
      for s in 0..<n where !outs[s].isEmpty {
        number[s] = next
        next += 1
      }
      var rows = [Int32](repeating: 0, count: n * nc)
      var renumberedOuts: [[Int32]] = Array(repeating: [], count: n)
      for s in 0..<n {
        let base = number[s] * nc
        for c in 0..<nc { rows[base + c] = Int32(number[Int(delta[s * nc + c])] * nc) }
        renumberedOuts[number[s]] = outs[s]
      }
      outs = renumberedOuts
      self.rows = rows
      self.firstOutputRow = firstOutput * nc
      self.denseCount = 0
      self.hybridRows = []
      self.sparseStart = []
      self.sparseClass = []
      self.sparseNext = []
      self.failure = []
      self.hasOutput = []
    } else {
      // Hybrid: dense rows near the root, sparse rows below.
      let denseCount = max(1, min(n, denseLimit / nc))
      var hybridRows = [Int32](repeating: 0, count: denseCount * nc)
      for s in 0..<denseCount {
        // Failure states come earlier in breadth-first order, so their rows are ready.
        if s != 0 {
          let f = Int(failure[s]) * nc
          for c in 0..<nc { hybridRows[s * nc + c] = hybridRows[f + c] }
        }
        for (c, t) in kids[s] {
          hybridRows[s * nc + Int(c)] = t << 1 | (outs[Int(t)].isEmpty ? 0 : 1)
        }
        if loopsOnSpace(s) { hybridRows[s * nc + spaceClass] = Int32(s) << 1 }
      }
      var sparseStart: [Int32] = [0]
      var sparseClass: [UInt8] = []
      var sparseNext: [Int32] = []
      for s in denseCount..<n {
        var row = kids[s]
        if loopsOnSpace(s) {
          row.append((UInt8(spaceClass), Int32(s)))
          row.sort { $0.0 < $1.0 }
        }
        for (c, t) in row {
          sparseClass.append(c)
          sparseNext.append(t)
        }
        sparseStart.append(Int32(sparseClass.count))
      }
      self.rows = []
      self.firstOutputRow = 0
      self.denseCount = denseCount
      self.hybridRows = hybridRows
      self.sparseStart = sparseStart
      self.sparseClass = sparseClass
      self.sparseNext = sparseNext
      self.failure = failure
      self.hasOutput = outs.map { !$0.isEmpty }
    }

    var outputStart: [Int32] = [0]
    var outputs: [Int32] = []
    for s in 0..<n {
      outputs += outs[s].sorted { (lengths[Int($0)], -$0) > (lengths[Int($1)], -$1) }
      outputStart.append(Int32(outputs.count))
    }
    self.outputStart = outputStart
    self.outputs = outputs
  }
}
