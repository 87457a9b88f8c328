import Testing

@testable import PipelineCore

/// The column-major dense table: every entry is the row-major table's entry (the reference it is
/// transposed from), the columns are laid out as documented, and the scan over it finds what the
/// hybrid layout finds.
@Suite struct AhoCorasickColumnsTests {
  /// The trie and classes of `patterns`, built as ``Automaton`` builds them (whole words,
  /// case folded, whitespace collapsed).
  func trie(_ patterns: [String]) -> (AhoCorasickTrie, CharacterClasses) {
    let keys = patterns.map { p -> [UInt8] in
      var key = Array(p.utf8)
      UTF8CaseFold.foldInPlace(&key)
      return key
    }
    let classes = CharacterClasses(
      keys: keys, caseInsensitive: true, collapseWhitespace: true, wholeWords: true)
    var keyClasses: [UInt16] = []
    var keyStart = [0]
    for key in keys {
      classes.appendClasses(of: key, to: &keyClasses)
      keyStart.append(keyClasses.count)
    }
    let trie = AhoCorasickTrie(
      classes: keyClasses, keyStart: keyStart, byteLengths: keys.map { Int32($0.count) },
      classCount: classes.count, isWord: classes.isWord)
    return (trie, classes)
  }

  /// Every state × class entry of the columns against the row-major rows.
  func expectColumnsMatchRows(_ patterns: [String]) {
    let (trie, classes) = trie(patterns)
    let columns = AhoCorasickColumns(trie, classes: classes)
    let lines = (classes.count + 31) / 32
    let rows = Automaton.denseRows(trie, classes: classes, lines: lines, unit: 1)
    var mismatches = 0
    for s in 0..<trie.count {
      for c in 0..<classes.count
      where columns.entries[c * columns.stride + s] != rows.rows[rows.rowBase + s * lines * 32 + c] {
        mismatches += 1
      }
    }
    #expect(mismatches == 0)
    #expect(columns.order == rows.order)
    #expect(columns.firstOutputState == rows.firstOutputEntry)
  }

  @Test func everyEntryIsTheRowMajorEntry() {
    expectColumnsMatchRows(["new york city", "york city", "city", "york", "new", "visa*", ".net"])
    expectColumnsMatchRows(["суд", "судья", "виза", "Қазақстан", "café", "a b c"])
  }

  @Test func everyEntryIsTheRowMajorEntryForRandomPatterns() {
    var rng = SplitMix64(seed: 7)
    let alphabet = ["a", "b", "c", "e", " ", "ж", "é", "-", "x", "y"]
    for _ in 0..<5 {
      let patterns = (0..<150).map { _ in
        (0..<(1 + Int(rng.next() % 8))).map { _ in alphabet[Int(rng.next() % 10)] }.joined()
      }
      expectColumnsMatchRows(patterns.map { TermSyntax.normaliseForTest($0) }.filter { !$0.isEmpty })
    }
  }

  /// Columns span an odd number of 64-byte lines (so that their starts fall in different cache
  /// sets) and hold every state; an ASCII byte's column is its class's.
  @Test func columnsAreLaidOutAsDocumented() throws {
    let patterns = (0..<300).map { "term\($0 * 7919 % 1000)x" }.map { AhoCorasick.Pattern($0) }
    let a = try AhoCorasick(patterns).automaton
    #expect(a.isDense)
    #expect(a.columnStride >= a.stateCount)
    #expect(a.columnStride % 32 == 0 && (a.columnStride / 32) % 2 == 1)
    #expect(a.columns.count == a.columnStride * a.classCount)
    for b in 0..<128 {
      #expect(Int(a.asciiColumn[b]) == Int(a.classes.ascii[b]) * a.columnStride)
    }
    // The root is state 0, at the start of every column: the step on `t` from the root.
    let t = Int(a.asciiColumn[Int(UInt8(ascii: "t"))])
    #expect(a.columns[t] != UInt16(Automaton.inWord))
    #expect(a.columns[Int(a.asciiColumn[Int(UInt8(ascii: "q"))])] == UInt16(Automaton.inWord))
  }

  /// The store's column addresses are the ASCII bytes' columns in its own copy of the entries.
  @Test func columnAddressesPointIntoTheStore() throws {
    let a = try AhoCorasick(["visa", "new york", "суд"].map { AhoCorasick.Pattern($0) }).automaton
    let store = try #require(a.columnStore)
    #expect(store.count == a.columnStride * a.classCount && store.stride == a.columnStride)
    for b in 0..<128 {
      #expect(store.ascii[b] == UnsafePointer(store.entries + Int(a.asciiColumn[b])))
    }
    #expect(try AhoCorasick(["visa"].map { AhoCorasick.Pattern($0) }, denseLimit: 1).automaton.columnStore == nil)
  }

  /// Long texts (two lanes, several windows) over many patterns: the column scan finds exactly
  /// what the hybrid layout's scan finds.
  @Test func columnScanAgreesWithTheHybridLayout() throws {
    var rng = SplitMix64(seed: 11)
    let words = ["visa", "regime", "new", "york", "city", "суд", "café", "launch", "ed", "x"]
    let patterns = ["visa", "visa regime", "new york", "york city", "суд*", "café", "launch*", "x"]
      .map { AhoCorasick.Pattern(parsing: $0) }
    let dense = try AhoCorasick(patterns)
    let hybrid = try AhoCorasick(patterns, denseLimit: 64)
    #expect(dense.automaton.isDense && !hybrid.automaton.isDense)
    for round in 0..<6 {
      let separators = [" ", "  ", ", ", "\n", ". ", "-", "\u{A0}"]
      let text = (0..<(round == 5 ? 40_000 : 700)).map { _ in
        words[Int(rng.next() % 10)] + separators[Int(rng.next() % 7)]
      }.joined()
      #expect(dense.matches(in: text) == hybrid.matches(in: text))
    }
  }
}
