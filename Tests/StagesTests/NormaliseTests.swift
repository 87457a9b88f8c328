import Foundation
import PipelineCore
import Stages
import Testing

/// Runs `normalise` with `options` on `text`.
private func normalise(_ text: String, _ options: JSONObject = [:]) throws -> String {
  try NormaliseStage.make(options).apply(to: text).document.text
}

/// One input and the text `normalise` must turn it into.
struct NormaliseCase: CustomTestStringConvertible, Sendable {
  let input: String
  let expected: String
  let options: JSONObject
  let note: String

  init(_ note: String, _ input: String, _ expected: String, _ options: JSONObject = [:]) {
    self.note = note
    self.input = input
    self.expected = expected
    self.options = options
  }

  var testDescription: String { note }
}

@Suite("normalise: rules") struct NormaliseRuleTests {
  static let mojibake: [NormaliseCase] = [
    .init("UTF-8 read as Windows-1252", "CafÃ© au lait", "Café au lait"),
    .init("curly apostrophe as Windows-1252", "Itâ€™s done", "It’s done"),
    .init("quotes as Windows-1252", "â€œHelloâ€\u{9D}", "“Hello”"),
    .init("encoded twice", "donÃ¢â‚¬â„¢t", "don’t"),
    .init("encoded twice, Latin", "Iggy Pop (nÃƒÂ© Jim Osterberg)", "Iggy Pop (né Jim Osterberg)"),
    .init("Latin-1 with C1 controls", "donâ\u{80}\u{99}t", "don’t"),
    .init("C1 controls meant as Windows-1252", "\u{84}Zitat\u{93} \u{96} gut", "„Zitat“ – gut"),
    .init("NEL is Windows-1252 ellipsis", "Warte\u{85}", "Warte…"),
    .init("Windows-1251", "Tip 2 вЂ“ Broadcast", "Tip 2 – Broadcast"),
    .init("Windows-1250", "NapĂ\u{AD}Ĺˇte nĂˇm !", "Napíšte nám !"),
    .init("CESU-8 emoji", "Hi guys í\u{A0}½í¸\u{8D}", "Hi guys 😍"),
    .init("a lost no-break space: à", "voilÃ  le travail", "voilà le travail"),
    .init("only the bad line is repaired", "Москва\nCafÃ©\nΑθήνα", "Москва\nCafé\nΑθήνα"),
    .init("lines end at CR too", "CafÃ©\rBrontë…”\r\nNaïve", "Café\nBrontë…”\nNaïve"),
    .init("mojibake inside a correct line", "naÃ¯ve Москва", "naïve Москва"),
    .init(
      "mojibake after correct multibyte text", "Zürich — CafÃ© au lait", "Zürich — Café au lait"),
    .init("German umlauts", "GrÃ¼ÃŸe aus MÃ¼nchen", "Grüße aus München"),
    .init("switched off", "CafÃ©", "CafÃ©", ["mojibake": false]),
  ]

  static let negatives: [String] = [
    "ВІКІ is Ukrainian for WIKI",
    "I'm not such a fan of Charlotte Brontë…”",
    "NICIODATĂ™",
    "HÅØYA ER BLÅØYD",
    "Ôôô VIDA MINHA",
    "Bremer/Mccoy – DrÃ¥ber",
    "C O N C L U S Ã O",
    "ПоздравЂаво",
    "Offering 5×£35 pin ups",
    "2012—∞",
    "Join ZZAJÉ’s Official Fan List",
  ]

