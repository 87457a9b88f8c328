import FoundationEssentials
import PipelineCore

/// Finds the publication date of a scraped article in its text (and its URL) and writes it to
/// `date` (`2023-07-03T12:37`, `2018-12-05`, EDTF `XXXX-12-04` when the year is unknown, or
/// `null`) with the text it came from in `date_evidence`.
///
/// Every date expression is found by one byte-level pass (numeric, written in nine languages,
/// with weekdays, times and labels); the publication date is then chosen as an editor would:
/// the header and the dateline over dates the body talks about, published over updated,
/// dated-and-timed over dated, agreement between mentions and with the URL.
public struct DetectDateStage: Stage {
  public static let name = "detect-date"
  public static let summary =
    "Finds the publication date in the text and URL; writes date and date_evidence."

  public static let options: [OptionSpec] = [
    OptionSpec(
      "order", .choice(["dmy", "mdy"]), default: "dmy",
      help: "How to read ambiguous numeric dates like 03/07/2023: day first or month first."),
    OptionSpec(
      "referenceDate", .string,
      help: "A day (YYYY-MM-DD) known to be after publication, e.g. the crawl day: fills in"
        + " missing years and rules out later dates."),
    OptionSpec(
      "referenceField", .string, default: "crawled_at",
      help: "A record field holding such a day (YYYY-MM-DD...), used when present."),
    OptionSpec(
      "urlField", .string, default: "url",
      help: "The record field holding the page's URL, whose path may carry the date."),
    OptionSpec(
      "evidence", .boolean, default: true,
      help: "Also write date_evidence: the text the date was read from (or url:<url>)."),
    OptionSpec(
      "minYear", .integer, default: 1995,
      help: "Dates before this year are never publication dates."),
    OptionSpec(
      "minScore", .number, default: 0.0,
      help: "How sure the stage must be before it writes a date; raise it to answer null more"
        + " often rather than risk a wrong date."),
    OptionSpec(
      "explain", .boolean, default: false,
      help: "Also write date_candidates: every date found, with its score."),
  ]

  public static let examples: [StageExample] = [
    StageExample(
      "Astana, Kazakhstan • 03 July, 2023 | 12:37\n\nCanada Intends to Expand Cooperation\n\n"
        + "On June 30, Astana hosted the 3rd round of Kazakh-Canadian political consultations,"
        + " during which the parties exchanged views on the prospects of relations.",
      expect: [
        .field("date", "2023-07-03T12:37"),
        .field("date_evidence", "03 July, 2023 | 12:37"),
      ]),
    StageExample(
      " date 2018-12-05 ASTANA. KAZINFORM - Chairman of the Senate held a meeting.",
      expect: [.field("date", "2018-12-05"), .field("date_evidence", "2018-12-05")]),
    StageExample(
      "OTTAWA – The Prosecutor General visited Canada on Dec. 4, seeking wider cooperation"
        + " between the two countries in legal matters, signed in 2003.",
      expect: [.field("date", "XXXX-12-04")]),
    StageExample(
      "Veröffentlicht am 3. Juli 2023\nAktualisiert: 5. Juli 2023, 09:15 Uhr",
      expect: [.field("date", "2023-07-03")]),
    StageExample(
      "Posted on Dec. 4 by the desk.", options: ["referenceDate": "2015-01-10"],
      expect: [.field("date", "2014-12-04")]),
    StageExample(
      "No date here, only the year 2003.",
      expect: [.field("date", .null), .field("date_evidence", .null)]),
    StageExample(
      "A story without a date in the text.",
      fields: ["url": "https://example.com/news/2023/11/08/story/"],
      expect: [
        .field("date", "2023-11-08"),
        .field("date_evidence", "url:https://example.com/news/2023/11/08/story/"),
      ]),
  ]

  let chooser: DateChooser
  let reference: CalendarDay?
  let referenceField: String
  let urlField: String
  let writeEvidence: Bool
  let explain: Bool

