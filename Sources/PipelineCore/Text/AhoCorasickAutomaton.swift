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
/// - all dense (the usual case): one column of 16-bit entries per class (``AhoCorasickColumns``),
///   an entry holding the next state's number, so the scan is `state = column(byte)[state]`: one
///   load per character on the chain from one state to the next (the byte's column comes from a
///   table, off that chain), plus one comparison (states with outputs are numbered last). Used
///   while the states fit 16 bits;
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
  // Output record flags (only in a state's first record).
  /// The state has more outputs than its first (in ``outputRecords``).
  static let moreOutputs: UInt8 = 8
  /// The state has no outputs (hybrid layout only: its head record is a placeholder).
  static let noOutput: UInt8 = 16

  static let root = 0
  /// The state inside a word where no match can be under way.
  static let inWord = 1

  let classes: CharacterClasses
  let classCount: Int
  /// Per class: whether the state after a character of the class is the same whatever came
  /// before (a separator that patterns only have first, or a word character no pattern has), so
  /// that a scan may start fresh right after it.
  let restartsAfter: [Bool]
  /// Per byte: whether it is an ASCII character whose class ``restartsAfter`` (256 entries, so
  /// that a search for a restart point is one load per byte).
  let restartsAfterByte: [Bool]
  let stateCount: Int

  // All-dense layout (no `columnStore` means hybrid): the next state after state s on class c
  // is columns[c * columnStride + s]; `asciiColumn[b]` is the column of ASCII byte b.
  let columnStore: AhoCorasickColumnStore?
  let columnStride: Int
  let asciiColumn: [Int32]
  /// The dense table's entries (empty in the hybrid layout). Valid while the automaton is.
  var columns: UnsafeBufferPointer<UInt16> {
    columnStore?.buffer ?? UnsafeBufferPointer(start: nil, count: 0)
  }

  // Hybrid layout.
  let denseCount: Int
  let hybridRows: [Int32]
  let sparseStart: [Int32]
  let sparseClass: [UInt16]
  let sparseNext: [Int32]
  let failure: [Int32]
  let hasOutput: [Bool]

  // Outputs per state (own and inherited through failure links), longest pattern first, as
  // records of four numbers: pattern, length in bytes, length in characters, flags. The states
  // from `firstOutputState` on (all with outputs in the dense layout) have their first record at
  // `outputHeads[4 * (s - firstOutputState)]`, so that a report reads one cache line; the
  // records after the first (flag `moreOutputs`) are outputRecords[4 * outputStart[o]..<4 *
  // outputStart[o + 1]] for o = s - firstOutputState.
  let firstOutputState: Int
  let outputHeads: [Int32]
  let outputStart: [Int32]
  let outputRecords: [Int32]
  /// Per pattern with whitespace: where its spaces are, to find the start of a match cheaply.
  let spaceLayouts: [SpaceLayout]

  var isDense: Bool { columnStore != nil }

  init(_ patterns: [AhoCorasick.Pattern], options: AhoCorasick.Options, denseLimit: Int)
    throws(AhoCorasick.PatternError)
  {
    // Patterns as the bytes the scanner compares: whitespace-normalised and case-folded.
    var keys: [[UInt8]] = []
    var flags: [UInt8] = []
    keys.reserveCapacity(patterns.count)
    flags.reserveCapacity(patterns.count)
    for (index, p) in patterns.enumerated() {
      var source = p.text
      var text = source.withUTF8 { raw in
        options.collapseWhitespace ? UnicodeWhitespace.normalised(raw) : Array(raw)
      }
      guard !text.isEmpty else {
        throw AhoCorasick.PatternError(index: index, message: "empty pattern")
      }
      let endsWithWord = text.withUnsafeBufferPointer {
        WordCharacters.isWord(before: $0.count, in: $0)
      }
      if options.caseInsensitive { UTF8CaseFold.foldInPlace(&text) }
      var f: UInt8 = 0
      if options.wholeWords && endsWithWord && !p.prefix { f |= Self.checkEnd }
      if p.prefix && endsWithWord { f |= Self.stem }
      if options.collapseWhitespace && text.contains(0x20) { f |= Self.hasSpace }
      flags.append(f)
      keys.append(text)
    }
    let classes = CharacterClasses(
      keys: keys, caseInsensitive: options.caseInsensitive,
      collapseWhitespace: options.collapseWhitespace, wholeWords: options.wholeWords)
    self.classes = classes
    let nc = classes.count
    self.classCount = nc
    let isWord = classes.isWord
    let byteLengths = keys.map { Int32($0.count) }
    let charLengths = keys.map { key in Int32(key.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }) }

    // The keys as class sequences, one after the other.
    var keyClasses: [UInt16] = []
    keyClasses.reserveCapacity(byteLengths.reduce(0) { $0 + Int($1) })
    var keyStart = [0]
    keyStart.reserveCapacity(keys.count + 1)
    for key in keys {
      classes.appendClasses(of: key, to: &keyClasses)
      keyStart.append(keyClasses.count)
    }
    let trie = AhoCorasickTrie(
      classes: keyClasses, keyStart: keyStart, byteLengths: byteLengths, classCount: nc,
      isWord: isWord)
    let n = trie.count
    self.stateCount = n

    // A separator class restarts the scan if no pattern has it after its first character; a
    // word class, if no pattern has it at all (otherwise the state depends on the word start).
    var restartsAfter = [Bool](repeating: true, count: nc)
    for t in 2..<max(n, 2) {
      let c = Int(trie.incoming[t])
      if t >= Int(trie.childStart[1]) || isWord[c] { restartsAfter[c] = false }
    }
    self.restartsAfter = restartsAfter
    self.restartsAfterByte = (0..<256).map { b in b < 0x80 && restartsAfter[Int(classes.ascii[b])] }

    var outputOrder: [Int32]  // the states in the order of their output records
    let firstOutputState: Int  // the first state (in that order) with outputs
    // The dense table's size as rows of an odd number of 64-byte lines (32 entries each), the
    // layout it is built from.
    var lines = (nc + 31) / 32
    if lines % 2 == 0 { lines += 1 }
    if n <= 0x10000 && n * lines * 32 <= denseLimit {
      let dense = AhoCorasickColumns(trie, classes: classes)
      self.columnStore = AhoCorasickColumnStore(dense)
      self.columnStride = dense.stride
      self.asciiColumn = dense.asciiColumn
      firstOutputState = dense.firstOutputState
      outputOrder = dense.order
      self.denseCount = 0
      self.hybridRows = []
      self.sparseStart = []
      self.sparseClass = []
      self.sparseNext = []
      self.failure = []
      self.hasOutput = []
    } else {
      let denseCount = max(2, min(n, denseLimit / nc))
      let hybrid = Self.hybridRows(trie, classes: classes, denseCount: denseCount)
      self.columnStore = nil
      self.columnStride = 0
      self.asciiColumn = []
      firstOutputState = 0
      self.denseCount = denseCount
      self.hybridRows = hybrid.rows
      self.sparseStart = hybrid.sparseStart
      self.sparseClass = hybrid.sparseClass
      self.sparseNext = hybrid.sparseNext
      self.failure = trie.failure
      self.hasOutput = (0..<n).map { trie.hasOutput($0) }
      outputOrder = (0..<n).map { Int32($0) }
    }

    // The first output of each state with outputs, at a fixed place (no start to look up first),
    // then the others of the state, if any.
    let heads = Array(outputOrder[firstOutputState...])
    var outputHeads: [Int32] = []
    outputHeads.reserveCapacity(heads.count * 4)
    var outputStart: [Int32] = [0]
    outputStart.reserveCapacity(heads.count + 1)
    var outputRecords: [Int32] = []
    outputRecords.reserveCapacity(max(0, trie.outputs.count - heads.count) * 4)
    for s in heads {
      let first = Int(trie.outputStart[Int(s)])
      let last = Int(trie.outputStart[Int(s) + 1])
      for x in first..<last {
        let p = Int(trie.outputs[x])
        var f = Int32(flags[p])
        if x == first && last - first > 1 { f |= Int32(Self.moreOutputs) }
        let record = [Int32(p), byteLengths[p], charLengths[p], f]
        if x == first { outputHeads += record } else { outputRecords += record }
      }
      if first == last { outputHeads += [0, 0, 0, Int32(Self.noOutput)] }
      outputStart.append(Int32(outputRecords.count / 4))
    }
    self.firstOutputState = firstOutputState
    self.outputHeads = outputHeads
    self.outputStart = outputStart
    self.outputRecords = outputRecords
    self.spaceLayouts = zip(keys, flags).map { key, f in
      f & Self.hasSpace != 0 ? SpaceLayout(key: key) : SpaceLayout()
    }
  }
}