  static let entities: [NormaliseCase] = [
    .init("named", "Fish &amp; chips &lt;3 &quot;yes&quot;", "Fish & chips <3 \"yes\""),
    .init(
      "accented letters", "&Eacute;t&eacute; &agrave; Z&uuml;rich &ccedil;a &ntilde;",
      "Été à Zürich ça ñ"),
    .init(
      "quotes and dashes", "&ldquo;a&rdquo; &lsquo;b&rsquo; &ndash; &mdash; &hellip;",
      "“a” ‘b’ – — …"),
    .init(
      "symbols", "&copy; &reg; &trade; &euro; &pound; &deg; &times; &laquo;x&raquo;",
      "© ® ™ € £ ° × «x»"),
    .init("no-break space becomes a space", "5&nbsp;km", "5 km"),
    .init("decimal", "it&#8217;s", "it’s"),
    .init("hexadecimal", "it&#x2019;s &#X2014;", "it’s —"),
    .init("decimal in the Windows-1252 range", "a &#150; b", "a – b"),
    .init("double-escaped decodes fully (ftfy)", "&amp;amp; &amp;lt;", "& <"),
    .init("all-caps Latin letters (ftfy)", "P&EACUTE;REZ", "PÉREZ"),
    .init("HTML5 names", "&Jscr;ohn &checkmark;", "𝒥ohn ✓"),
    .init("needs a semicolon", "this&not that &copy 2020", "this&not that &copy 2020"),
    .init("unknown names stay", "AT&T; &nTILDE; &bogus;", "AT&T; &nTILDE; &bogus;"),
    .init("not a number", "&#12abc; &#x; &#;", "&#12abc; &#x; &#;"),
    .init("control character references vanish", "a&#1;b", "ab"),
    .init("switched off", "Fish &amp; chips", "Fish &amp; chips", ["entities": false]),
  ]

  static let whiteSpace: [NormaliseCase] = [
    .init("CRLF", "a\r\nb\r\n", "a\nb"),
    .init("CR", "a\rb", "a\nb"),
    .init("Unicode line and paragraph separators", "a\u{2028}b\u{2029}c", "a\nb\nc"),
    .init("vertical tab and form feed", "a\u{0B}b\u{0C}c", "a\nb\nc"),
    .init("NEL without mojibake repair", "a\u{85}b", "a\nb", ["mojibake": false]),
    .init("no-break space", "a\u{A0}b", "a b"),
    .init(
      "typographic spaces",
      "a\u{2002}b\u{2003}c\u{2009}d\u{200A}e\u{202F}f\u{205F}g\u{3000}h\u{1680}i",
      "a b c d e f g h i"),
    .init("tab", "a\tb", "a b"),
    .init("runs of spaces", "a  \t \u{A0} b", "a b"),
    .init("runs of spaces kept", "a   b", "a   b", ["collapseSpaces": false]),
    .init("trailing white space", "a  \nb\t\n", "a\nb"),
    .init("leading indentation", "   a\n\t\tb", "a\nb"),
    .init("indentation kept", "   a\n\t\tb  c", "   a\n  b c", ["trimLines": false]),
    .init("blank lines collapse to one", "a\n\n\n\nb\n \n\t\n\nc", "a\n\nb\n\nc"),
    .init("blank lines kept", "a\n\n\n\nb", "a\n\n\n\nb", ["collapseBlankLines": false]),
    .init("leading and trailing blank lines", "\n\n  \na\n\n", "a"),
    .init("white space only", " \n\t\n ", ""),
  ]

  static let invisible: [NormaliseCase] = [
    .init("zero-width space", "a\u{200B}b", "ab"),
    .init("word joiner and BOM", "\u{FEFF}a\u{2060}b\u{FEFF}c", "abc"),
    .init("soft hyphen", "Bür\u{AD}ger\u{AD}meis\u{AD}ter", "Bürgermeister"),
    .init("C0 controls and DEL", "a\u{0}b\u{7}c\u{1B}d\u{7F}e", "abcde"),
    .init("SUB control", "Here's a control character: \u{1A}", "Here's a control character:"),
    .init("C1 control unassigned in Windows-1252", "a\u{81}b", "ab"),
    .init("C1 controls without mojibake repair", "a\u{93}b", "ab", ["mojibake": false]),
    .init("bidi formatting is kept", "a\u{200F}b\u{202B}c\u{202C}", "a\u{200F}b\u{202B}c\u{202C}"),
    .init("zero-width joiner in emoji kept", "👨\u{200D}👩\u{200D}👧", "👨\u{200D}👩\u{200D}👧"),
    .init("zero-width non-joiner in Persian kept", "می\u{200C}خواهم", "می\u{200C}خواهم"),
    .init("joiners between ASCII dropped", "a\u{200D}b \u{200C}c", "ab c"),
    .init("removed characters do not glue spaces", "a \u{200B} b", "a b"),
  ]

