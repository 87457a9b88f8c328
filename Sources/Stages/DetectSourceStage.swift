import PipelineCore

/// Names the outlet (publisher) of a scraped article: `source` (display name or null) and
/// `source_evidence` (the text span or `url:<host>` it came from, or null).
///
/// A `url` field decides when present: its host is looked up in the outlet list, else a readable
/// name is made from the registered domain (Wayback Machine URLs count as the archived site).
/// Without a URL the text is read: copyright and republishing notices, logo alt-text, newsletter
/// and social lines, site chrome (`About X`, `More from X`), datelines (`LONDON (Reuters) -`),
/// title suffixes, the site's domain, `X reports` in the lead. An outlet only quoted in the body
/// does not win over the page's own voice. Runs before `strip-boilerplate`, while the header and
/// footer lines that carry these cues are still in the text.
public struct DetectSourceStage: Stage {
  public static let name = "detect-source"
  public static let summary =
    "Names the outlet of an article (source, source_evidence) from its URL or text."

  public static let options: [OptionSpec] = [
    OptionSpec(
      "urlField", .string, default: "url",
      help: "Field holding the page URL; its host decides the outlet when present."),
    OptionSpec(
      "evidence", .boolean, default: true,
      help: "Also write source_evidence: the text span or url:<host> the outlet was read from."),
    OptionSpec(
      "outlets", .string,
      help:
        "JSON5 outlet list (docs/outlets.md) merged over the bundled one; relative to the pipeline file."
    ),
    OptionSpec(
      "replaceBuiltin", .boolean, default: false,
      help: "Use only the outlets of the `outlets` file, not the bundled list."),
    OptionSpec(
      "candidates", .boolean, default: false,
      help:
        "Also write source_candidates: the outlets considered from the text, with scores and kinds of evidence."
    ),
  ]

  public static let examples: [StageExample] = [
    StageExample(
      "Some article text.", fields: ["url": "https://astanatimes.com/2023/07/story/"],
      expect: [
        .field("source", "The Astana Times"), .field("source_evidence", "url:astanatimes.com"),
      ]),
    StageExample(
      "Text.", fields: ["url": "https://www.die-partei.net/sh/2013/05/"],
      expect: [.field("source", "Die Partei"), .field("source_evidence", "url:www.die-partei.net")]),
    StageExample(
      "Text.",
      fields: ["url": "https://web.archive.org/web/20190101000000/https://www.bbc.co.uk/news/x"],
      expect: [.field("source", "BBC")]),
    StageExample(
      " date 2018-12-05 ASTANA. KAZINFORM - Chairman of the Senate held a meeting with the Governor General "
        + "of Canada, the Senate's press service informs.",
      expect: [.field("source", "Kazinform"), .field("source_evidence", "ASTANA. KAZINFORM -")]),
    StageExample(
      "LONDON (Reuters) - Shares rose on Monday after the central bank kept its rates unchanged, traders said.\n",
      expect: [.field("source", "Reuters")]),
    StageExample(
      "The talks went well, the ministry said in a long statement on Monday morning.\n\n"
        + "Get The Astana Times stories sent directly to you! Sign up via the website!",
      expect: [.field("source", "The Astana Times")]),
    StageExample(
      "Prices rose again in March across the region, officials said on Friday.\n"
        + "© 2021 Frankfurter Allgemeine Zeitung GmbH. Alle Rechte vorbehalten.",
      expect: [
        .field("source", "Frankfurter Allgemeine Zeitung"),
        .field("source_evidence", "© 2021 Frankfurter Allgemeine Zeitung GmbH"),
      ]),
    StageExample(
      "Prices rose again in March across the region, officials said on Friday.\n© 2023 Qazaq Daily Media. All rights reserved.",
      expect: [.field("source", "Qazaq Daily")]),
    StageExample(
      "The council met on Monday evening and discussed the budget for the year at length.\n"
        + "Kontakt: redaktion(at)harbour-weekly(dot)de",
      expect: [
        .field("source", "Harbour Weekly"),
        .field("source_evidence", "redaktion(at)harbour-weekly(dot)de"),
      ]),
    StageExample(
      "harbourweekly.com\nMenu\nThe council met on Monday evening and discussed the budget at length.",
      expect: [.field("source", "Harbourweekly"), .field("source_evidence", "harbourweekly.com")]),
    StageExample(
      "Follow BNT on Twitter\nThe council met on Monday evening and discussed the budget at length.\n"
        + "© 2023 Bay News Today. All rights reserved.",
      expect: [.field("source", "Bay News Today")]),
    StageExample(
      "About Us Advertise\nMore from Relationships\n"
        + "The council met on Monday evening and discussed the budget at length.\n"
        + "© 2023 Bay News Today. All rights reserved.",
      expect: [.field("source", "Bay News Today")]),
    StageExample(
      "Prices rose again in March across the region, officials said on Friday.\n"
        + "© 2023 Evening Standard Ltd. All rights reserved.",
      expect: [.field("source", "Standard")]),
    StageExample(
      "The minister told the BBC that the plan would go ahead as announced earlier this year.",
      expect: [.field("source", .null), .field("source_evidence", .null)]),
    StageExample(
      "Text.", fields: ["url": "https://www.reuters.com/x"], options: ["evidence": false],
      expect: [.field("source", "Reuters"), .field("source_evidence", .null)]),
  ]

  let urlField: String
  let writeEvidence: Bool
  let writeCandidates: Bool
  let catalog: OutletCatalog
  let detector: SourceDetector

  public init(options: StageOptions) throws {
    urlField = options.string("urlField") ?? "url"
    writeEvidence = options.bool("evidence")
    writeCandidates = options.bool("candidates")
    var catalog = OutletCatalog.builtin
    if options.bool("replaceBuiltin") && !options.isSet("outlets") {
      throw OptionError(
        option: "replaceBuiltin", "replaceBuiltin needs an \"outlets\" file to use instead")
    }
    if options.isSet("outlets") {
      let text = try options.readFile(option: "outlets")
      let path = options.path("outlets") ?? "outlets"
      let extra: [Outlet]
      do { extra = try OutletFile.parse(text, file: path) } catch {
        throw OptionError(option: "outlets", error.description)
      }
      catalog = options.bool("replaceBuiltin") ? OutletCatalog(extra) : catalog.merging(extra)
    }
    self.catalog = catalog
    self.detector = options.isSet("outlets") ? SourceDetector(catalog: catalog) : .builtin
  }

  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    var name: String? = nil
    var evidence: String? = nil
    if let url = document.fields[urlField]?.stringValue, let host = HostName.host(ofURL: url),
      case let site = HostName.site(ofHost: host), !HostName.isRedirector(host, site: site)
    {
      if let o = catalog.outlet(host: host) {
        name = catalog.outlets[o].name
      } else {
        name = HostName.readableName(ofSite: site)
      }
      evidence = "url:" + host
      context.count("from url")
    } else {
      let found = detector.detect(document.text, candidates: writeCandidates)
      name = found.name
      evidence = found.evidence
      context.count(found.name == nil ? "unknown" : "from text")
      if writeCandidates {
        document.fields["source_candidates"] = .array(
          found.candidates.map { c in
            .object(
              JSONObject([
                ("name", .string(c.name)), ("score", .double(c.score)),
                ("kinds", .strings(c.kinds)),
                ("listed", .bool(c.listed)),
              ]))
          })
      }
    }
    document.fields["source"] = name.map(JSONValue.string) ?? .null
    document.fields["source_evidence"] =
      writeEvidence ? (evidence.map(JSONValue.string) ?? .null) : .null
    return .keep
  }
}
