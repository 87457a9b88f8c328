/// The tables of an ``AhoCorasick`` matcher, built once from the patterns.
///
/// The automaton steps once per character, on ``CharacterClasses``. With whole-word matching it
/// is *word-anchored*: a match may only begin at the start of a word (or at a pattern character
/// that is itself a separator), so failure links only lead to suffixes that begin there, and a
/// word that no pattern starts with sends the scan to one *in-word* state that it leaves at the
/// next separator. Scans of ordinary text therefore stay in a few hot states, and a pattern is
/// never found inside a longer word.
///
/// Two layouts of the transition table:
///
/// - all dense (the usual case): a row per state of 16-bit entries, rows starting on cache lines
///   and spanning an odd number `lines` of them (32 entries each), so that the first line of every
///   row — where the classes of the frequent letters are — maps to a different cache set rather
///   than piling into a few as power-of-two rows would. An entry holds the next state's *line
///   number* (`state * lines`), so the scan is `entry = rows[entry << 5 + class]`: a shift, an
///   add and a load per character, plus one comparison (states with outputs are numbered last).
///   Used while `states * lines` fits in 16 bits;
/// - hybrid (beyond that, or when the dense table would exceed `denseLimit` entries): dense rows
///   for the states nearest the root (entry = next state << 1 | has output), sorted sparse rows and
///   failure links for the others.
///
/// Whitespace runs are collapsed by the automaton itself: every state entered on a space loops to
/// itself on more whitespace.
struct Automaton: Sendable {
  // Pattern flags (kept in the output records).
  static let checkEnd: UInt8 = 1
  static let stem: UInt8 = 2
  static let hasSpace: UInt8 = 4

  static let root = 0
  /// The state inside a word where no match can be under way.
  static let inWord = 1

  let classes: CharacterClasses
  let classCount: Int
  /// Per class: whether the state after a character of the class is the same whatever came
  /// before (a separator that patterns only have first, or a word character no pattern has), so
  /// that a scan may start fresh right after it.
  let restartsAfter: [Bool]
  let stateCount: Int

  // All-dense layout (empty `rows` means hybrid): the row of state s starts at entry
  // rowBase + (s * lines) << 5; entries are next state * lines.
  let rows: [UInt16]
  let rowBase: Int
  let lines: Int
  /// The entry value (state * lines) from which states have outputs.
  let firstOutputEntry: Int

  // Hybrid layout.
  let denseCount: Int
  let hybridRows: [Int32]
  let sparseStart: [Int32]
  let sparseClass: [UInt16]
  let sparseNext: [Int32]
  let failure: [Int32]
  let hasOutput: [Bool]

  // Outputs per state (own and inherited through failure links), longest pattern first: state s
  // has the records outputStart[s]..<outputStart[s + 1], each four numbers: pattern, length in
  // bytes, length in characters, flags.
  let outputStart: [Int32]
  let outputRecords: [Int32]

  var isDense: Bool { !rows.isEmpty }