  static let unicodeForms: [NormaliseCase] = [
    .init("NFC composes", "Cafe\u{301} Mu\u{308}ller", "Café Müller"),
    .init("NFC composes Hangul", "\u{1100}\u{1161}\u{11A8}", "각"),
    .init("NFC orders marks", "a\u{301}\u{323}", "ạ\u{301}"),
    .init("NFC keeps marks without a composed form", "q\u{307}", "q\u{307}"),
    .init("NFC keeps compatibility characters", "ﬁ ² Ｘ", "ﬁ ² Ｘ"),
    .init("NFKC folds them", "ﬁne x² ＡＢＣ ①", "fine x2 ABC 1", ["form": "NFKC"]),
    .init("no normalisation", "e\u{301}", "e\u{301}", ["form": "none"]),
  ]

  static let punctuation: [NormaliseCase] = [
    .init("kept by default", "“Q” ‘s’ – — … „d“", "“Q” ‘s’ – — … „d“"),
    .init(
      "ASCII on request", "“Q” ‘s’ ‚t‛ – — ‒ ― ‐ … „d“ ‟e”",
      "\"Q\" 's' 't' - - - - - ... \"d\" \"e\"",
      ["asciiPunctuation": true]),
    .init("guillemets and bullets stay", "«a» • b", "«a» • b", ["asciiPunctuation": true]),
  ]

  @Test(arguments: mojibake) func repairsMojibake(_ c: NormaliseCase) throws {
    #expect(try normalise(c.input, c.options) == c.expected)
  }

  @Test(arguments: negatives) func leavesLookAlikesAlone(_ text: String) throws {
    #expect(try normalise(text) == text)
  }

  @Test(arguments: entities) func decodesEntities(_ c: NormaliseCase) throws {
    #expect(try normalise(c.input, c.options) == c.expected)
  }

  @Test(arguments: whiteSpace) func cleansWhiteSpaceAndLineBreaks(_ c: NormaliseCase) throws {
    #expect(try normalise(c.input, c.options) == c.expected)
  }

  @Test(arguments: invisible) func dropsInvisibleCharacters(_ c: NormaliseCase) throws {
    #expect(try normalise(c.input, c.options) == c.expected)
  }

  @Test(arguments: unicodeForms) func normalisesUnicode(_ c: NormaliseCase) throws {
    #expect(try normalise(c.input, c.options) == c.expected)
  }

  @Test(arguments: punctuation) func foldsPunctuationOnRequest(_ c: NormaliseCase) throws {
    #expect(try normalise(c.input, c.options) == c.expected)
  }

  /// Every rule above, once more on its own output: nothing changes.
  @Test func everyRuleIsIdempotent() throws {
    let all =
      Self.mojibake + Self.entities + Self.whiteSpace + Self.invisible + Self.unicodeForms
      + Self.punctuation
    for c in all {
      let once = try normalise(c.input, c.options)
      #expect(try normalise(once, c.options) == once, "\(c.note)")
    }
  }
}

