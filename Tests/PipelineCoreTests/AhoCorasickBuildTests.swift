import Testing

@testable import PipelineCore

/// The start-up side of the matcher: term expansion on bytes, white space without Unicode
/// property look-ups, and the trie and tables built from sorted keys.
@Suite struct AhoCorasickBuildTests {
  @Test func whitespaceTableAgreesWithTheUnicodeProperty() {
    var mismatches: [UInt32] = []
    // The Basic Multilingual Plane, where all white space is, and a sample of the others.
    for v in Array(UInt32(0)...0xFFFF) + Array(stride(from: UInt32(0x10000), to: 0x110000, by: 97)) {
      guard let s = Unicode.Scalar(v) else { continue }
      if UnicodeWhitespace.contains(s) != s.properties.isWhitespace { mismatches.append(v) }
    }
    #expect(mismatches == [])
  }

  @Test func whitespaceIsRecognisedOnTheBytes() {
    for v: UInt32 in [0x09, 0x0A, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029]
      + [0x202F, 0x205F, 0x3000]
    {
      let bytes = Array(String(Character(Unicode.Scalar(v)!)).utf8)
      bytes.withUnsafeBufferPointer { #expect(UnicodeWhitespace.length(at: 0, in: $0) == bytes.count) }
    }
    // Neighbours that share lead bytes with white space are not white space.
    for text in ["a", "é", "\u{200B}", "\u{2013}", "\u{205E}", "\u{3001}", "\u{1681}", "ж"] {
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { #expect(UnicodeWhitespace.length(at: 0, in: $0) == 0) }
    }
    let normalised = Array("\u{A0} visa\u{2002}\t regime\u{3000}".utf8).withUnsafeBufferPointer {
      String(decoding: UnicodeWhitespace.normalised($0), as: UTF8.self)
    }
    #expect(normalised == "visa regime")
  }

  @Test func plainTermsTakeTheShortPathWithTheSameResult() throws {
    #expect(TermSyntax.plainPattern("visa regime") == AhoCorasick.Pattern("visa regime"))
    #expect(TermSyntax.plainPattern("launch*") == AhoCorasick.Pattern("launch", prefix: true))
    #expect(TermSyntax.plainPattern("безвиз*") == AhoCorasick.Pattern("безвиз", prefix: true))
    #expect(TermSyntax.plainPattern("a, b") == AhoCorasick.Pattern("a, b"))
    // Anything with syntax or unusual white space goes the long way.
    for term in [
      "court{,s}", "a\\{b", "co*urt", "*", " visa", "visa ", "visa  regime", "visa\tregime",
      "visa\u{A0}regime", "visa *", "", "a}",
    ] {
      #expect(TermSyntax.plainPattern(term) == nil, "\(term)")
    }
    // The long way agrees on the plain terms.
    #expect(try TermSyntax.expand("visa regime") == [AhoCorasick.Pattern("visa regime")])
    #expect(try TermSyntax.expand("visa\u{A0}regime ") == [AhoCorasick.Pattern("visa regime")])
    #expect(try TermSyntax.expand("launch* ") == [AhoCorasick.Pattern("launch", prefix: true)])
  }

  @Test func expansionsDropDuplicateForms() throws {
    #expect(try TermSyntax.expand("visa{,} regime").map(\.description) == ["visa regime"])
    #expect(try TermSyntax.expand("{a,a,b}").map(\.description) == ["a", "b"])
    // Forms that differ only in how an accent is encoded are one form (as Strings compare).
    #expect(try TermSyntax.expand("caf{é,e\u{301}}").count == 1)
    #expect(try TermSyntax.expand("виз{а,а,ы}").map(\.description) == ["виза", "визы"])
    // An escaped character of several bytes stays whole.
    #expect(try TermSyntax.expand("a\\жb").map(\.description) == ["aжb"])
    #expect(throws: TermSyntax.Error("term \"\\\" ends with a lone backslash")) {
      try TermSyntax.expand("\\")
    }
    #expect(throws: TermSyntax.Error("term \"{,}\" has an empty form")) {
      try TermSyntax.expand("{,}")
    }
    #expect(throws: TermSyntax.Error("empty term")) { try TermSyntax.expand(" \u{3000} ") }
  }