  init(_ patterns: [AhoCorasick.Pattern], options: AhoCorasick.Options, denseLimit: Int)
    throws(AhoCorasick.PatternError)
  {
    // Patterns as the characters the scanner steps on.
    var keys: [String] = []
    var flags: [UInt8] = []
    keys.reserveCapacity(patterns.count)
    for (index, p) in patterns.enumerated() {
      let text = options.collapseWhitespace ? TermSyntax.normaliseSpaces(p.text) : p.text
      guard !text.isEmpty else {
        throw AhoCorasick.PatternError(index: index, message: "empty pattern")
      }
      let key = options.caseInsensitive ? UTF8CaseFold.fold(text) : text
      keys.append(key)
      var f: UInt8 = 0
      let endsWithWord = WordCharacters.endsWithWord(text)
      if options.wholeWords && endsWithWord && !p.prefix { f |= Self.checkEnd }
      if p.prefix && endsWithWord { f |= Self.stem }
      if options.collapseWhitespace && key.utf8.contains(0x20) { f |= Self.hasSpace }
      flags.append(f)
    }
    let byteLengths = keys.map { Int32($0.utf8.count) }
    let classes = CharacterClasses(
      keys: keys, caseInsensitive: options.caseInsensitive,
      collapseWhitespace: options.collapseWhitespace, wholeWords: options.wholeWords)
    self.classes = classes
    let nc = classes.count
    self.classCount = nc
    let isWord = classes.isWord

    // Trie over classes (node 0 is the root; the in-word state is added below).
    var children: [[(UInt16, Int32)]] = [[]]
    var own: [[Int32]] = [[]]
    for (index, key) in keys.enumerated() {
      var s = 0
      for c in classes.classes(of: key) {
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
    // Breadth-first numbering: root 0, in-word state 1, trie nodes from 2.
    var order = [0]
    var head = 0
    while head < order.count {
      for (_, t) in children[order[head]] { order.append(Int(t)) }
      head += 1
    }
    let n = order.count + 1
    self.stateCount = n
    var number = [Int](repeating: 0, count: order.count)
    for (i, s) in order.enumerated() { number[s] = i == 0 ? 0 : i + 1 }
    var kids: [[(UInt16, Int32)]] = Array(repeating: [], count: n)
    var outs: [[Int32]] = Array(repeating: [], count: n)
    var incoming = [Int](repeating: -1, count: n)
    var parent = [Int](repeating: 0, count: n)
    for s in 0..<order.count {
      let k = number[s]
      kids[k] = children[s].map { ($0.0, Int32(number[Int($0.1)])) }.sorted { $0.0 < $1.0 }
      outs[k] = own[s]
      for (c, t) in kids[k] {
        incoming[Int(t)] = Int(c)
        parent[Int(t)] = k
      }
    }

    // Failure links: the longest proper suffix that a match may start at, else the root (after
    // a separator) or the in-word state (after a word character).
    var failure = [Int32](repeating: 0, count: n)
    func child(_ q: Int, _ c: Int) -> Int? {
      kids[q].first { Int($0.0) == c }.map { Int($0.1) }
    }
    func go(_ state: Int, _ c: Int) -> Int {
      var q = state
      while true {
        if let t = child(q, c) { return t }
        if q == Self.root { return isWord[c] ? Self.inWord : Self.root }
        if q == Self.inWord {
          if isWord[c] { return Self.inWord }
          q = Self.root
          continue
        }
        q = Int(failure[q])
      }
    }
    for s in 2..<max(n, 2) {
      let p = parent[s]
      let c = incoming[s]
      failure[s] = Int32(
        p == Self.root ? (isWord[c] ? Self.inWord : Self.root) : go(Int(failure[p]), c))
      outs[s] += outs[Int(failure[s])]
    }
    // A separator class restarts the scan if no pattern has it after its first character; a
    // word class, if no pattern has it at all (otherwise the state depends on the word start).
    var restartsAfter = [Bool](repeating: true, count: nc)
    for s in 0..<n {
      for (c, _) in kids[s] where s != Self.root || isWord[Int(c)] { restartsAfter[Int(c)] = false }
    }
    self.restartsAfter = restartsAfter
    func loopsOnSpace(_ s: Int) -> Bool { classes.space >= 0 && incoming[s] == classes.space }
    // The rows of the root and the in-word state.
    func baseRow(_ s: Int) -> [Int32] {
      (0..<nc).map { c in
        if s == Self.inWord && isWord[c] { return Int32(Self.inWord) }
        return Int32(child(Self.root, c) ?? (isWord[c] ? Self.inWord : Self.root))
      }
    }

    // Rows of an odd number of 64-byte lines (32 entries each).
    var lines = (nc + 31) / 32
    if lines % 2 == 0 { lines += 1 }
    let stride = lines * 32
    if n * lines <= 0x10000 && n * stride <= denseLimit {
      // All dense: a state's row is its failure state's row with its own children written over.
      var delta = [Int32](repeating: 0, count: n * nc)
      for s in 0..<n {
        if s <= Self.inWord {
          let row = baseRow(s)
          for c in 0..<nc { delta[s * nc + c] = row[c] }
        } else {
          let f = Int(failure[s]) * nc
          for c in 0..<nc { delta[s * nc + c] = delta[f + c] }
        }
        for (c, t) in kids[s] { delta[s * nc + Int(c)] = t }
      }
      for s in 0..<n where loopsOnSpace(s) { delta[s * nc + classes.space] = Int32(s) }
      // Renumber: states with outputs last.
      var renumber = [Int](repeating: 0, count: n)
      var next = 0
      for s in 0..<n where outs[s].isEmpty {
        renumber[s] = next
        next += 1
      }
      let firstOutput = next
      for s in 0..<n where !outs[s].isEmpty {
        renumber[s] = next
        next += 1
      }
      // 32 spare entries, to start the first row on a 64-byte boundary.
      var rows = [UInt16](repeating: 0, count: n * stride + 32)
      let address = rows.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
      let rowBase = ((64 - address % 64) % 64) / 2
      var renumberedOuts: [[Int32]] = Array(repeating: [], count: n)
      rows.withUnsafeMutableBufferPointer { rows in
        for s in 0..<n {
          let base = rowBase + renumber[s] * stride
          for c in 0..<nc {
            rows[base + c] = UInt16(truncatingIfNeeded: renumber[Int(delta[s * nc + c])] * lines)
          }
          renumberedOuts[renumber[s]] = outs[s]
        }
      }
      outs = renumberedOuts
      self.rows = rows
      self.rowBase = rowBase
      self.lines = lines
      self.firstOutputEntry = firstOutput * lines
      self.denseCount = 0
      self.hybridRows = []
      self.sparseStart = []
      self.sparseClass = []
      self.sparseNext = []
      self.failure = []
      self.hasOutput = []
    } else {
      // Hybrid: dense rows near the root, sparse rows below.
      let denseCount = max(2, min(n, denseLimit / nc))
      var hybridRows = [Int32](repeating: 0, count: denseCount * nc)
      func entry(_ t: Int) -> Int32 { Int32(t) << 1 | (outs[t].isEmpty ? 0 : 1) }
      for s in 0..<denseCount {
        if s <= Self.inWord {
          let row = baseRow(s)
          for c in 0..<nc { hybridRows[s * nc + c] = entry(Int(row[c])) }
        } else {
          // Failure states come earlier in breadth-first order, so their rows are ready.
          let f = Int(failure[s]) * nc
          for c in 0..<nc { hybridRows[s * nc + c] = hybridRows[f + c] }
        }
        for (c, t) in kids[s] { hybridRows[s * nc + Int(c)] = entry(Int(t)) }
      }
      // Space loops last, so that no row copied above inherits one.
      for s in 0..<denseCount where loopsOnSpace(s) {
        hybridRows[s * nc + classes.space] = entry(s)
      }
      var sparseStart: [Int32] = [0]
      var sparseClass: [UInt16] = []
      var sparseNext: [Int32] = []
      for s in denseCount..<n {
        var row = kids[s]
        if loopsOnSpace(s) {
          row.append((UInt16(classes.space), Int32(s)))
          row.sort { $0.0 < $1.0 }
        }
        for (c, t) in row {
          sparseClass.append(c)
          sparseNext.append(t)
        }
        sparseStart.append(Int32(sparseClass.count))
      }
      self.rows = []
      self.rowBase = 0
      self.lines = 1
      self.firstOutputEntry = 0
      self.denseCount = denseCount
      self.hybridRows = hybridRows
      self.sparseStart = sparseStart
      self.sparseClass = sparseClass
      self.sparseNext = sparseNext
      self.failure = failure
      self.hasOutput = outs.map { !$0.isEmpty }
    }

    var outputStart: [Int32] = [0]
    var outputRecords: [Int32] = []
    let charLengths = keys.map { Int32($0.unicodeScalars.count) }
    for s in 0..<n {
      for p in outs[s].sorted(by: { (byteLengths[Int($0)], -$0) > (byteLengths[Int($1)], -$1) }) {
        outputRecords += [p, byteLengths[Int(p)], charLengths[Int(p)], Int32(flags[Int(p)])]
      }
      outputStart.append(Int32(outputRecords.count / 4))
    }
    self.outputStart = outputStart
    self.outputRecords = outputRecords
  }
}