@Suite("normalise: scripts are left intact") struct NormaliseScriptTests {
  static let texts: [String] = [
    "Москва — столица России, «ёлка» № 5",
    "Қазақстан Республикасы: ә ғ қ ң ө ұ ү һ і Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі",
    "Қазақ тілі — мемлекеттік тіл. Астанада «Бәйтерек» ғимараты бар.",
    "Καλημέρα κόσμε, ΑΘΗΝΑ Ά Έ ΐ ϋ",
    "Η ¨ανατροφή¨ δυστυχώς από τους προπονητές",
    "北京欢迎你。中文标点：“引号”",
    "日本語のテキスト、カタカナ、ﾊﾝｶｸ",
    "한국어 텍스트입니다",
    "مرحبا بالعالم",
    "שלום עולם",
    "नमस्ते दुनिया",
    "สวัสดีชาวโลก",
    "👍🏽 🇰🇿 ❤️ 👨‍👩‍👧 🏳️‍🌈",
    "İstanbul’da ğ ş ı Ç Ö Ü",
    "Zażółć gęślą jaźń",
    "Příliš žluťoučký kůň",
    "Tiếng Việt có dấu",
    "Äußerst größere Übel – „Zitat“ ‚halb‘",
    "Œuvre, cœur, garçon, À l’évidence, où ça ?",
    "Þór og Ævar",
    "¿Qué? ¡Sí!",
    "x² ≤ 5 ± 1, ½ ¼",
    "£5, €10, ¥20, 5 ¢",
    "© 2024 Example® Brand™",
    "10×20 cm at 30°C",
    "com especial atenção às crianças",
    "Astana, Kazakhstan • 03 July, 2023 | 12:37",
  ]

  @Test(arguments: texts) func unchanged(_ text: String) throws {
    #expect(try normalise(text) == text)
  }

  @Test func combiningSequencesAreComposedNotDropped() throws {
    // Decomposed Cyrillic й and ё compose; a Cyrillic letter with a mark that has no composed
    // form keeps the mark.
    #expect(try normalise("и\u{306} е\u{308} а\u{301}") == "й ё а\u{301}")
  }
}

@Suite("normalise: stage behaviour") struct NormaliseStageTests {
  @Test func countsWhatItDid() throws {
    let stage = try NormaliseStage.make()
    var doc = Document(text: "CafÃ©\n&amp;&eacute;\na\u{200B}b\u{AD}c\ne\u{301}")
    var context = StageContext()
    #expect(try stage.process(&doc, context: &context) == .keep)
    #expect(doc.text == "Café\n&é\nabc\né")
    #expect(context.counters["mojibake-repaired"] == 1)
    #expect(context.counters["entities-decoded"] == 2)
    #expect(context.counters["invisible-removed"] == 2)
    #expect(context.counters["unicode-normalised"] == 1)
    #expect(context.counters["changed"] == 1)
  }

  @Test func cleanTextIsNotCounted() throws {
    let stage = try NormaliseStage.make()
    var doc = Document(text: "Plain text.\n\nSecond paragraph with “quotes”.")
    var context = StageContext()
    _ = try stage.process(&doc, context: &context)
    #expect(doc.text == "Plain text.\n\nSecond paragraph with “quotes”.")
    #expect(context.counters.isEmpty)
  }

  @Test func rejectsAnUnknownForm() {
    #expect(throws: OptionError.self) { try NormaliseStage.make(["form": "NFD"]) }
  }

  @Test func keepsOtherFields() throws {
    let (doc, _) = try NormaliseStage.make().apply(
      to: "a  b", fields: ["url": "https://example.com/a&amp;b"])
    #expect(doc.text == "a b")
    #expect(doc.fields["url"]?.stringValue == "https://example.com/a&amp;b")
  }

