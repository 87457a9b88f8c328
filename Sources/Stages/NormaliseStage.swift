import PipelineCore

/// Cleans a document's text without changing its meaning; the first stage of the news pipeline.
///
/// In order, per line: HTML character references are decoded (`&amp;`, `&#8217;`), and mojibake
/// is repaired (`CafÃ©` → `Café`, `â€™` → `’`, twice-encoded text, C1 controls read as
/// Windows-1252) with ftfy's heuristic, so correct text in any script is left alone. Then the
/// whole text: line breaks become `\n`, no-break and other odd spaces become spaces, zero-width
/// and control characters and soft hyphens go, runs of spaces and blank lines collapse, lines
/// are trimmed, and the text is put in NFC. Running it twice changes nothing more.
///
/// Counters: `mojibake-repaired` (lines), `entities-decoded`, `invisible-removed` (characters),
/// `unicode-normalised` and `changed` (documents).
public struct NormaliseStage: Stage {
  public static let name = "normalise"
  public static let summary =
    "Repairs mojibake and HTML entities; unifies line breaks, spaces and Unicode form; drops invisible characters; trims white space."

  public static let options: [OptionSpec] = [
    OptionSpec(
      "mojibake", .boolean, default: true,
      help:
        "Repair UTF-8 mis-decoded as Windows-125x, Latin-1, MacRoman or cp437 (once or more), as ftfy does."
    ),
    OptionSpec(
      "entities", .boolean, default: true,
      help: "Decode HTML character references that end in ';' (&amp; &eacute; &#8217; &#x2019;)."),
    OptionSpec(
      "form", .choice(["NFC", "NFKC", "none"]), default: "NFC",
      help:
        "Unicode normalisation form; NFKC also folds ligatures, full-width letters and superscripts."
    ),
    OptionSpec(
      "asciiPunctuation", .boolean, default: false,
      help: "Turn typographic quotes and dashes into ASCII ' \" - and the ellipsis into '...'."),
    OptionSpec(
      "trimLines", .boolean, default: true,
      help: "Remove the leading indentation of lines (trailing white space is always removed)."),
    OptionSpec(
      "collapseSpaces", .boolean, default: true,
      help: "Turn runs of spaces inside a line into a single space."),
    OptionSpec(
      "collapseBlankLines", .boolean, default: true,
      help: "Keep at most one blank line between paragraphs."),
  ]

  public static let examples: [StageExample] = [
    StageExample("Caf\u{C3}\u{A9} au lait", expect: [.text("Café au lait")]),
    StageExample("It\u{E2}\u{20AC}\u{2122}s done", expect: [.text("It’s done")]),
    StageExample(
      "Iggy Pop (n\u{C3}\u{192}\u{C2}\u{A9} Jim Osterberg)",
      expect: [.text("Iggy Pop (né Jim Osterberg)")]),
    StageExample(
      "Fish &amp; chips &#8211; &eacute;t&eacute;", expect: [.text("Fish & chips – été")]),
    StageExample("a\r\nb\rc\u{2028}d", expect: [.text("a\nb\nc\nd")]),
    StageExample(
      "  Total:\u{A0}5\u{202F}km   away  \n\n\n\nBür\u{AD}ger\u{200B}meister ",
      expect: [.text("Total: 5 km away\n\nBürgermeister")]),
    StageExample("Mu\u{308}ller", expect: [.text("Müller")]),
    StageExample(
      "Қазақстан – ұлттық ә ғ қ ң ө ұ ү һ і",
      expect: [.text("Қазақстан – ұлттық ә ғ қ ң ө ұ ү һ і")]),
    StageExample(
      "“Quoted” – and… ‘so’", options: ["asciiPunctuation": true],
      expect: [.text("\"Quoted\" - and... 'so'")]),
    StageExample(
      "  indented\n    more", options: ["trimLines": false], expect: [.text("  indented\n    more")]
    ),
    StageExample("ﬁne ²", options: ["form": "NFKC"], expect: [.text("fine 2")]),
    StageExample(
      "Caf\u{C3}\u{A9}", options: ["mojibake": false], expect: [.text("Caf\u{C3}\u{A9}")]),
  ]

  private let normaliser: Normaliser

  public init(options: StageOptions) throws {
    var normaliser = Normaliser()
    normaliser.repairMojibake = options.bool("mojibake")
    normaliser.decodeEntities = options.bool("entities")
    let formName = options.string("form") ?? "NFC"
    guard let form = NormalForm(rawValue: formName) else {
      throw OptionError(option: "form", "expected NFC, NFKC or none, got \(formName)")
    }
    normaliser.form = form
    normaliser.asciiPunctuation = options.bool("asciiPunctuation")
    normaliser.trimLines = options.bool("trimLines")
    normaliser.collapseSpaces = options.bool("collapseSpaces")
    normaliser.collapseBlankLines = options.bool("collapseBlankLines")
    self.normaliser = normaliser
  }

  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    var report = NormaliseReport()
    guard let normalised = normaliser.normalise(document.text, report: &report) else {
      return .keep
    }
    document.text = normalised
    context.count("changed")
    if report.mojibakeRepaired > 0 { context.count("mojibake-repaired", report.mojibakeRepaired) }
    if report.entitiesDecoded > 0 { context.count("entities-decoded", report.entitiesDecoded) }
    if report.invisibleRemoved > 0 { context.count("invisible-removed", report.invisibleRemoved) }
    if report.normalized { context.count("unicode-normalised") }
    return .keep
  }
}
