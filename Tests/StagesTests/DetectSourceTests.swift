import Foundation
import PipelineCore
import Testing

@testable import Stages

/// `detect-source`: every signal, the traps, custom outlet files, the seeds and the dev set.
@Suite struct DetectSourceTests {
  let stage: DetectSourceStage

  init() throws { stage = try DetectSourceStage.make() }

  /// The `source` and `source_evidence` the stage writes for `text` (and `url`).
  func detect(_ text: String, url: String? = nil) throws -> (source: String?, evidence: String?) {
    var fields: JSONObject = [:]
    if let url { fields["url"] = .string(url) }
    let doc = try stage.apply(to: text, fields: fields).document
    return (doc.fields["source"]?.stringValue, doc.fields["source_evidence"]?.stringValue)
  }

  // MARK: - URL

  @Test func listedHostGivesTheListedName() throws {
    #expect(
      try detect("", url: "https://astanatimes.com/2023/07/canada/") == (
        "The Astana Times", "url:astanatimes.com"
      ))
    #expect(try detect("", url: "https://www.theguardian.com/world/x").source == "The Guardian")
    #expect(try detect("", url: "https://edition.cnn.com/2023/01/01/x").source == "CNN")
  }

  @Test func unknownDomainGivesAReadableName() throws {
    #expect(try detect("", url: "https://www.die-partei.net/sh/").source == "Die Partei")
    #expect(try detect("", url: "http://blog.todamax.net/2018/x").source == "Todamax")
    #expect(try detect("", url: "https://m.example-news.org/a").source == "Example News")
    #expect(try detect("", url: "https://amp.foo-bar.com/a").source == "Foo Bar")
    // Very short names keep their domain.
    #expect(try detect("", url: "https://taz.de/x").source == "taz")
    #expect(try detect("", url: "https://www.xyz.de/x").source == "xyz.de")
  }

  @Test func publicSuffixes() throws {
    #expect(HostName.site(ofHost: "www.bbc.co.uk") == "bbc.co.uk")
    #expect(HostName.site(ofHost: "news.realestate.com.au") == "realestate.com.au")
    #expect(HostName.site(ofHost: "www.akorda.gov.kz") == "akorda.gov.kz")
    #expect(HostName.site(ofHost: "gnadlib.wordpress.com") == "gnadlib.wordpress.com")
    #expect(HostName.site(ofHost: "foo.blogspot.com.br") == "foo.blogspot.com.br")
    #expect(try detect("", url: "https://www.walesonline.co.uk/news").source == "Walesonline")
    #expect(try detect("", url: "https://www.akorda.gov.kz/en/x").source == "Akorda")
    #expect(try detect("", url: "https://gnadlib.wordpress.com/2019/x").source == "Gnadlib")
  }

  @Test func waybackMachineURLsNameTheArchivedSite() throws {
    let url = "https://web.archive.org/web/20190101000000/https://www.qazmonitor.com/news/1"
    #expect(try detect("", url: url) == ("QazMonitor", "url:www.qazmonitor.com"))
    let bare = "http://web.archive.org/web/20080731095558id_/http://www.dimido.de/2008/07/x"
    #expect(try detect("", url: bare).source == "Dimido")
  }

  @Test func urlParsingIsRobust() {
    #expect(HostName.host(ofURL: "HTTPS://User@WWW.Example.COM:8080/x?y#z") == "www.example.com")
    #expect(HostName.host(ofURL: "www.example.org/path") == "www.example.org")
    #expect(HostName.host(ofURL: "not a url") == nil)
    #expect(HostName.host(ofURL: "") == nil)
  }

  @Test func urlBeatsText() throws {
    let text =
      "LONDON (Reuters) - Shares rose on Monday after the central bank kept its rates unchanged."
    #expect(try detect(text, url: "https://www.kursiv.media/x").source == "Kursiv")
  }

  @Test func linkShortenersFallBackToText() throws {
    let text =
      "LONDON (Reuters) - Shares rose on Monday after the central bank kept its rates unchanged."
    #expect(try detect(text, url: "https://bit.ly/3abc").source == "Reuters")
  }

  // MARK: - Text signals

  @Test func datelines() throws {
    let kazinform =
      " date 2018-12-05 ASTANA. KAZINFORM - Chairman of the Senate met the Governor General of Canada."
    #expect(try detect(kazinform) == ("Kazinform", "ASTANA. KAZINFORM -"))
    let reuters =
      "PRAGUE (Reuters) - Deliveries of Skoda cars dropped slightly in 2019 to 1.24 million vehicles."
    #expect(try detect(reuters) == ("Reuters", "PRAGUE (Reuters) -"))
    let ap =
      "WASHINGTON (AP) — The Senate passed the spending bill late on Friday after a long debate."
    #expect(try detect(ap).source == "Associated Press")
  }

  @Test func reportsAndAccordingTo() throws {
    let reports =
      "Astana hosted a round of political consultations on Friday, QazMonitor reports citing the ministry of foreign affairs."
    #expect(try detect(reports).source == "QazMonitor")
    let lead =
      "The government approved a new budget for the next three years, Tengrinews reports.\nMore text follows here."
    #expect(try detect(lead).source == "Tengrinews")
  }

  @Test func copyrightLines() throws {
    let plain =
      "Some article text that is long enough to be a paragraph of its own here.\n© 2023 Steppe Daily. All rights reserved."
    #expect(try detect(plain) == ("Steppe Daily", "© 2023 Steppe Daily"))
    let word =
      "Body text of the article that goes on for a while.\nCopyright 2019 Steppe Daily. All rights reserved."
    #expect(try detect(word).source == "Steppe Daily")
    let parens = "Body text of the article that goes on for a while.\n(c) Steppe Daily 2019"
    #expect(try detect(parens).source == "Steppe Daily")
    let gmbh = "Body text of the article.\n© 2021 Frankfurter Allgemeine Zeitung GmbH"
    #expect(try detect(gmbh).source == "Frankfurter Allgemeine Zeitung")
    let holderFirst =
      "Body text of the article.\nTodos los derechos reservados © 2023 Diario Andino"
    #expect(try detect(holderFirst).source == "Diario Andino")
  }

  @Test func lowerCaseBrandsInCopyrightLines() throws {
    let body = "Body text of the article that goes on for a while."
    #expect(try detect("\(body)\n© 2022 todamax").source == "todamax")
    // A brand in lower case followed only by its company form.
    #expect(
      try detect("\(body)\nCopyright 2022 fem Media GmbH | Impressum")
        == ("fem", "Copyright 2022 fem Media GmbH"))
    #expect(try detect("\(body)\n© 2021 tagwerk Verlag GmbH").source == "tagwerk")
    // Traps: lower-case words followed by other words are a clause, not a holder.
    #expect(try detect("\(body)\n© 2022 alle Texte Media GmbH").source == nil)
    #expect(try detect("\(body)\n© 2022 unless Stated Otherwise").source == nil)
  }

  @Test func photoCreditsAreNotCopyrightLines() throws {
    let text =
      "Bild: Ein Feuerwehrauto vor dem Haus in der Hauptstraße © Getty Images\nDer Text geht weiter."
    #expect(try detect(text).source == nil)
    let slash = "Die Karte zeigt die Lage. © DVFG/AdobeStock\nDer Text geht weiter."
    #expect(try detect(slash).source == nil)
  }

  @Test func republishingNotice() throws {
    let text = """
      Body of the article about trade talks between the two countries.

      Only 30% of an article published on The Qazaqstan Monitor website may be used with a mandatory hyperlink.
      """
    #expect(try detect(text).source == "QazMonitor")
    let unknown =
      "Body text.\nOnly part of an article published on the Steppe Herald website may be used."
    #expect(try detect(unknown).source == "Steppe Herald")
  }

  @Test func logoAltText() throws {
    #expect(
      try detect("QazMonitor Logo\nNews\nCanada Intends to Expand Cooperation").source
        == "QazMonitor")
    #expect(try detect("Steppe Herald Logo\nMain page").source == "Steppe Herald")
  }

  @Test func newsletterAndSocialLines() throws {
    let astana =
      "Body text.\n\nGet The Astana Times stories sent directly to you! Sign up via the website!"
    #expect(try detect(astana).source == "The Astana Times")
    #expect(try detect("Body text.\nFollow Steppe Herald on Twitter").source == "Steppe Herald")
    #expect(try detect("Body text.\nSubscribe to Steppe Herald").source == "Steppe Herald")
  }

  @Test func romanceArticlesStayInsideANameReadBackwards() throws {
    #expect(try detect("Body text.\nA la Carte auf Facebook").source == "A la Carte")
    #expect(try detect("Body text.\nLa Voz de la Frontera auf Facebook").source == "La Voz de la Frontera")
    // Traps: a German or English article opens the phrase before the name.
    #expect(try detect("Body text.\nFolgen Sie der Steppe Zeitung auf Facebook").source == "Steppe Zeitung")
    #expect(try detect("Body text.\nAbonniert den Steppe Herald auf Facebook").source == "Steppe Herald")
  }

  @Test func titleSuffix() throws {
    #expect(
      try detect("Floods hit the northern regions | Steppe Herald\nBody text.").source
        == "Steppe Herald")
  }

  @Test func siteChromeAndSelfDescription() throws {
    let text = "* About Steppe Herald\n* Advertise with Steppe Herald\nBody text."
    #expect(try detect(text).source == "Steppe Herald")
    let mark = "Body text.\nSteppe Herald is a registered trademark of Steppe Media LLC."
    #expect(try detect(mark).source == "Steppe Herald")
  }

  @Test func aShortLineCallingANameANewspaper() throws {
    let body = "The council met on Monday evening and discussed the budget at length."
    #expect(
      try detect("\(body)\nSearchlight newspaper\n© Copyright Interactive Media Ltd.").source
        == "Searchlight")
    // Traps: a newspaper mentioned in a sentence, and a lower-case word before the cue.
    #expect(try detect("\(body)\nHe told the Steppe Herald newspaper that it was over.").source == nil)
    #expect(try detect("\(body)\nOur local newspaper").source == nil)
    #expect(try detect("\(body)\nThe local newspaper").source == nil)
  }

  @Test func ownDomainInText() throws {
    let text =
      "Body text of the article.\nKontakt: redaktion@steppe-herald.kz\n© steppe-herald.kz 2022"
    #expect(try detect(text).source == "Steppe Herald")
  }

  // MARK: - Traps

  @Test func quotedOutletDoesNotBeatTheDateline() throws {
    let text = """
      ASTANA. KAZINFORM - The central bank kept its base rate unchanged on Friday, a decision analysts had expected.

      The decision was widely anticipated, Reuters reported, citing two people familiar with the matter.
      """
    #expect(try detect(text).source == "Kazinform")
  }

  @Test func quotedOutletDoesNotBeatTheCopyright() throws {
    let text = """
      The company said profits rose in the third quarter, according to Bloomberg, as demand recovered.
      Shares rose 3 percent, Reuters reported.
      © 2023 Steppe Herald. All rights reserved.
      """
    #expect(try detect(text).source == "Steppe Herald")
  }

  @Test func signalsRankAsSpecified() throws {
    // The page's own voice (copyright) over a dateline, a dateline over "X reports" in the lead.
    let copyright = """
      BERLIN (dpa) - Die Bundesregierung hat am Montag einen neuen Haushaltsentwurf vorgelegt.
      Der Entwurf sieht höhere Ausgaben für Verteidigung und Bildung vor.
      © 2023 Steppe Herald. Alle Rechte vorbehalten.
      """
    #expect(try detect(copyright).source == "Steppe Herald")
    let dateline = """
      ASTANA. KAZINFORM - The government approved the budget for the next three years, Tengrinews reports.
      """
    #expect(try detect(dateline).source == "Kazinform")
  }

  @Test func pressServiceIsNotTheOutlet() throws {
    let text =
      "Chairman of the Senate held a meeting with the Governor General, the Senate's press service informs."
    #expect(try detect(text).source == nil)
  }

  @Test func outletNamedOnlyInTheBodyIsNotTheSource() throws {
    let text = """
      The minister told the BBC on Monday that the plan would go ahead as announced.
      Officials later repeated the figures in an interview with CNN and Al Jazeera.
      """
    #expect(try detect(text) == (nil, nil))
  }

  @Test func statementsAreNotOutlets() throws {
    let text =
      "Gazprom said in a statement on Monday that gas flows through the pipeline had resumed."
    #expect(try detect(text).source == nil)
  }

  @Test func evidenceCanBeSwitchedOff() throws {
    let quiet = try DetectSourceStage.make(["evidence": false])
    let doc = try quiet.apply(
      to: "PRAGUE (Reuters) - Deliveries of Skoda cars dropped slightly in 2019."
    ).document
    #expect(doc.fields["source"] == "Reuters")
    #expect(doc.fields["source_evidence"] == .null)
  }

  @Test func bothFieldsAreAlwaysSet() throws {
    let doc = try stage.apply(to: "").document
    #expect(doc.fields["source"] == .null)
    #expect(doc.fields["source_evidence"] == .null)
  }

  @Test func otherURLFieldName() throws {
    let custom = try DetectSourceStage.make(["urlField": "link"])
    let doc = try custom.apply(to: "", fields: ["link": "https://www.reuters.com/x"]).document
    #expect(doc.fields["source"] == "Reuters")
  }

  @Test func candidatesExplainTheChoice() throws {
    let explain = try DetectSourceStage.make(["candidates": true])
    let text =
      "Body text.\n© 2023 Steppe Herald. All rights reserved.\nFollow Steppe Herald on Twitter"
    let doc = try explain.apply(to: text).document
    let first = doc.fields["source_candidates"]?.arrayValue?.first?.objectValue
    #expect(first?["name"] == "Steppe Herald")
    #expect(first?["kinds"]?.arrayValue?.count == 2)
  }

  // MARK: - Outlet files

  @Test func bundledOutletListParses() throws {
    let text = String(decoding: PackageResources.outlets_json5, as: UTF8.self)
    let outlets = try OutletFile.parse(text, file: "outlets.json5")
    #expect(outlets.count > 300)
    #expect(OutletCatalog.builtin.outlets.count == outlets.count)
    let names = outlets.map(\.name)
    for required in [
      "Reuters", "Kazinform", "The Astana Times", "QazMonitor", "Tengrinews", "Xinhua",
      "Zeit Online",
    ] {
      #expect(names.contains(required), "missing \(required)")
    }
  }

  @Test func outletFileErrorsPointAtTheLine() {
    let bad = """
      {
        version: 1,
        outlets: [
          {name: "A", domians: ["a.com"]},
        ],
      }
      """
    #expect(throws: OutletFileError.self) { try OutletFile.parse(bad, file: "x.json5") }
    do {
      _ = try OutletFile.parse(bad, file: "x.json5")
    } catch {
      #expect(error.location.line == 4)
      #expect(error.description.contains("did you mean \"domains\""))
    }
    #expect(throws: OutletFileError.self) {
      try OutletFile.parse(
        "{outlets: [{name: \"A\", domains: [\"https://a.com/x\"]}]}", file: "x.json5")
    }
  }

  @Test func customOutletFileFromAPipelineFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "detect-source-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try """
    // Our own outlets.
    {
      version: 1,
      outlets: [
        {name: "Steppe Herald", aliases: ["The Herald of the Steppe"], domains: ["steppeherald.kz"]},
        {name: "Reuters Wire", aliases: ["Reuters"], domains: ["reuters.com"]},
      ],
    }
    """.write(to: dir.appendingPathComponent("my-outlets.json5"), atomically: true, encoding: .utf8)
    let pipelinePath = dir.appendingPathComponent("mine.json5").path
    try """
    {version: 1, stages: [{stage: "detect-source", options: {outlets: "my-outlets.json5"}}]}
    """.write(toFile: pipelinePath, atomically: true, encoding: .utf8)
    let loader = PipelineLoader(registry: BuiltinStages.registry, locator: .standard(bundled: [:]))
    let pipeline = try loader.load(pipelinePath)
    func run(_ text: String, url: String? = nil) -> String? {
      var doc = Document(text: text, fields: url.map { ["url": .string($0)] } ?? [:])
      var context = StageContext()
      _ = pipeline.process(&doc, context: &context)
      return doc.fields["source"]?.stringValue
    }
    #expect(run("", url: "https://www.steppeherald.kz/a") == "Steppe Herald")
    #expect(run("Body.\nGet The Herald of the Steppe stories sent to you!") == "Steppe Herald")
    // User entries win over bundled ones; the bundled list is still there.
    #expect(run("", url: "https://www.reuters.com/a") == "Reuters Wire")
    #expect(run("", url: "https://www.bbc.co.uk/news") == "BBC")
  }

  @Test func replaceBuiltinUsesOnlyTheUserFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "detect-source-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "{outlets: [{name: \"Steppe Herald\", domains: [\"steppeherald.kz\"]}]}"
      .write(to: dir.appendingPathComponent("o.json5"), atomically: true, encoding: .utf8)
    let only = try DetectSourceStage.make(
      ["outlets": "o.json5", "replaceBuiltin": true], baseDirectory: dir.path)
    #expect(only.catalog.outlets.map(\.name) == ["Steppe Herald"])
    let doc = try only.apply(to: "", fields: ["url": "https://www.bbc.co.uk/news"]).document
    #expect(doc.fields["source"] == "Bbc.co.uk" || doc.fields["source"] == "bbc.co.uk")
  }

  @Test func badOutletFilesAreOptionErrors() {
    #expect(throws: OptionError.self) {
      try DetectSourceStage.make(["outlets": "/nonexistent/outlets.json5"])
    }
    #expect(throws: OptionError.self) { try DetectSourceStage.make(["replaceBuiltin": true]) }
  }

  // MARK: - Matcher

  @Test func matcherIsCaseInsensitiveOnWordBoundaries() throws {
    let matcher = PhraseMatcher([
      "Astana Times", "Süddeutsche Zeitung", "Казинформ", "tom's hardware",
    ])
    func first(_ text: String) -> Int? {
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { p in
        var i = 0
        while i < p.count {
          if CaseFold.wordAt(p, i) && !CaseFold.wordBefore(p, i),
            let m = matcher.longestMatch(p, at: i)
          {
            return m.phrase
          }
          i += 1
        }
        return nil
      }
    }
    #expect(first("read the ASTANA TIMES today") == 0)
    #expect(first("the astana timeshare") == nil)
    #expect(first("SÜDDEUTSCHE ZEITUNG berichtet") == 1)
    #expect(first("по данным КАЗИНФОРМ") == 2)
    #expect(first("Tom’s Hardware tested it") == 3)
  }
  // MARK: - Long body paragraphs

  /// A page: short menu lines, three lead paragraphs, then `body` as the next paragraph and
  /// filler paragraphs after it (so it sits below the lead and above the footer region).
  func page(body: String) -> String {
    let menu = (1...12).map { "Menu item \($0)" }
    let paragraph =
      "The council met on Monday evening and discussed the budget for the coming year at length."
    let lead = [String](repeating: paragraph, count: 3)
    let filler = [String](repeating: paragraph, count: 10)
    return (menu + lead + [body] + filler).joined(separator: "\n")
  }

  @Test func cuesInLongBodyParagraphsAreNotRead() throws {
    let long =
      "In a long paragraph of the article the reporter writes that readers who want More from "
      + "Weekly Harbour can find it elsewhere, and the paragraph goes on for a good while longer "
      + "than any menu or footer line would, with many more words after that."
    #expect(long.utf8.count >= SourceDetector.bodyParagraphBytes)
    #expect(try detect(page(body: long)).source == nil)
    // The same cue on a short line of its own is site chrome.
    #expect(try detect(page(body: "More from Weekly Harbour")).source == "Weekly Harbour")
  }

  @Test func domainsInLongBodyParagraphsStillCount() throws {
    let long =
      "In a long paragraph of the article the reporter writes that readers can find the whole "
      + "series at weeklyharbour.com, and the paragraph goes on for a good while longer than any "
      + "menu or footer line would, with many more words after that."
    #expect(long.utf8.count >= SourceDetector.bodyParagraphBytes)
    #expect(try detect(page(body: long)).evidence == "weeklyharbour.com")
  }
}