  /// The stage's own examples survive the mutations byte-level code gets wrong: a multibyte
  /// prefix, CRLF line endings, and a second run.
  @Test func examplesSurviveMutations() throws {
    for example in NormaliseStage.examples {
      let stage = try NormaliseStage.make(example.options)
      guard case .text(let expected)? = example.expectations.first else { continue }
      let prefixed = try stage.apply(to: "Zürich — " + example.input).document.text
      let expectedPrefixed = try stage.apply(to: "Zürich — " + expected).document.text
      #expect(prefixed == expectedPrefixed, "prefix: \(example.input.debugDescription)")
      if !example.input.contains("\r") {
        let crlf = try stage.apply(to: example.input.replacingOccurrences(of: "\n", with: "\r\n"))
          .document.text
        #expect(crlf == expected, "CRLF: \(example.input.debugDescription)")
      }
      #expect(
        try stage.apply(to: expected).document.text == expected,
        "twice: \(example.input.debugDescription)")
    }
  }

  /// Long documents take the copy-the-clean-prefix path; the result must be the same as cleaning
  /// every line.
  @Test func cleanPrefixIsCopiedFaithfully() throws {
    let clean = String(repeating: "A clean line of text.\n", count: 200)
    let messy = clean + "\n\n\n  Then   CafÃ© &amp; more\u{A0} \n" + clean
    let expected = clean + "\nThen Café & more\n" + String(clean.dropLast())
    #expect(try normalise(messy) == expected)
  }
}

@Suite("normalise: shared data") struct NormaliseDataTests {
  /// The package root (three levels above this file).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  static let cases = root.appendingPathComponent("../shared/corpus/ftfy-cases/cases.json")
    .standardized
  static let casesAvailable = FileManager.default.fileExists(atPath: cases.path)
  static let seeds = root.appendingPathComponent("seeds")

  /// ftfy's own test cases: each repair as `fixed-encoding` (or `fixed`, quotes aside) says,
  /// and no negative case changed. Both sides get the stage's other rules (spaces, controls),
  /// so the comparison is about the repair.
  @Test(.enabled(if: casesAvailable, "../shared/corpus/ftfy-cases/cases.json is missing: skipped"))
  func ftfyCases() throws {
    let json = try JSONParser.parse(String(decoding: Data(contentsOf: Self.cases), as: UTF8.self))
    let items = try #require(json.arrayValue)
    let stage = try NormaliseStage.make()
    let withoutRepair = try NormaliseStage.make(["mojibake": false])
    var passed = 0
    var negatives = 0
    var negativesChanged: [String] = []
    var failures: [String] = []
    for item in items {
      let object = try #require(item.objectValue)
      let label = object["label"]?.stringValue ?? "?"
      let original = try #require(object["original"]?.stringValue)
      let expected = try #require(
        object["fixed-encoding"]?.stringValue ?? object["fixed"]?.stringValue)
      let output = try stage.apply(to: original).document.text
      #expect(try stage.apply(to: output).document.text == output, "not idempotent: \(label)")
      let isNegative =
        object["file"]?.stringValue == "negative" || label.lowercased().contains("negative")
      if isNegative {
        negatives += 1
        if output != (try withoutRepair.apply(to: original).document.text) {
          negativesChanged.append(label)
        }
      }
      let target = try withoutRepair.apply(to: expected).document.text
      if output == target || Self.foldQuotes(output) == Self.foldQuotes(target) {
        passed += 1
      } else {
        failures.append("\(label): \(output.debugDescription), expected \(target.debugDescription)")
      }
    }
    let rate = Double(passed) / Double(items.count)
    print(
      "normalise ftfy cases: \(passed)/\(items.count) passed (\(String(format: "%.1f", rate * 100)) %), "
        + "\(negatives) negative cases, \(negativesChanged.count) changed")
    for f in failures { print("  failed: \(f)") }
    #expect(rate >= 0.9, "pass rate \(rate) below 90 %")
    #expect(negativesChanged.isEmpty, "negative cases changed: \(negativesChanged)")
  }

  private static func foldQuotes(_ s: String) -> String {
    var out = ""
    for ch in s.unicodeScalars {
      switch ch.value {
      case 0x2018...0x201B, 0x2BC: out += "'"
      case 0x201C...0x201F: out += "\""
      default: out.unicodeScalars.append(ch)
      }
    }
    return out
  }

  /// The seed articles keep their words and their typographic characters; only white space
  /// changes, and a second run changes nothing.
  @Test func seedsKeepTheirMeaning() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).filter {
      $0.hasSuffix(".txt")
    }
    #expect(!files.isEmpty)
    let stage = try NormaliseStage.make()
    var seen = Set<Character>()
    for name in files.sorted() {
      let text = try String(contentsOf: Self.seeds.appendingPathComponent(name), encoding: .utf8)
      let output = try stage.apply(to: text).document.text
      #expect(Self.words(output) == Self.words(text), "\(name): words changed")
      #expect(try stage.apply(to: output).document.text == output, "\(name): not idempotent")
      for ch in ["’", "–", "•"] where text.contains(ch) {
        #expect(output.contains(ch), "\(name): lost \(ch)")
        seen.insert(Character(ch))
      }
    }
    #expect(seen == ["’", "–", "•"], "the seeds should exercise ’ – •")
  }

  private static func words(_ s: String) -> [Substring] {
    s.split(whereSeparator: { $0.isWhitespace })
  }
}