  public init(options: StageOptions) throws {
    var scanner = DateScanner()
    scanner.monthFirst = options.string("order") == "mdy"
    if let text = options.string("referenceDate") {
      guard let day = CalendarDay(isoPrefix: text) else {
        throw OptionError(option: "referenceDate", "expected a day as YYYY-MM-DD, got \"\(text)\"")
      }
      reference = day
    } else {
      reference = nil
    }
    let today = CalendarDay(dayNumber: Int(Date().timeIntervalSince1970 / 86_400))
    let latest = CalendarDay(dayNumber: (reference ?? today).dayNumber + 366)
    scanner.twoDigitPivot = (reference ?? today).year % 100 + 1
    let minYear = options.int("minYear") ?? 1995
    guard minYear >= 1000, minYear <= 9999 else {
      throw OptionError(option: "minYear", "expected a four-digit year, got \(minYear)")
    }
    var chooser = DateChooser(scanner: scanner, latestPlausible: latest)
    chooser.minimumYear = minYear
    chooser.threshold = options.double("minScore") ?? 0
    self.chooser = chooser
    referenceField = options.string("referenceField") ?? ""
    urlField = options.string("urlField") ?? ""
    writeEvidence = options.bool("evidence")
    explain = options.bool("explain")
  }

  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    let url = urlField.isEmpty ? nil : document.fields[urlField]?.stringValue
    var reference = self.reference
    if !referenceField.isEmpty, let text = document.fields[referenceField]?.stringValue,
      let day = CalendarDay(isoPrefix: text)
    {
      reference = day
    }
    var text = document.text
    let evidence = DateChooser.Evidence(url: url, reference: reference)
    let (choice, candidates, spans) = text.withUTF8 { p in
      let (choice, candidates) = chooser.choose(p, evidence: evidence)
      let spans = explain ? candidates.map { Self.slice(p, $0.mention.start..<$0.mention.end) } : []
      let chosen = choice?.span.map { Self.slice(p, $0) }
      return (choice.map { ($0, chosen) }, candidates, spans)
    }
    if let (c, span) = choice {
      document["date"] = .string(c.value)
      if writeEvidence {
        document["date_evidence"] = .string(span ?? "url:" + (url ?? ""))
      }
      context.count(span == nil ? "dated_from_url" : "dated")
      if !c.day.hasYear { context.count("year_unknown") }
    } else {
      document["date"] = .null
      if writeEvidence { document["date_evidence"] = .null }
      context.count("undated")
    }
    if explain {
      document["date_candidates"] = .array(
        zip(candidates, spans).map { Self.describe($0, text: $1) })
    }
    return .keep
  }

  private static func slice(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self)
  }

  private static func describe(_ c: DateCandidate, text: String) -> JSONValue {
    var o = JSONObject()
    o["text"] = .string(text)
    o["date"] = .string(c.day.iso)
    o["score"] = .number(String((c.score * 100).rounded() / 100))
    o["time"] = c.mention.time.map { .string($0.text) } ?? .null
    o["line"] = .number(String(c.mention.line))
    o["relativeLine"] = .number(String(c.relativeLine))
    o["proseBefore"] = .number(String(c.proseBefore))
    o["inProse"] = .bool(c.inProse)
    o["offsetInLine"] = .number(String(c.offsetInLine))
    o["restOfLine"] = .number(String(c.restOfLine))
    o["label"] = .string(String(describing: c.label))
    o["order"] = .number(String(c.order))
    o["agreeing"] = .number(String(c.agreeing))
    o["url"] = .string(String(describing: c.urlAgreement))
    o["listNeighbours"] = .number(String(c.listNeighbours))
    o["inLead"] = .bool(c.inLead)
    o["inComments"] = .bool(c.inComments)
    o["masthead"] = .bool(c.onMastheadLine)
    o["isLatest"] = .bool(c.isLatest)
    o["weekday"] = .number(String(c.mention.weekday))
    o["shape"] = .string(String(describing: c.mention.shape))
    o["twoDigitYear"] = .bool(c.mention.twoDigitYear)
    o["yearInferred"] = .bool(c.yearInferred)
    o["ambiguous"] = .bool(c.mention.alternative != nil)
    return .object(o)
  }
}
