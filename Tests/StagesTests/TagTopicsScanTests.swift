import PipelineCore
import Stages
import Testing

/// The automaton's dense scan (two lanes on long texts) against ``TagTopicsReferenceMatcher`` and
/// against the hybrid tables (which step every character), on random and real text.
@Suite struct TagTopicsScanTests {
  func sorted(_ matches: [AhoCorasick.Match]) -> [AhoCorasick.Match] {
    matches.sorted { ($0.start, $0.end, $0.pattern) < ($1.start, $1.end, $1.pattern) }
  }

  /// The matches of `matcher` in `text` collected a block at a time.
  func blockMatches(_ matcher: AhoCorasick, _ text: String) -> [AhoCorasick.Match] {
    var out: [AhoCorasick.Match] = []
    var text = text
    text.withUTF8 { bytes in
      matcher.forEachMatchBlock(in: bytes) { block in
        #expect(block.count > 0 && block.count <= 256)
        out += block
      }
    }
    return out
  }

  /// Checks `patterns` on `texts`: the dense scan finds what the reference finds, and in the
  /// same order as the hybrid scan and as the blocks of ``AhoCorasick/forEachMatchBlock(in:_:)``.
  /// Returns the number of matches.
  @discardableResult
  func check(_ patterns: [AhoCorasick.Pattern], _ texts: [String], referenceOn: (Int) -> Bool = { _ in true })
    throws -> Int
  {
    let dense = try AhoCorasick(patterns)
    let hybrid = try AhoCorasick(patterns, denseLimit: 1)
    let naive = TagTopicsReferenceMatcher(patterns)
    var total = 0
    for (k, text) in texts.enumerated() {
      let found = dense.matches(in: text)
      #expect(found == hybrid.matches(in: text), "\(text.prefix(80).debugDescription)")
      #expect(found == blockMatches(dense, text), "\(text.prefix(80).debugDescription)")
      #expect(found == blockMatches(hybrid, text), "\(text.prefix(80).debugDescription)")
      if referenceOn(k) {
        #expect(sorted(found) == naive.matches(in: text), "\(text.prefix(80).debugDescription)")
      }
      total += found.count
    }
    return total
  }

  @Test func examplesAroundWordEdges() throws {
    let patterns = ["visa", "visa regime", "launch*", "t", "x1", "виза", ".net", "e-visa"].map {
      AhoCorasick.Pattern(parsing: $0)
    }
    let texts = [
      // Words of every length next to matches, at the start and the very end.
      "the visa", "visa", "thereabouts visa", "visas visa", "launched", "a t", "t", "wh t",
      "overwhelmingly_long_word_here visa", "x1 x12 ax1 x1", "VISA REGIME, Visa  \n regime",
      "Виза, визы, ВИЗА", "asp.net .net", "e-visa, the e-visa", "café visa naïve visa",
      "twelve-year-old visa—regime", "中文visa visa中", "abcdefghvisa abcdefgh visa",
      "abcdefg", "ab", "a",
    ]
    let count = try check(patterns, texts)
    #expect(count > 20)
  }

  /// More matches than one block holds: the blocks together are every match, in order.
  @Test func manyMatchesComeInSeveralBlocks() throws {
    let patterns = ["visa", "visa regime", "regime"].map { AhoCorasick.Pattern(parsing: $0) }
    let text = String(repeating: "Visa regime, visa; ", count: 400)
    let count = try check(patterns, [text, String(text.prefix(3000))])
    // Four matches per repetition: visa, visa regime, regime, visa.
    #expect(count > 1600)
  }

