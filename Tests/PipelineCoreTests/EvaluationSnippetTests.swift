import Testing

@testable import PipelineCore

/// Snippet normalisation and matching as in score.py's `norm` and `in`.
@Suite struct EvaluationSnippetTests {
  private func norm(_ s: String) -> String {
    String(decoding: SnippetMatching.normalize(s), as: UTF8.self)
  }

  @Test(arguments: [
    ("  Hello \n\n  world\t ", "Hello world"),
    (
      "It\u{2019}s \u{201C}quoted\u{201D} \u{201E}so\u{201C} \u{2018}too\u{2019}",
      "It's \"quoted\" \"so\" 'too'"
    ),
    ("2010\u{2013}2012 \u{2014} done", "2010-2012 - done"),
    ("Bundes\u{AD}tag", "Bundestag"),
    ("a \u{AD} b", "a b"),
    ("non\u{A0}breaking\u{2009}thin\u{3000}wide", "non breaking thin wide"),
    ("sep\u{1C}arated\u{1F}x", "sep arated x"),  // Python's \s includes U+001C-U+001F
    ("zero\u{200B}width", "zero\u{200B}width"),  // not whitespace for Python
    ("ﬁne ½", "fine 1⁄2"),  // NFKC
    ("e\u{301}t\u{E9}", "\u{E9}t\u{E9}"),  // composed
    ("", ""),
  ])
  func normalizes(input: String, expected: String) {
    #expect(norm(input) == expected)
  }

  @Test func substringMatching() {
    let text = SnippetMatching.normalize(
      "Die  Bundes\u{AD}regierung hat \u{201E}heute\u{201C} beschlossen.")
    #expect(
      SnippetMatching.contains(text, SnippetMatching.normalize("Bundesregierung hat \"heute\"")))
    #expect(SnippetMatching.contains(text, SnippetMatching.normalize("beschlossen.")))
    #expect(!SnippetMatching.contains(text, SnippetMatching.normalize("beschlossen. Mehr")))
    #expect(!SnippetMatching.contains(text, SnippetMatching.normalize("Landesregierung")))
    #expect(SnippetMatching.contains(text, []))  // "" in text is True
    #expect(!SnippetMatching.contains([], SnippetMatching.normalize("x")))
    #expect(SnippetMatching.contains(Array("aaab".utf8), Array("aab".utf8)))
  }
}

extension EvaluationSnippetTests {
  /// The whitespace table is Unicode's White_Space plus U+001C–U+001F, for every code point of
  /// the Basic Multilingual Plane (the only plane with white space).
  @Test func pythonWhitespaceIsWhiteSpacePlusSeparators() {
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let expected = scalar.properties.isWhitespace || (0x1C...0x1F).contains(value)
      if SnippetMatching.isPythonSpace(value) != expected {
        Issue.record("U+\(String(value, radix: 16)): expected \(expected)")
      }
    }
  }
}
