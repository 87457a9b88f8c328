import Foundation
import PipelineCore
import Testing

@testable import Stages

/// `detect-source`: the site's own domain (spelled-out e-mail addresses, a domain on a line of its
/// own, a domain on several lines), acronyms of a name, and the byte-level helpers behind the
/// fast scan (word filter, host names, name keys).
@Suite struct DetectSourceDomainTests {
  let stage: DetectSourceStage
  let withCandidates: DetectSourceStage

  init() throws {
    stage = try DetectSourceStage.make()
    withCandidates = try DetectSourceStage.make(["candidates": true])
  }

  /// `source` and `source_evidence` for `text`.
  func detect(_ text: String) throws -> (source: String?, evidence: String?) {
    let doc = try stage.apply(to: text).document
    return (doc.fields["source"]?.stringValue, doc.fields["source_evidence"]?.stringValue)
  }

  /// The kinds of evidence (`domain=1.75`) of the candidate named `name`.
  func kinds(_ text: String, of name: String) throws -> [String] {
    let doc = try withCandidates.apply(to: text).document
    let candidates = doc.fields["source_candidates"]?.arrayValue ?? []
    let match = candidates.compactMap(\.objectValue).first { $0["name"]?.stringValue == name }
    return match?["kinds"]?.arrayValue?.compactMap(\.stringValue) ?? []
  }

  static let sentence =
    "The council met on Monday evening and discussed the budget for the coming year at length."

  // MARK: - Spelled-out e-mail addresses

  @Test func spelledOutEmailAddressesNameTheSite() throws {
    let text = "\(Self.sentence)\nKontakt: redaktion(at)harbour-weekly(dot)de\nImpressum"
    #expect(try detect(text) == ("Harbour Weekly", "redaktion(at)harbour-weekly(dot)de"))
    let brackets = "Write to us.\nE-Mail: info [at] harbour-weekly [dot] de"
    #expect(try detect(brackets) == ("Harbour Weekly", "info [at] harbour-weekly [dot] de"))
    let dots = "Questions? j.doe[at]harbour-weekly.co.uk"
    #expect(try detect(dots).source == "Harbour Weekly")
  }