  /// Phrases with spaces, short and longer than 8, 16 and 64 bytes, after every kind of character
  /// and with every kind of whitespace inside: the match starts where the reference says.
  @Test func phrasesWithWhitespaceStartWhereTheyShould() throws {
    let phrases = [
      "new york", "a b", "trade war", "european court of justice",
      "the council of the european union and the european parliament agreed",
      "visa free regime",
    ]
    let patterns = phrases.map { AhoCorasick.Pattern(parsing: $0) }
    let befores = ["", " ", "é ", "é", "\r", "ж\t", "—", "\u{A0}", "x, ", "1999 ", "\n\n", "中 "]
    var texts: [String] = []
    for before in befores {
      for phrase in phrases {
        for space in [" ", "  ", "\t", "\r\n", "\u{A0}", " \u{3000}"] {
          let body = phrase.split(separator: " ").joined(separator: space)
          texts.append(before + body + ".")
          texts.append(before + body.uppercased() + " and " + before + body)
        }
      }
    }
    let count = try check(patterns, texts)
    #expect(count > 1000)
  }

  @Test func randomTextsAgreeWithTheReference() throws {
    var rng = SplitMix64(seed: 2024)
    // Pattern pieces: words, prefixes of common words, stems, Cyrillic, separators inside.
    let words = [
      "visa", "vi", "the", "th", "trade", "trade war", "war", "a", "ab", "abc", "x", "x1", "_id",
      "new york", "york", "launch*", "rock*", "виза", "виз*", "безвиз*", "café", "e-visa", ".net",
      "cross-border", "u.s.", "co", "court", "courts",
    ]
    // Text pieces: those words in all cases, longer words, digits, every kind of separator.
    let pieces = [
      "visa", "Visa", "VISA", "the", "The", "there", "thereafter", "trade", "Trade", "war",
      "warning", "a", "ab", "abcdefghijkl", "x1", "x12", "_id", "id_", "New", "York", "york",
      "launch", "launched", "rocket", "виза", "Визы", "безвизовый", "café", "CAFÉ", "e-visa",
      ".net", "asp", "cross", "border", "u.s.", "U.S.", "co", "court", "courts", "1999", "中",
      " ", " ", " ", "  ", "\n", "\t", "\u{A0}", "\u{3000}", ",", ".", "-", "—", "(", ")", "'",
    ]
    var total = 0
    for round in 0..<15 {
      let patterns = (0..<12).map { _ in words[Int(rng.next() % UInt64(words.count))] }
        .map { AhoCorasick.Pattern(parsing: $0) }
      let texts = (0..<10).map { k in
        let length = k == 0 ? 400 : Int(rng.next() % 40)
        return (0..<length).map { _ in
          pieces[Int(rng.next() % UInt64(pieces.count))] + (rng.next() % 2 == 0 ? " " : "")
        }.joined()
      }
      total += try check(Array(Set(patterns)).sorted { $0.text < $1.text }, texts)
      _ = round
    }
    #expect(total > 300, "the random texts should contain many matches (\(total))")
  }

  @Test(
    .enabled(if: TagTopicsTestSupport.hasCorpusFile("topics.dev.jsonl"), "topics.dev.jsonl is missing")
  )
  func realPagesWithTheBundledTaxonomy() throws {
    // The terms of the four evaluated topics (all scripts), which keeps the build quick.
    let taxonomy = try TaxonomyFile.bundled.get()
    let patterns = taxonomy.topics.filter { ["visa", "trade", "legal", "space"].contains($0.id) }
      .flatMap { ($0.terms + $0.exclude).flatMap(\.patterns) }
    let records = try TagTopicsTestSupport.records(
      TagTopicsTestSupport.corpusFile("topics.dev.jsonl"))
    let texts = records.compactMap { $0["text"]?.stringValue }
    // Every 20th page against the hybrid scan, and 800 bytes from the middle of each also
    // against the reference (it tries every pattern at every character).
    let sample = stride(from: 0, to: texts.count, by: 20).map { texts[$0] }
    let all = try check(patterns, sample, referenceOn: { _ in false })
    let middles = sample.map { text in
      let bytes = Array(text.utf8)
      var start = bytes.count / 3
      while start < bytes.count && bytes[start] & 0xC0 == 0x80 { start += 1 }
      return String(decoding: bytes[start..<min(bytes.count, start + 800)], as: UTF8.self)
    }
    let sampled = try check(patterns, middles)
    #expect(all > 20 && sampled > 3, "\(all) matches, \(sampled) in the middles")
  }
}