  /// The trie built from sorted keys: shared prefixes, equal keys, a key that is a prefix of
  /// another, and outputs inherited through failure links, longest first.
  @Test func trieFromSortedKeys() {
    // Keys over classes 2... (a b c): "ab", "b", "abc", "ab" again, "bc".
    let keys: [[UInt16]] = [[2, 3], [3], [2, 3, 4], [2, 3], [3, 4]]
    let trie = AhoCorasickTrie(
      classes: keys.flatMap { $0 }, keyStart: [0, 2, 3, 6, 8, 10],
      byteLengths: keys.map { Int32($0.count) }, classCount: 5,
      isWord: [false, true, false, false, false])
    // Root, in-word state, then a, b (depth 1), ab, bc (depth 2), abc (depth 3).
    #expect(trie.count == 7)
    #expect(Array(trie.incoming) == [-1, -1, 2, 3, 3, 4, 4])
    #expect(trie.rootChild == [-1, -1, 2, 3, -1])
    // The failure of "ab" is "b", of "abc" is "bc" (the classes are separators here, so a match
    // may start anywhere); "a" fails to the root.
    #expect(trie.failure[4] == 3)
    #expect(trie.failure[6] == 5)
    #expect(trie.failure[2] == 0)
    func outputs(_ s: Int) -> [Int32] {
      Array(trie.outputs[Int(trie.outputStart[s])..<Int(trie.outputStart[s + 1])])
    }
    #expect(outputs(4) == [0, 3, 1])  // "ab" twice (in pattern order), then "b"
    #expect(outputs(6) == [2, 4])  // "abc", then the shorter "bc"
    #expect(outputs(2) == [])
  }

  @Test func bundledSizeTaxonomyTablesAgreeDenseAndHybrid() throws {
    // Realistic terms: phrases, stems, inflections, Cyrillic; dense and hybrid tables must find
    // the same matches.
    let terms = [
      "visa{,s}", "visa regime{,s}", "work permit{,s}", "виз{а,ы,е,у,ой}", "безвиз*", "launch*",
      "space station", "space", "trade war{,s}", "trade", "court{,s}", "supreme court",
      "ғарыш*", "new york", "york", "c++", ".net",
    ]
    let patterns = try terms.flatMap { try TermSyntax.expand($0) }
    let dense = try AhoCorasick(patterns)
    let hybrid = try AhoCorasick(patterns, denseLimit: 64)
    #expect(dense.stateCount == hybrid.stateCount)
    let text = """
      Visa regimes and VISAS: the supreme  court ruled on trade wars; a rocket launched to the
      Space Station. Визы, визой и безвизовый режим. ҒАРЫШТЫҚ зерттеулер. New\u{A0}York, c++ and
      asp.net, visas-free, spacecraft, courts.
      """
    let a = dense.matches(in: text)
    #expect(a == hybrid.matches(in: text))
    #expect(a.count >= 15)
  }
}

extension AhoCorasickBuildTests {
  /// With word classes, a match only starts at a word start: inside "ab" the "b" is no match
  /// start, so "ab" fails to the in-word state and inherits nothing.
  @Test func wordAnchoredFailureLinks() {
    let keys: [[UInt16]] = [[2, 3], [3]]
    let trie = AhoCorasickTrie(
      classes: keys.flatMap { $0 }, keyStart: [0, 2, 3], byteLengths: [2, 1], classCount: 4,
      isWord: [false, true, true, true])
    // Root, in-word, a, b, ab.
    #expect(trie.count == 5)
    #expect(trie.failure[2] == 1)
    #expect(trie.failure[4] == 1)
    #expect(Array(trie.outputs[Int(trie.outputStart[4])..<Int(trie.outputStart[5])]) == [0])
  }
}