  @Test func spelledOutAtSignsNeedALocalPartAndAKnownTopLevelDomain() {
    func read(_ text: String) -> String? {
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { p in
        guard let at = text.utf8.firstIndex(where: { $0 == 0x28 || $0 == 0x5B }) else { return nil }
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: at)
        return DomainNames.spelledEmail(p, at: offset, floor: 0, limit: p.count)?.host
      }
    }
    #expect(read("info(at)example(dot)com") == "example.com")
    #expect(read("info (at) example (dot) com") == "example.com")
    #expect(read("INFO[AT]Example[DOT]DE") == "example.de")
    #expect(read("(at) example.com") == nil)  // no local part
    #expect(read("info(at)example(dot)jpg") == nil)  // not a top-level domain
    #expect(read("meet me (at)home") == nil)
  }

  // MARK: - The site's domain by where it stands

  @Test func aDomainAloneOnTheFirstLinesIsTheSitesLogo() throws {
    let text = "harbourweekly.com\nMenu\nPolitics\n\(Self.sentence)"
    #expect(try detect(text) == ("Harbourweekly", "harbourweekly.com"))
    #expect(try kinds(text, of: "Harbourweekly").contains("siteDomain=3.0"))
    // With a scheme and a slash it is still alone on its line; as a list item it is a menu link.
    #expect(
      try kinds("https://harbourweekly.com/\nMenu\n\(Self.sentence)", of: "Harbourweekly")
        .contains("siteDomain=3.0"))
    #expect(
      try !kinds("* harbourweekly.com\nMenu\n\(Self.sentence)", of: "Harbourweekly")
        .contains { $0.hasPrefix("siteDomain") })
  }

  @Test func aDomainAloneOnALineOfTheArticleBodyIsALink() throws {
    let menu = (1...12).map { "Menu item \($0)" }
    let body = [String](repeating: Self.sentence, count: 10)
    let text = (menu + body + ["harbourweekly.com"] + body).joined(separator: "\n")
    #expect(try kinds(text, of: "Harbourweekly") == ["domain=1.75"])
  }

  @Test func severalDomainsAloneInTheFooterAreAListOfLinks() throws {
    let body = [String](repeating: Self.sentence, count: 12)
    let one = (["Menu"] + body + ["harbourweekly.com", "Privacy"]).joined(separator: "\n")
    #expect(try kinds(one, of: "Harbourweekly").contains("siteDomain=3.0"))
    let list = (["Menu"] + body + ["harbourweekly.com", "rivernews.com", "Privacy"])
      .joined(separator: "\n")
    #expect(try !kinds(list, of: "Harbourweekly").contains { $0.hasPrefix("siteDomain") })
  }

  @Test func aDomainAloneInTheBodyDoesNotHideTheOnlyOneAloneInTheFooter() throws {
    // A photo credit's site alone on a body line is a link; the footer's only lone domain is the
    // site's own.
    let body = [String](repeating: Self.sentence, count: 12)
    let text =
      (["Menu"] + body + ["photostock.de"] + body + ["harbourweekly.com", "Privacy"])
      .joined(separator: "\n")
    #expect(try kinds(text, of: "Harbourweekly").contains("siteDomain=3.0"))
    #expect(try detect(text) == ("Harbourweekly", "harbourweekly.com"))
    // Trap: two lone domains in the footer are still a list of links.
    let list =
      (["Menu"] + body + ["photostock.de"] + body + ["harbourweekly.com", "rivernews.com", "Privacy"])
      .joined(separator: "\n")
    #expect(try !kinds(list, of: "Harbourweekly").contains { $0.hasPrefix("siteDomain") })
  }

  @Test func aDomainOnSeveralLinesOfHeaderAndFooterIsTheSites() throws {
    let menu = (1...12).map { "Menu item \($0)" }
    let body = [String](repeating: Self.sentence, count: 10)
    let text =
      (["You are reading harbourweekly.com"] + menu + body
      + ["Subscribe to get harbourweekly.com by mail", "Privacy"]).joined(separator: "\n")
    #expect(try kinds(text, of: "Harbourweekly").contains("siteDomain=3.0"))
    // The same domain only in the article body is its topic.
    let lead = [String](repeating: Self.sentence, count: 3)
    let more = [String](repeating: Self.sentence, count: 20)
    let topic =
      (menu + lead + ["It was reported on harbourweekly.com first."] + body
      + ["More at harbourweekly.com, they said."] + more).joined(separator: "\n")
    #expect(try !kinds(topic, of: "Harbourweekly").contains { $0.hasPrefix("siteDomain") })
  }

  @Test func manyRepeatedDomainsAreANetworkFooter() throws {
    let body = [String](repeating: Self.sentence, count: 20)
    let text =
      (["Menu"] + body + [
        "alpha-news.com", "beta-news.com", "gamma-news.com", "Our sites: alpha-news.com",
        "beta-news.com jobs", "gamma-news.com shop",
      ]).joined(separator: "\n")
    for name in ["Alpha News", "Beta News", "Gamma News"] {
      #expect(try !kinds(text, of: name).contains { $0.hasPrefix("siteDomain") })
    }
  }

  // MARK: - Acronyms

  @Test func anAcronymAddsToTheNameItAbbreviates() throws {
    let text = "Follow BNT on Twitter\n\(Self.sentence)\n© 2023 Bay News Today. All rights reserved."
    #expect(try detect(text).source == "Bay News Today")
    // Initials of the words after a leading "The": TOI is The Times of India.
    let times = "About TOI\n\(Self.sentence)\n© 2023 The Times of Ipswich. All rights reserved."
    #expect(try detect(times).source == "The Times of Ipswich")
    // An acronym that abbreviates nothing on the page stays what it is.
    let alone = "About BNT\n\(Self.sentence)\n© 2023 Harbour Weekly. All rights reserved."
    #expect(try kinds(alone, of: "BNT") == ["chrome=5.0"])
  }

  // MARK: - Fast-path helpers

  /// Every cue phrase and listed outlet name is found where it stands in the text, in any
  /// case: the word filter in front of the trie never turns a real match away.
  @Test func theWordFilterNeverRejectsAPhrase() {
    let detector = SourceDetector.builtin
    let phrases =
      SourceCues.all.map(\.phrase)
      + detector.catalog.outlets.flatMap(\.strongNames)
    let matcher = PhraseMatcher(phrases)
    var missed: [String] = []
    for (index, phrase) in phrases.enumerated() where CaseFold.fold(phrase).count >= 2 {
      guard let first = phrase.utf8.first, TextScan.startsWord(first) else { continue }
      for variant in [phrase, phrase.uppercased(), phrase.lowercased()]
      where CaseFold.fold(variant) == CaseFold.fold(phrase) {
        let text = "x \(variant) y"
        let bytes = Array(text.utf8)
        let found = bytes.withUnsafeBufferPointer { p -> Bool in
          var scan = TextScan(lines: p)
          scan.scan(p, matcher: matcher, full: [true])
          return scan.hits.contains { hit in
            hit.start == 2
              && (hit.phrase == Int32(index)
                || CaseFold.fold(phrases[Int(hit.phrase)]) == CaseFold.fold(phrase))
          }
        }
        if !found { missed.append(variant) }
      }
    }
    #expect(missed.isEmpty, "not found: \(missed.prefix(10))")
  }

  @Test func theWordFilterKeepsCommonOpeningWordsOut() {
    var filter = WordFilter()
    filter.insert(folded: CaseFold.fold("on facebook"))
    filter.insert(folded: CaseFold.fold("reuters"))
    func may(_ text: String, word length: Int) -> Bool {
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { p in
        var packed: UInt64 = 0
        for k in 0..<min(length, 8) { packed |= UInt64(p[k] | 0x20) << UInt64(8 * k) }
        return filter.mayStart(WordFilter.wordKey(packed: packed, length: length), p, end: length)
      }
    }
    #expect(may("On Facebook we post", word: 2))
    #expect(!may("on Monday we post", word: 2))
    #expect(may("REUTERS said", word: 7))
    #expect(!may("Reuter said", word: 6))
  }

  @Test func hostNamesAreReadOnBytes() {
    #expect(HostName.host(ofURL: "  <https://Example.ORG./a>") == "example.org")
    #expect(HostName.host(ofURL: "//cdn.example.net/x.js") == "cdn.example.net")
    #expect(HostName.host(ofURL: "ht tp://example.org") == nil)
    #expect(HostName.site(ofHost: "a.b.c.example.co.uk") == "example.co.uk")
    #expect(HostName.site(ofHost: "x.y.blogspot.com.br") == "y.blogspot.com.br")
    #expect(HostName.site(ofHost: "example.org") == "example.org")
    #expect(HostName.readableName(ofSite: "foo--bar.de") == "Foo Bar")
    #expect(HostName.readableName(ofSite: "1337kultur.de") == "1337kultur")
    #expect(HostName.readableName(ofSite: "süd-kurier.de") == "Süd Kurier")
  }

  @Test func nameKeysFoldAccentsWithoutFoundation() {
    #expect(NameKey.of("Süddeutsche Zeitung") == "sueddeutschezeitung")
    #expect(NameKey.of("Café Noir") == "cafenoir")
    #expect(NameKey.of("Łódź Daily") == "łodzdaily")
    #expect(NameKey.of("Йошкар-Ола") == "иошкарола")
    #expect(NameKey.of("The") == "")
    #expect(NameKey.hasLetterOrDigit("The") == false)
    #expect(NameKey.hasLetterOrDigit("Thee"))
    #expect(NameKey.hasLetterOrDigit("—") == false)
    #expect(NameKey.hasLetterOrDigit("Ñ"))
  }
}
