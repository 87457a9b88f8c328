import Foundation
import PipelineCore
import Testing

@testable import Stages

/// `detect-source`: the form of the name it writes (the domain's short form) and the menu and
/// section words that are never an outlet.
@Suite struct DetectSourceNameFormTests {
  let stage: DetectSourceStage

  init() throws { stage = try DetectSourceStage.make() }

  func source(_ text: String) throws -> String? {
    try stage.apply(to: text).document.fields["source"]?.stringValue
  }

  static let body =
    "The council met on Monday evening and discussed the budget for the year at length.\n"

  // MARK: - The domain's short form

  @Test func shortFormMatchesADomainLabel() {
    let labels: Set<String> = ["spektrum", "conversation", "standard", "elnacional"]
    #expect(DomainShortForm.shortForm(of: "Spektrum der Wissenschaft", labels: labels) == "Spektrum")
    #expect(
      DomainShortForm.shortForm(of: "The Conversation Africa", labels: labels) == "The Conversation")
    #expect(DomainShortForm.shortForm(of: "Evening Standard", labels: labels) == "Standard")
    #expect(DomainShortForm.shortForm(of: "EL NACIONAL WEB", labels: labels) == "EL NACIONAL")
  }

  @Test func shortFormLeavesOtherNamesAlone() {
    // The whole name already is the domain's form.
    #expect(DomainShortForm.shortForm(of: "Der Standard", labels: ["derstandard"]) == nil)
    #expect(DomainShortForm.shortForm(of: "The Astana Times", labels: ["astanatimes"]) == nil)
    // Only whole words at the start or the end: not a word in the middle, not part of a word.
    #expect(DomainShortForm.shortForm(of: "New York Times Magazine", labels: ["york"]) == nil)
    #expect(DomainShortForm.shortForm(of: "Standardpresse Online", labels: ["standard"]) == nil)
    #expect(DomainShortForm.shortForm(of: "Reuters", labels: ["reuters"]) == nil)
    #expect(DomainShortForm.shortForm(of: "Evening Standard", labels: []) == nil)
  }

  @Test func labelKeysOfHosts() {
    #expect(DomainShortForm.labelKey(ofHost: "www.standard.co.uk") == "standard")
    #expect(DomainShortForm.labelKey(ofHost: "theconversation.com") == "conversation")
    #expect(DomainShortForm.labelKey(ofHost: "news.spektrum.de") == "spektrum")
  }

  @Test func listedOutletIsWrittenInItsDomainsForm() throws {
    // Listed as "Spektrum der Wissenschaft" on spektrum.de.
    #expect(
      try source(Self.body + "© 2023 Spektrum der Wissenschaft Verlagsgesellschaft mbH") == "Spektrum")
    // Listed as "Evening Standard" on standard.co.uk.
    #expect(try source(Self.body + "© 2023 Evening Standard Ltd. All rights reserved.") == "Standard")
    // A listed name that already is its domain's form stays as it is.
    #expect(
      try source(Self.body + "© 2023 The Astana Times. All rights reserved.") == "The Astana Times")
  }

  @Test func nameIsWrittenInTheFormOfADomainOnThePage() throws {
    // A listed outlet without domains; the page writes the domain of its short form.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "detect-source-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "{outlets: [{name: \"Harbour Light Africa\"}]}"
      .write(to: dir.appendingPathComponent("o.json5"), atomically: true, encoding: .utf8)
    let mine = try DetectSourceStage.make(["outlets": "o.json5"], baseDirectory: dir.path)
    let copyright = "© 2023 Harbour Light Africa. All rights reserved."
    let withDomain = Self.body + "Contact: desk@harbourlight.org\n" + copyright
    #expect(try mine.apply(to: withDomain).document.fields["source"] == "Harbour Light")
    // Without the domain on the page the name stays whole.
    #expect(
      try mine.apply(to: Self.body + copyright).document.fields["source"] == "Harbour Light Africa")
  }

  // MARK: - Menu and section words

  // MARK: - Editions

  @Test func theEditionsPlaceIsDropped() throws {
    #expect(EditionName.outlet(ofEdition: "The Conversation Africa") == "The Conversation")
    #expect(EditionName.outlet(ofEdition: "Refinery29 Deutschland") == "Refinery29")
    #expect(EditionName.outlet(ofEdition: "Vice UK") == "Vice")
    #expect(
      try source("\(Self.body)Copyright © 2010–2023, The Conversation Africa, Inc.")
        == "The Conversation")
  }

  @Test func namesThatAreNoEditionsStay() throws {
    // A place after a connector belongs to the name; a bare media word is no outlet.
    #expect(EditionName.outlet(ofEdition: "The Times of India") == nil)
    #expect(EditionName.outlet(ofEdition: "Radio de France") == nil)
    #expect(EditionName.outlet(ofEdition: "Radio France") == nil)
    #expect(EditionName.outlet(ofEdition: "TV Schweiz") == nil)
    #expect(EditionName.outlet(ofEdition: "Deutschland") == nil)
    #expect(EditionName.outlet(ofEdition: "Africa Business News") == nil)
    // Listed outlets keep their listed name.
    #expect(
      try source("\(Self.body)© 2023 Neues Deutschland. All rights reserved.")
        == "Neues Deutschland")
  }

  @Test func sectionAndMenuWordsAreNotOutlets() {
    for word in ["Advertise", "Politik", "Special reports", "Relationships", "Finanzas", "Keine"] {
      #expect(!NameFilter.accepts(word), "\(word)")
    }
    #expect(NameFilter.clean("Politik-Artikel", legal: false, generic: true) == nil)
    // Names that hold such a word with a word of their own still are names.
    for name in ["The Local", "Sports Illustrated", "Business Insider", "Die Welt", "Health Affairs"] {
      #expect(NameFilter.accepts(name), "\(name)")
    }
  }

  @Test func menuChromeLosesToTheOutletsOwnCopyright() throws {
    let text =
      "About Us Advertise\nMore from Relationships\n" + Self.body
      + "© 2023 Bay News Today. All rights reserved."
    #expect(try source(text) == "Bay News Today")
  }

  // MARK: - Parent companies

  @Test func corporateWordGluedByAHyphenIsDropped() {
    #expect(NameFilter.clean("Perspective-Media LTD.", legal: true, generic: false) == "Perspective")
    #expect(NameFilter.clean("Harbour-Verlag GmbH", legal: true, generic: false) == "Harbour")
    // Only in company names (copyright holders), and only a corporate word.
    #expect(
      NameFilter.clean("Perspective-Media", legal: false, generic: false) == "Perspective-Media")
    #expect(NameFilter.clean("Baden-Baden GmbH", legal: true, generic: false) == "Baden-Baden")
  }

  @Test func parentCompanyJoinsTheListedOutletWhoseDomainIsOnThePage() throws {
    // "Republica Media Group" is the company behind La República (listed), whose domain the
    // page writes in its contact line: one outlet, written with its listed name.
    let text =
      Self.body + "Contacto: redaccion@larepublica.pe\n"
      + "© 2022 Republica Media Group. Todos los derechos reservados."
    #expect(try source(text) == "La República")
  }

  // MARK: - Photo credits

  @Test func domainInAPhotoCreditIsThePicturesSource() throws {
    let credit = "Foto: Max Muster / http://www.harbour-images.org/ (CC BY 4.0)"
    #expect(try source(Self.body + credit) == nil)
    #expect(try source(Self.body + "* Bild: harbour-images.org") == nil)
    // The same link elsewhere names the site.
    #expect(try source(Self.body + "Mehr unter http://www.harbour-images.org/") == "Harbour Images")
  }

  @Test func legalFormWithASlashIsPartOfTheHolder() throws {
    #expect(
      try source(Self.body + "© 2020 Harbourpilot A/S. All rights reserved.") == "Harbourpilot")
    // A slash inside the name is still a photo credit.
    #expect(try source(Self.body + "© DVFG/AdobeStock") == nil)
  }

  // MARK: - Near ties between sites

  /// A fishing magazine's page: its name in a menu line, its domain in a footer line, and a
  /// trade show's link in the article (a little more weight as a link).
  static func fishingPage(menuName: String) -> String {
    let paragraph =
      "Die Messe findet im Mai statt und zeigt auf drei Hallen alles rund um das Angeln am Wasser."
    let menu = ["Startseite", "+ Angeln", "+ \(menuName) Rätsel", "+ Termine", "Suche"]
    let body =
      [paragraph, paragraph, paragraph]
      + [
        "Tickets gibt es unter www.fishing-show.de und an der Tageskasse, der Eintritt für Kinder "
          + "ist frei, sagen die Veranstalter."
      ] + [String](repeating: paragraph, count: 6)
    let footer = ["* Impressum", "Alle Angebote auf Harbourlight.de und mehr", "* Datenschutz"]
    return (menu + body + footer).joined(separator: "\n")
  }

  @Test func siteNamedInItsOwnChromeWinsANearTie() throws {
    #expect(try source(Self.fishingPage(menuName: "HARBOURLIGHT")) == "Harbourlight")
    // Without its name in the menu the linked site keeps its lead.
    #expect(try source(Self.fishingPage(menuName: "Kreuzworträtsel")) == "Fishing Show")
  }

  @Test func chromeMentionsCountWordsNotDomains() {
    let text = "+ BLINKER\nBlinker.de\nWir Blinkerfreunde\nBlinker Abo\nblinker"
    let bytes = Array(text.utf8)
    var lines: [Range<Int>] = []
    var start = 0
    for (k, b) in bytes.enumerated() where b == 0x0A {
      lines.append(start..<k)
      start = k + 1
    }
    lines.append(start..<bytes.count)
    bytes.withUnsafeBufferPointer { p in
      // `+ BLINKER`, `Blinker Abo`, `blinker`: not the domain, not a longer word.
      #expect(SourceDetector.chromeMentions(p, lines, of: "Blinker.de") == 3)
      #expect(SourceDetector.chromeMentions(p, lines, of: "Blinker") == 3)
      #expect(SourceDetector.chromeMentions(p, lines, of: "Wir") == 0)  // shorter than four bytes
      #expect(SourceDetector.chromeMentions(p, lines, of: "Angelshow") == 0)
    }
  }
}