/// Properties every output of `normalise` (default options) has, whatever the input.
enum NormaliseInvariants {
  /// The problems found in `output`, described.
  static func violations(in output: String) -> [String] {
    var problems: [String] = []
    if output.contains("\r") { problems.append("carriage return") }
    if output.contains("  ") { problems.append("two spaces in a row") }
    if output.contains(" \n") || output.hasSuffix(" ") || output.hasSuffix("\n") {
      problems.append("trailing white space")
    }
    if output.contains("\n ") || output.hasPrefix(" ") || output.hasPrefix("\n") {
      problems.append("leading white space")
    }
    if output.contains("\n\n\n") { problems.append("more than one blank line") }
    for scalar in output.unicodeScalars {
      switch scalar.value {
      case 0x00...0x09, 0x0B...0x1F, 0x7F...0x9F:
        problems.append("control character U+\(String(scalar.value, radix: 16))")
      case 0xA0, 0xAD, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000,
        0xFEFF:
        problems.append("odd space or invisible character U+\(String(scalar.value, radix: 16))")
      default:
        break
      }
    }
    if output != output.precomposedStringWithCanonicalMapping { problems.append("not NFC") }
    return problems
  }
}

/// A small deterministic random generator (xorshift64*), so failures reproduce.
struct NormaliseFuzzGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state ^= state >> 12
    state ^= state << 25
    state ^= state >> 27
    return state &* 2_685_821_657_736_338_717
  }
}

@Suite("normalise: invariants") struct NormaliseInvariantTests {
  /// Pieces that byte-level code gets wrong: white space of every kind, controls, invisible
  /// characters, combining marks, mojibake look-alikes, entities, several scripts, emoji.
  static let alphabet: [String] = [
    "a", "Z", "7", ".", ",", "?", "&", ";", "#", "x", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n",
    "\u{0B}",
    "\u{0}", "\u{1A}", "\u{7F}", "\u{81}", "\u{85}", "\u{93}", "\u{A0}", "\u{AD}", "\u{200B}",
    "\u{200C}",
    "\u{200D}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{3000}", "\u{FEFF}", "\u{301}", "\u{308}",
    "\u{323}",
    "Ã", "Â", "©", "¢", "€", "â", "™", "œ", "Ð", "°", "±", "Ø", "Ù", "×", "¶", "ƒ", "“", "”", "’",
    "„",
    "–", "—", "…", "•", "é", "ü", "ß", "Ä", "ё", "Ж", "в", "Ђ", "Г", "ў", "В", "Р", "С", "қ", "ә",
    "і",
    "Ω", "β", "中", "😀", "👍🏽", "&amp;", "&eacute;", "&#8217;", "&#x41;", "&nbsp;", "&bogus;", "Ã©",
    "â€™",
    "Ã¢â‚¬â„¢", "Ð¿Ñ€Ð¸",
  ]

