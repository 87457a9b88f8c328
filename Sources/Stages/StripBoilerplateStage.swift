import PipelineCore

/// Removes boilerplate lines (menus, breadcrumbs, share and follow buttons, logo alt-text,
/// cookie and newsletter pitches, related-article lists, comment forms, footers) from text an
/// HTML-to-text converter left, and keeps the article: headline, dek and body.
///
/// Each line is measured in one pass over the UTF-8 bytes (length, stop-word density, phrase
/// matches, list markers, separators), classified on its own, then revised by its neighbours
/// (see ``LineClassifier``). Kept lines lose their indentation and are otherwise unchanged; a blank
/// line separates them where the input had one. See docs/boilerplate.md.
public struct StripBoilerplateStage: Stage {
  public static let name = "strip-boilerplate"
  public static let summary =
    "Removes menus, share/cookie/newsletter lines, related links and footers; keeps the article."

  public static let options: [OptionSpec] = [
    OptionSpec(
      "phrases", .any,
      help: "more vocabulary: an array of boilerplate phrases, or an object like a vocabulary file "
        + "({stopwords, phrases: {category: [...]}, signalWords, lines, altText, creditWords})"),
    OptionSpec(
      "phraseFile", .string, help: "a JSON5 vocabulary file to add (same shape as `phrases`)"),
    OptionSpec(
      "builtinVocabulary", .boolean, default: true,
      help:
        "use the shipped word lists (English, German, French, Spanish, Italian, Portuguese, Russian, Polish)"
    ),
    OptionSpec(
      "profile", .string,
      help: "a profile from `pipe learn-boilerplate`: lines that recur across an outlet's documents"
    ),
    OptionSpec(
      "groupBy", .string,
      help: "the field that names a document's outlet for `profile` (default: the profile's own)"),
    OptionSpec(
      "removedField", .string,
      help: "write the removed lines with their reasons into this field (an audit; default: none)"),
    OptionSpec(
      "minLength", .integer, default: 70,
      help: "lines shorter than this many characters are decided by their neighbours"),
    OptionSpec(
      "stopwordDensity", .number, default: 0.27,
      help: "the share of stop words that makes a long line prose"),
    OptionSpec(
      "keepHeadline", .boolean, default: true, help: "keep the headline and dek before the body"),
  ]

