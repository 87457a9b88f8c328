import PipelineCore
import Testing

/// The matcher, example by example, including the bugs popular keyword matchers are known for.
@Suite struct AhoCorasickTests {
  /// The matched substrings of `text` for `terms` (each term in ``TermSyntax``), as
  /// `"term=matched text"` in scan order.
  func found(_ terms: [String], in text: String, options: AhoCorasick.Options = .init()) throws
    -> [String]
  {
    let patterns = terms.map { AhoCorasick.Pattern(parsing: $0) }
    let matcher = try AhoCorasick(patterns, options: options)
    let bytes = Array(text.utf8)
    return matcher.matches(in: text).map { m in
      "\(patterns[m.pattern])=" + String(decoding: bytes[m.start..<m.end], as: UTF8.self)
    }
  }

  @Test func theDocumentedExample() throws {
    let matcher = try AhoCorasick(
      ["visa", "visa regime", "launch*"].map { AhoCorasick.Pattern(parsing: $0) })
    #expect(
      matcher.matches(in: "Visa regime eased; rocket launched") == [
        .init(pattern: 0, start: 0, end: 4), .init(pattern: 1, start: 0, end: 11),
        .init(pattern: 2, start: 26, end: 34),
      ])
    #expect(matcher.hasMatch(in: "a VISA"))
    #expect(!matcher.hasMatch(in: "visas only"))
  }

  @Test func termAtTheVeryStartAndEnd() throws {
    #expect(try found(["visa"], in: "visa") == ["visa=visa"])
    #expect(try found(["visa"], in: "visa rules changed") == ["visa=visa"])
    #expect(try found(["visa"], in: "rules for a visa") == ["visa=visa"])
    let m = try AhoCorasick([.init("visa")]).matches(in: "a visa")
    #expect(m == [AhoCorasick.Match(pattern: 0, start: 2, end: 6)])
  }

  @Test func termFollowedByPunctuation() throws {
    #expect(try found(["visa"], in: "no visa.") == ["visa=visa"])
    #expect(
      try found(["visa"], in: "(visa), visa; visa! \"visa\" visa's visa-free")
        == Array(repeating: "visa=visa", count: 6))
    #expect(try found(["visa"], in: "visa—and") == ["visa=visa"])
  }

  @Test func termInsideALongerWordIsNotAMatch() throws {
    #expect(try found(["visa"], in: "visas supervisa visa2 visa_x") == [])
    // A non-ASCII letter right after the term: the neighbour is decoded, not just tested as ASCII.
    #expect(try found(["visa"], in: "visaé visaж éviza évisa") == [])
    #expect(try found(["виза"], in: "визаны, безвиза, виза.") == ["виза=виза"])
    // A combining accent belongs to the word.
    #expect(try found(["visa"], in: "visa\u{301} x") == [])
    // Digits of other scripts are word characters too.
    #expect(try found(["visa"], in: "visa٣") == [])
  }

  @Test func overlappingTermsAreAllReported() throws {
    #expect(try found(["new york", "york"], in: "New York") == ["new york=New York", "york=York"])
    #expect(
      try found(["visa", "visa regime"], in: "the visa regime")
        == ["visa=visa", "visa regime=visa regime"])
    #expect(try found(["he", "she", "hers", "his"], in: "ushers") == [])
    let raw = AhoCorasick.Options(wholeWords: false)
    #expect(
      try found(["he", "she", "hers", "his"], in: "ushers", options: raw) == [
        "she=she", "he=he", "hers=hers",
      ])
  }

  @Test func aTermThatIsAPrefixOfAnother() throws {
    #expect(
      try found(["trade", "trade war"], in: "trade wars and a trade war") == [
        "trade=trade", "trade=trade", "trade war=trade war",
      ])
    #expect(
      try found(["space", "spacecraft"], in: "spacecraft in space") == [
        "spacecraft=spacecraft", "space=space",
      ])
    #expect(
      try found(["in", "ink", "inkjet"], in: "inkjet ink in") == [
        "inkjet=inkjet", "ink=ink", "in=in",
      ])
  }

  @Test func emptyAndOneByteTexts() throws {
    #expect(try found(["a", "visa"], in: "") == [])
    #expect(try found(["a"], in: "a") == ["a=a"])
    #expect(try found(["a"], in: "A") == ["a=A"])
    #expect(try found(["a"], in: "b") == [])
    #expect(try found(["a"], in: " ") == [])
    #expect(try found(["a"], in: "\n") == [])
    #expect(try found(["é"], in: "É") == ["é=É"])
    #expect(try found(["a"], in: "é") == [])
  }

  @Test func caseInsensitiveAcrossScripts() throws {
    #expect(try found(["visa"], in: "VISA Visa vIsA") == ["visa=VISA", "visa=Visa", "visa=vIsA"])
    #expect(try found(["виза"], in: "ВИЗА Виза виза") == ["виза=ВИЗА", "виза=Виза", "виза=виза"])
    #expect(try found(["ЕВРОПА"], in: "в европе Европа") == ["ЕВРОПА=Европа"])
    #expect(try found(["éducation"], in: "ÉDUCATION") == ["éducation=ÉDUCATION"])
    #expect(try found(["σπίτι"], in: "ΣΠΊΤΙ") == ["σπίτι=ΣΠΊΤΙ"])
    let sensitive = AhoCorasick.Options(caseInsensitive: false)
    #expect(try found(["Visa"], in: "visa Visa", options: sensitive) == ["Visa=Visa"])
  }

  @Test func russianTermsWithInflectionsAndStems() throws {
    let terms = try ["виз{а,ы,у,ой}", "визов*"].flatMap { try TermSyntax.expand($0) }
    let matcher = try AhoCorasick(terms)
    let text = "Визы и визовый режим: виза, визой; визит не считается."
    let bytes = Array(text.utf8)
    let words = matcher.matches(in: text).map {
      String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)
    }
    #expect(words == ["Визы", "визовый", "виза", "визой"])
  }

  @Test func kazakhTerms() throws {
    #expect(try found(["виза"], in: "Виза режимі") == ["виза=Виза"])
    #expect(
      try found(["ғарыш*"], in: "ҒАРЫШ пен ғарыштық зерттеулер") == [
        "ғарыш*=ҒАРЫШ", "ғарыш*=ғарыштық",
      ])
    #expect(try found(["қазақстан"], in: "ҚАЗАҚСТАН") == ["қазақстан=ҚАЗАҚСТАН"])
    for (upper, lower) in [
      ("Ә", "ә"), ("Ғ", "ғ"), ("Қ", "қ"), ("Ң", "ң"), ("Ө", "ө"), ("Ұ", "ұ"), ("Ү", "ү"),
      ("Һ", "һ"), ("І", "і"),
    ] {
      #expect(UTF8CaseFold.fold(upper) == lower)
    }
  }

  @Test func stemsExtendToTheEndOfTheWord() throws {
    #expect(
      try found(["launch*"], in: "launch, launched, Launches and LAUNCHING; relaunch")
        == ["launch*=launch", "launch*=launched", "launch*=Launches", "launch*=LAUNCHING"])
  }

  /// Starts of phrase matches: taken as `end - length` when the text has single ASCII
  /// whitespace there, measured back otherwise (runs, no-break spaces, non-ASCII letters).
  @Test func startsOfPhrasesWithEveryKindOfWhitespace() throws {
    let terms = ["visa regime", "a b c", "визовый режим"]
    #expect(try found(terms, in: "visa regime") == ["visa regime=visa regime"])
    #expect(try found(terms, in: "  visa\tregime") == ["visa regime=visa\tregime"])
    #expect(try found(terms, in: "x\n visa  regime") == ["visa regime=visa  regime"])
    #expect(try found(terms, in: "visa \n\tregime!") == ["visa regime=visa \n\tregime"])
    #expect(try found(terms, in: "é visa\u{A0}regime") == ["visa regime=visa\u{A0}regime"])
    #expect(try found(terms, in: "Visa\u{2003}Regime") == ["visa regime=Visa\u{2003}Regime"])
    #expect(try found(terms, in: "z a b  c") == ["a b c=a b  c"])
    #expect(try found(terms, in: "a  b c") == ["a b c=a  b c"])
    #expect(try found(terms, in: "ВИЗОВЫЙ режим") == ["визовый режим=ВИЗОВЫЙ режим"])
    #expect(try found(terms, in: "визовый \n режим") == ["визовый режим=визовый \n режим"])
  }

  @Test func whitespaceRunsAndLineBreaksInsidePhrases() throws {
    #expect(
      try found(["joint venture"], in: "a joint\nventure and a joint   venture") == [
        "joint venture=joint\nventure", "joint venture=joint   venture",
      ])
    #expect(
      try found(["space shuttle"], in: "the space\n    shuttle") == [
        "space shuttle=space\n    shuttle"
      ])
    #expect(try found(["new york"], in: "New\u{A0}York") == ["new york=New\u{A0}York"])
    #expect(try found(["york"], in: "new  \n york") == ["york=york"])
    #expect(try found(["visa"], in: "  \n\n visa") == ["visa=visa"])
  }

  @Test func offsetsAreBytesOfTheOriginalText() throws {
    let text = "Ж visa ВИЗА"
    let matcher = try AhoCorasick([.init("visa"), .init("виза")])
    #expect(
      matcher.matches(in: text) == [
        .init(pattern: 0, start: 3, end: 7), .init(pattern: 1, start: 8, end: 16),
      ])
  }

  @Test func patternEdgesThatAreNotWordCharactersAreNotBoundaryChecked() throws {
    #expect(try found([".net"], in: "asp.net") == [".net=.net"])
    #expect(try found(["c++"], in: "c++x") == ["c++=c++"])
    #expect(try found(["c++"], in: "abc++") == [])
  }

  @Test func emptyPatternsAreRejected() {
    #expect(throws: AhoCorasick.PatternError.self) { try AhoCorasick([.init("a"), .init("  ")]) }
    #expect(throws: TermSyntax.Error.self) { try TermSyntax.expand("") }
  }

  @Test func termSyntaxExpansions() throws {
    #expect(try TermSyntax.expand("court{,s}").map(\.description) == ["court", "courts"])
    #expect(try TermSyntax.expand("launch*").map(\.description) == ["launch*"])
    #expect(
      try TermSyntax.expand("visa{-, }free").map(\.description) == ["visa-free", "visa free"])
    #expect(try TermSyntax.expand("{trade,tariff} war{,s}").count == 4)
    #expect(try TermSyntax.expand("a\\{b\\}").map(\.description) == ["a{b}"])
    #expect(try TermSyntax.expand("  visa   regime ").map(\.description) == ["visa regime"])
    #expect(throws: TermSyntax.Error.self) { try TermSyntax.expand("court{s") }
    #expect(throws: TermSyntax.Error.self) { try TermSyntax.expand("court}s") }
    #expect(throws: TermSyntax.Error.self) { try TermSyntax.expand("co*urt") }
    #expect(throws: TermSyntax.Error.self) { try TermSyntax.expand("{a,{b}}") }
  }

  @Test func sparseAndDenseTablesAgreeWithANaiveMatcher() throws {
    // Deterministic pseudo-random texts over a small alphabet with spaces, Cyrillic and accents.
    var rng = SplitMix64(seed: 42)
    let alphabet = ["a", "b", "A", "B", " ", "ж", "Ж", "é", "É", "-", "."]
    func word(_ maxLength: Int) -> String {
      (0..<(1 + Int(rng.next() % UInt64(maxLength)))).map { _ in alphabet[Int(rng.next() % 9)] }
        .joined()
    }
    let terms = Array(
      Set(
        (0..<60).map { _ in word(5) }.map { TermSyntax.normaliseForTest($0) }.filter { !$0.isEmpty }
      ))
    let patterns = terms.map { AhoCorasick.Pattern($0) }
    let options = AhoCorasick.Options(wholeWords: false, collapseWhitespace: false)
    let dense = try AhoCorasick(patterns, options: options)
    let sparse = try AhoCorasick(patterns, options: options, denseLimit: 1)
    #expect(sparse.stateCount == dense.stateCount)
    for round in 0..<80 {
      // Short texts, and long ones that the dense scan splits into two and four lanes.
      let text = (0..<(round % 40 == 0 ? 2100 : round % 8 == 0 ? 400 : 40)).map { _ in
        alphabet[Int(rng.next() % UInt64(alphabet.count))]
      }.joined()
      let expected = naiveMatches(patterns, in: text)
      let a = dense.matches(in: text).map { key($0.pattern, $0.start, $0.end) }.sorted()
      let b = sparse.matches(in: text).map { key($0.pattern, $0.start, $0.end) }.sorted()
      #expect(a == expected)
      #expect(b == expected)
    }
  }

  @Test func wholeWordMatchingAgreesWithANaiveMatcher() throws {
    // Word characters (letters in three scripts, a digit) and separators ('-', '.', ' ').
    var rng = SplitMix64(seed: 7)
    let alphabet = ["a", "b", "B", "ж", "Ж", "é", "1", "-", ".", " "]
    func pick(_ n: Int) -> String { alphabet[Int(rng.next() % UInt64(n))] }
    var terms = Set<String>()
    while terms.count < 40 {
      let word = (0..<(1 + Int(rng.next() % 4))).map { _ in pick(9) }.joined()
      terms.insert(word)
    }
    let patterns = terms.sorted().map { AhoCorasick.Pattern($0) }
    let options = AhoCorasick.Options(collapseWhitespace: false)
    let dense = try AhoCorasick(patterns, options: options)
    let sparse = try AhoCorasick(patterns, options: options, denseLimit: 1)
    var total = 0
    for round in 0..<60 {
      let text = (0..<(round % 20 == 0 ? 1500 : 60)).map { _ in pick(alphabet.count) }.joined()
      var bytes = Array(text.utf8)
      let expected = bytes.withUnsafeMutableBufferPointer { buffer in
        naiveMatches(patterns, in: text).filter { k in
          let (p, start, end) = (k >> 40, (k >> 20) & 0xFFFFF, k & 0xFFFFF)
          let t = patterns[p].text
          let b = UnsafeBufferPointer(buffer)
          let startOK =
            !WordCharacters.startsWithWord(t) || !WordCharacters.isWord(before: start, in: b)
          let endOK = !WordCharacters.endsWithWord(t) || !WordCharacters.isWord(at: end, in: b)
          return startOK && endOK
        }
      }
      #expect(
        dense.matches(in: text).map { key($0.pattern, $0.start, $0.end) }.sorted() == expected)
      #expect(
        sparse.matches(in: text).map { key($0.pattern, $0.start, $0.end) }.sorted() == expected)
      total += expected.count
    }
    #expect(total > 200, "the random texts should contain many whole-word matches (\(total))")
  }

  @Test func longTextsAcrossScanWindows() throws {
    let patterns = ["visa regime", "visa", "trade", "launch*", "виза"].map {
      AhoCorasick.Pattern(parsing: $0)
    }
    let dense = try AhoCorasick(patterns)
    let sparse = try AhoCorasick(patterns, denseLimit: 1)
    // A phrase across the 64 KiB window boundary, in a text with digits (lanes) and without.
    for filler in ["lorem 12 ipsum, dolor; ", "lorem ipsum dolor sit amet "] {
      var text = ""
      while text.utf8.count < 65536 - 6 { text += filler }
      text = String(text.utf8.prefix(65536 - 6).map { Character(Unicode.Scalar($0)) })
      text += " visa regime launched виза trade "
      while text.utf8.count < 200_000 { text += filler + "trade visa " }
      let a = dense.matches(in: text)
      #expect(a == sparse.matches(in: text))
      let bytes = Array(text.utf8)
      let phrase = try #require(a.first { patterns[$0.pattern].text == "visa regime" })
      #expect(String(decoding: bytes[phrase.start..<phrase.end], as: UTF8.self) == "visa regime")
      #expect(phrase.start < 65536 && phrase.end > 65536)
      // Every "trade" and "visa" word is found once (plus the phrase, stem and Cyrillic word).
      let words = text.split(whereSeparator: { !$0.isLetter })
      let expected = words.filter { $0 == "trade" || $0 == "visa" }.count + 3
      #expect(a.count == expected)
    }
  }

  @Test func wholeWordMatchingAgreesWithSparseTables() throws {
    let terms = [
      "visa", "visa regime", "виза", "trade", "trade war", "launch*", "new york", "york",
    ]
    let patterns = terms.map { AhoCorasick.Pattern(parsing: $0) }
    let dense = try AhoCorasick(patterns)
    let sparse = try AhoCorasick(patterns, denseLimit: 1)
    let text = "New York trade war visa regime; launched Виза rocket, YORK\n trade  war visaé"
    #expect(dense.matches(in: text) == sparse.matches(in: text))
    #expect(
      dense.matches(in: text).map { terms[$0.pattern] } == [
        "new york", "york", "trade", "trade war", "visa", "visa regime", "launch*", "виза", "york",
        "trade", "trade war",
      ])
  }

  /// A match as one sortable number.
  func key(_ pattern: Int, _ start: Int, _ end: Int) -> Int { pattern << 40 | start << 20 | end }

  /// Every (pattern, start, end) where the folded pattern equals the folded text, as ``key``s,
  /// sorted.
  func naiveMatches(_ patterns: [AhoCorasick.Pattern], in text: String) -> [Int] {
    let t = UTF8CaseFold.fold(text.utf8)
    var out: [Int] = []
    for (i, p) in patterns.enumerated() {
      let k = UTF8CaseFold.fold(p.text.utf8)
      guard k.count <= t.count else { continue }
      for s in 0...(t.count - k.count) where t[s] == k[0] && t[s..<(s + k.count)].elementsEqual(k) {
        out.append(key(i, s, s + k.count))
      }
    }
    return out.sorted()
  }
}

/// A small deterministic random generator for reproducible test inputs.
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension TermSyntax {
  /// Trims spaces (patterns with leading or trailing spaces are trimmed by the matcher too).
  static func normaliseForTest(_ s: String) -> String {
    var t = Substring(s)
    while t.first == " " { t = t.dropFirst() }
    while t.last == " " { t = t.dropLast() }
    return String(t)
  }
}