  @Test func randomTextKeepsTheInvariantsAndIsIdempotent() throws {
    let stage = try NormaliseStage.make()
    var rng = NormaliseFuzzGenerator(state: 0x9E37_79B9_7F4A_7C15)
    for _ in 0..<1_500 {
      let length = Int.random(in: 1...40, using: &rng)
      let input = (0..<length).map { _ in Self.alphabet.randomElement(using: &rng) ?? "" }.joined()
      let once = try stage.apply(to: input).document.text
      #expect(
        NormaliseInvariants.violations(in: once).isEmpty,
        "\(input.debugDescription) → \(once.debugDescription): \(NormaliseInvariants.violations(in: once))"
      )
      let twice = try stage.apply(to: once).document.text
      #expect(
        twice == once,
        "not idempotent: \(input.debugDescription) → \(once.debugDescription) → \(twice.debugDescription)"
      )
    }
  }

  static let corpus = NormaliseDataTests.root.appendingPathComponent(
    "../shared/corpus/dev.input.jsonl"
  ).standardized
  static let corpusAvailable = FileManager.default.fileExists(atPath: corpus.path)

  /// Real scraped pages (every tenth of the development corpus): the invariants hold, a second
  /// run changes nothing, and no word disappears but for invisible characters and repairs.
  @Test(.enabled(if: corpusAvailable, "../shared/corpus/dev.input.jsonl is missing: skipped"))
  func corpusPagesKeepTheInvariants() throws {
    let stage = try NormaliseStage.make()
    let lines = String(decoding: try Data(contentsOf: Self.corpus), as: UTF8.self).split(
      separator: "\n")
    var checked = 0
    for (index, line) in lines.enumerated() where index % 10 == 0 {
      let record = try #require(try JSONParser.parse(String(line)).objectValue)
      let text = try #require(record["text"]?.stringValue)
      let id = record["id"]?.stringValue ?? "?"
      let once = try stage.apply(to: text).document.text
      #expect(
        NormaliseInvariants.violations(in: once).isEmpty,
        "\(id): \(NormaliseInvariants.violations(in: once))")
      #expect(try stage.apply(to: once).document.text == once, "\(id): not idempotent")
      checked += 1
    }
    #expect(checked > 30)
  }
}

@Suite("normalise: white space against a reference") struct NormaliseReferenceTests {
  /// The white-space rules written the slow and obvious way, for ASCII text without entities.
  static func reference(_ text: String) -> String {
    var lines: [String] = []
    var current = ""
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n" where previousWasCR:
        break
      case "\n", "\r", "\u{0B}", "\u{0C}":
        lines.append(current)
        current = ""
      case "\t":
        current += " "
      case let c where c.value < 0x20 || c.value == 0x7F:
        break
      default:
        current.unicodeScalars.append(scalar)
      }
      previousWasCR = scalar == "\r"
    }
    lines.append(current)
    let cleaned = lines.map { line in line.split(separator: " ").joined(separator: " ") }
    var out: [String] = []
    for line in cleaned {
      if line.isEmpty && (out.last?.isEmpty ?? true) { continue }
      out.append(line)
    }
    while out.last?.isEmpty == true { out.removeLast() }
    return out.joined(separator: "\n")
  }

  /// Random ASCII text, long enough to cross the eight-byte steps of the fast path at every
  /// offset, must come out as the reference says.
  @Test func asciiMatchesTheReference() throws {
    let pieces = [
      "a", "bc", "Word", ".", "&", "x&y", " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r",
      "\u{0}", "\u{7F}", "\u{0C}",
    ]
    // No piece forms a character reference, so decoding them or not gives the same text.
    let stages = [try NormaliseStage.make(), try NormaliseStage.make(["entities": false])]
    var rng = NormaliseFuzzGenerator(state: 0x0123_4567_89AB_CDEF)
    for round in 0..<2_000 {
      let input = (0..<Int.random(in: 1...80, using: &rng)).map { _ in
        pieces.randomElement(using: &rng) ?? ""
      }.joined()
      let output = try stages[round % 2].apply(to: input).document.text
      #expect(output == Self.reference(input), "\(input.debugDescription)")
    }
  }
}