  public static let examples: [StageExample] = [
    StageExample(
      "Home › News › World\nShare on Facebook\n\nThe minister said on Monday that the talks would "
        + "continue next week, and that both sides had agreed to meet again in the capital.\n\n"
        + "© 2024 Example Media. All rights reserved.",
      expect: [
        .text(
          "The minister said on Monday that the talks would continue next week, and that both "
            + "sides had agreed to meet again in the capital.")
      ]),
    StageExample(
      "QazMonitor Logo\n  1. Main Page\n  2. News\n1 min read\n\nTalks Resume in Astana\n\n"
        + "QazMonitor Logo\n\nOn Monday the delegations met in Astana and agreed that the talks on "
        + "the new trade agreement would resume after the summer break, officials said.",
      expect: [
        .textContains("Talks Resume in Astana\n\nOn Monday"), .textLacks("Logo"),
        .textLacks("Main Page"), .textLacks("min read"),
      ]),
    StageExample(
      "Die Regierung hat am Dienstag beschlossen, dass die Förderung für die Bauern im nächsten "
        + "Jahr deutlich erhöht werden soll, wie ein Sprecher in Berlin mitteilte.\n"
        + "Mehr zum Thema\nKommentar schreiben\nImpressum | Datenschutz | Kontakt",
      expect: [
        .textContains("Die Regierung hat"), .textLacks("Mehr zum Thema"), .textLacks("Impressum"),
      ]),
    StageExample(
      "Sign up for our newsletter\nThe council will vote on the plan in May, and residents can "
        + "subscribe to updates on its website if they want to follow the debate closely.",
      options: ["removedField": "removed"],
      expect: [
        .textLacks("Sign up"), .textContains("residents can subscribe to updates"),
        .field("removed", [["line": "Sign up for our newsletter", "reason": "phrase"]]),
      ]),
    StageExample(
      "\u{201C}We will not give up,\u{201D} she said.",
      expect: [.text("\u{201C}We will not give up,\u{201D} she said.")]),
    StageExample(
      "Recipes | Drinks | Contact\nThe Sazerac is one of the oldest cocktails of New Orleans, and "
        + "it is still made the way the bartenders of the city made it a century ago.\n"
        + "Ingredients:\n1 sugar cube\n2 dashes of bitters\n5 cl rye whiskey\nShare on Facebook",
      expect: [
        .textContains("Ingredients:\n1 sugar cube\n2 dashes of bitters\n5 cl rye whiskey"),
        .textLacks("Recipes |"), .textLacks("Share on"),
      ]),
    StageExample(
      "The fix is a two-line change in the configuration, and it keeps the clipboard of the "
        + "terminal and the one of the desktop apart.\nIn short:\nset-option -g mouse on\n"
        + "It works in every version since 2.1, as far as the changelog of the project tells.",
      expect: [.textContains("In short:\nset-option -g mouse on\nIt works")]),
    StageExample(
      "\u{201C}We will not give up, whatever the court decides next week,\u{201D} the union leader "
        + "told the crowd in front of the building on Friday.\n"
        + "\u{2014} Jane Doe (@janedoe) February 17, 2020\nShare on Facebook",
      expect: [.textContains("\u{2014} Jane Doe (@janedoe)"), .textLacks("Share on")]),
    StageExample(
      "Weekly Digest\nPrices for wheat rose sharply in the third quarter, as the drought in the "
        + "south cut yields and exporters held back stocks ahead of the harvest.",
      options: ["phrases": ["weekly digest"]],
      expect: [.textLacks("Weekly Digest"), .textContains("Prices for wheat")]),
  ]

  private let scanner: LineScanner
  private let classifier: LineClassifier
  private let profile: BoilerplateProfile?
  private let groupBy: String?
  private let removedField: String?
  private let keepHeadline: Bool

  public init(options: StageOptions) throws {
    var vocabulary =
      options.bool("builtinVocabulary") ? BoilerplateVocabulary.builtIn : BoilerplateVocabulary()
    if options.isSet("phrases") {
      try vocabulary.merge(options["phrases"], option: "phrases", path: [])
    }
    if options.isSet("phraseFile") {
      try vocabulary.merge(json5: try options.readFile(option: "phraseFile"), option: "phraseFile")
    }
    scanner = LineScanner(vocabulary: vocabulary)
    var classifier = LineClassifier()
    if let length = options.int("minLength") {
      guard length >= 0 else { throw OptionError(option: "minLength", "must be 0 or more") }
      classifier.lengthLow = length
    }
    if let density = options.double("stopwordDensity") {
      guard density >= 0 && density <= 1 else {
        throw OptionError(option: "stopwordDensity", "must be between 0 and 1")
      }
      classifier.stopLow = density
      classifier.stopHigh = density + 0.02
    }
    self.classifier = classifier
    if options.isSet("profile") {
      let loaded = try BoilerplateProfile(
        json5: try options.readFile(option: "profile"), option: "profile")
      profile = loaded
      groupBy = options.string("groupBy") ?? loaded.groupBy
    } else {
      profile = nil
      groupBy = nil
    }
    removedField = options.string("removedField")
    keepHeadline = options.bool("keepHeadline")
  }

  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    var profileLines: Set<UInt64>? = nil
    if let profile, let key = BoilerplateProfile.groupKey(of: document.fields, groupBy: groupBy) {
      profileLines = profile.groups[key]
    }
    var audit: [JSONValue] = []
    let wantAudit = removedField != nil
    let text = document.text
    var kept = 0
    var total = 0
    let joined =
      text.utf8.withContiguousStorageIfAvailable { p in
        let (lines, keep) = select(p, profileLines, wantAudit, &audit)
        total = lines.count
        return Self.join(text, p, lines, keep, &kept)
      }
      ?? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { p in
          let (lines, keep) = select(p, profileLines, wantAudit, &audit)
          total = lines.count
          return Self.join(text, p, lines, keep, &kept)
        }
      }()
    document.text = joined
    let removed = total - kept
    context.count("lines-kept", kept)
    context.count("lines-removed", removed)
    if let removedField { document.fields[removedField] = .array(audit) }
    return .keep
  }

  /// The lines of `p` and which of them to keep; fills the audit with removed lines when asked.
  private func select(
    _ p: UnsafeBufferPointer<UInt8>, _ profileLines: Set<UInt64>?, _ wantAudit: Bool,
    _ audit: inout [JSONValue]
  ) -> ([LineFeatures], [Bool]) {
    let lines = scanner.scan(p)
    var kinds: [LineClassifier.Kind] = []
    var reasons: [LineClassifier.Reason?] = []
    kinds.reserveCapacity(lines.count)
    reasons.reserveCapacity(lines.count)
    // By index through a buffer, and `classify` inlined: iterating the array by value copied
    // each line's features (152 bytes) with a call to `memcpy`.
    lines.withUnsafeBufferPointer { lines in
      for i in lines.indices {
        let hit =
          profileLines.map {
            $0.contains(BoilerplateProfile.hash(p, lines[i].start, lines[i].end))
          } ?? false
        let (kind, reason) = classifier.classify(lines[i], profileHit: hit)
        kinds.append(kind)
        reasons.append(reason)
      }
    }
    let decision = classifier.decide(lines, kinds, reasons, keepHeadline: keepHeadline)
    if wantAudit {
      for (i, line) in lines.enumerated() where !decision.keep[i] {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: p[line.start..<line.end]), as: UTF8.self)
        let reason = decision.reasons[i]?.rawValue ?? "context"
        audit.append(.object(JSONObject([("line", .string(text)), ("reason", .string(reason))])))
      }
    }
    return (lines, decision.keep)
  }

  /// The kept lines of `text` (whose UTF-8 bytes are `p`) joined with `\n`, with a blank line
  /// where the input had one between them. The result is built from slices of `text` (already
  /// valid UTF-8, cut at line breaks and blanks), so it is not validated again; kept lines that
  /// follow each other in the input with exactly the separator the output needs are copied as
  /// one slice.
  private static func join(
    _ text: String, _ p: UnsafeBufferPointer<UInt8>, _ lines: [LineFeatures], _ keep: [Bool],
    _ keptCount: inout Int
  ) -> String {
    var size = 0
    for (i, line) in lines.enumerated() where keep[i] { size += line.end - line.start + 2 }
    var out = ""
    out.reserveCapacity(size)
    let utf8 = text.utf8
    // The pending slice of the input, `from..<to` in bytes (nothing yet while `to < 0`).
    var from = 0
    var to = -1
    var blankPending = false
    func flush() {
      guard to >= 0 else { return }
      let a = utf8.index(utf8.startIndex, offsetBy: from)
      let b = utf8.index(a, offsetBy: to - from)
      out.append(contentsOf: text[a..<b])
    }
    for (i, line) in lines.enumerated() {
      if line.blankBefore { blankPending = true }
      guard keep[i] else { continue }
      keptCount += 1
      defer { blankPending = false }
      if to < 0 {
        (from, to) = (line.start, line.end)
        continue
      }
      // The separator the output needs: one or two line breaks.
      let gap = blankPending ? 2 : 1
      if line.start - to == gap && p[to] == 0x0A && (gap == 1 || p[to + 1] == 0x0A) {
        to = line.end
        continue
      }
      flush()
      out.append(blankPending ? "\n\n" : "\n")
      (from, to) = (line.start, line.end)
    }
    flush()
    return out
  }
}
