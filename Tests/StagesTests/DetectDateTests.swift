import PipelineCore
import Stages
import Testing

/// The date `detect-date` writes for `text` (nil for JSON null).
private func date(
  _ text: String, fields: JSONObject = [:], options: JSONObject = [:]
) throws -> String? {
  let (doc, verdict) = try DetectDateStage.make(options).apply(to: text, fields: fields)
  #expect(verdict == .keep)
  guard let value = doc.fields["date"] else {
    Issue.record("date field missing")
    return nil
  }
  return value.stringValue
}

/// The evidence `detect-date` writes for `text`.
private func evidence(_ text: String, fields: JSONObject = [:]) throws -> String? {
  try DetectDateStage.make().apply(to: text, fields: fields).document.fields["date_evidence"]?
    .stringValue
}

@Suite struct DetectDateShapeTests {
  @Test(arguments: [
    ("2018-12-05", "2018-12-05"),
    ("Stand: 2019/7/13", "2019-07-13"),
    ("BNS 2020.10.26 13:44", "2020-10-26T13:44"),
    ("MoritzMeyer 2020-09-18T14:37:41+02:00", "2020-09-18T14:37"),
    ("05.12.2018", "2018-12-05"),
    ("Freitag, 06.07.2018, 10:29", "2018-07-06T10:29"),
    ("* 13. 1. 2020", "2020-01-13"),
    ("12/05/2018", "2018-05-12"),
    ("25/12/2019", "2019-12-25"),
    ("12/25/2019", "2019-12-25"),
    ("05-12-2018", "2018-12-05"),
    ("05.12.18", "2018-12-05"),
    ("19.10.19, 18:56", "2019-10-19T18:56"),
  ])
  func numeric(_ text: String, _ expected: String) throws {
    #expect(try date(text) == expected)
  }

  @Test func orderOptionReadsMonthFirst() throws {
    #expect(try date("12/05/2018", options: ["order": "mdy"]) == "2018-12-05")
    #expect(try date("25/12/2019", options: ["order": "mdy"]) == "2019-12-25")
  }

  @Test func ambiguousNumericDatesFollowTheTextsOwnOrder() throws {
    // 11/8/2023 alone is 11 August (day first); a 7/14/2023 elsewhere shows month-first.
    #expect(try date("Updated 11/8/2023 10:46 PM") == "2023-08-11T22:46")
    let us = """
      Updated 11/8/2023 10:46 PM

      The strike that began on 7/14/2023 is over, union leaders said in a long statement to the \
      press on Wednesday after months of talks with the studios.
      """
    #expect(try date(us) == "2023-11-08T22:46")
  }

  @Test(arguments: [
    ("Astana, Kazakhstan • 03 July, 2023", "2023-07-03"),
    ("July 3, 2023", "2023-07-03"),
    ("the 3rd of July 2023", "2023-07-03"),
    ("Tuesday, 5 December 2018", "2018-12-05"),
    ("Dec 21 st , 2018 2:00 pm | Comments", "2018-12-21T14:00"),
    ("Thursday, November 9th 2023", "2023-11-09"),
    ("Nov. 9, 2023, 4:59 AM UTC", "2023-11-09T04:59"),
    ("02-Nov-2023", "2023-11-02"),
    ("13November2021 14:00 Uhr", "2021-11-13T14:00"),
    ("By Shaun PrescottMarch 17, 2024", "2024-03-17"),
    ("03 JULY 2023", "2023-07-03"),
  ])
  func written(_ text: String, _ expected: String) throws {
    #expect(try date(text) == expected)
  }

  @Test func dayAndMonthWithoutYear() throws {
    #expect(try date("Posted Dec. 4") == "XXXX-12-04")
    #expect(try date("Posted 4 December") == "XXXX-12-04")
  }

  @Test(arguments: [
    ("Опубликовано: 3 июля 2023", "2023-07-03"),
    ("5 дек. 2018 г.", "2018-12-05"),
    ("3 ИЮЛЯ 2023", "2023-07-03"),
    ("Жарияланды: 2023 жылғы 3 шілде", "2023-07-03"),
    ("5 желтоқсанда 2018", "2018-12-05"),
    ("3. Juli 2023", "2023-07-03"),
    ("30. Okt. 2023", "2023-10-30"),
    ("Jänner 5, 2019", "2019-01-05"),
    ("3 juillet 2023", "2023-07-03"),
    ("Publié le 2 févr. 2023 à 16:00", "2023-02-02T16:00"),
    ("3 de julio de 2023", "2023-07-03"),
    ("martes 17 de marzo de 2020", "2020-03-17"),
    ("3 luglio 2023", "2023-07-03"),
    ("3 juli 2023", "2023-07-03"),
    ("9 oktober 2020 11:12", "2020-10-09T11:12"),
    ("3 de julho de 2023", "2023-07-03"),
    ("22 de novembro de 2020. 18:20", "2020-11-22"),
    ("Dilluns, Març 23, 2020", "2020-03-23"),
    ("1er juillet 2023", "2023-07-01"),
    ("1º de julio de 2023", "2023-07-01"),
    ("Pubblicato il 2 novembre 2023", "2023-11-02"),
    ("Gepubliceerd op 9 okt. 2020", "2020-10-09"),
  ])
  func languages(_ text: String, _ expected: String) throws {
    #expect(try date(text) == expected)
  }

  @Test(arguments: [
    ("03 July, 2023 | 12:37", "2023-07-03T12:37"),
    ("July 3, 2023 at 9:05 pm", "2023-07-03T21:05"),
    ("July 3, 2023 at 12:05 a.m.", "2023-07-03T00:05"),
    ("3 July 2023 21:38 GMT", "2023-07-03T21:38"),
    ("Le 2 novembre 2023 à 16h17", "2023-11-02T16:17"),
    ("Christian Weisflog 15.06.2020, 12.11 Uhr", "2020-06-15T12:11"),
    ("Published November 2, 2023 6.55pm SAST", "2023-11-02T18:55"),
    ("* Published : 17:55, 8 Nov 2023", "2023-11-08T17:55"),
    ("Mark Hicks , The Detroit News Published 7:40 p.m. ET March 17, 2020", "2020-03-17T19:40"),
    ("07/05/2022 20H06 - ACTUALIZADO A 07/05/2022 20H17", "2022-05-07T20:06"),
  ])
  func times(_ text: String, _ expected: String) throws {
    #expect(try date(text) == expected)
  }

  @Test func aClockTimeAloneIsNoDate() throws {
    #expect(try date("Doors open at 12:37, see you there.") == nil)
  }
}

@Suite struct DetectDateLabelTests {
  @Test(arguments: [
    "Published: 3 July 2023\nUpdated: 5 July 2023",
    "Updated: 5 July 2023 | Published: 3 July 2023",
    "Posted on 3 July 2023 · updated 5 July 2023",
    "Veröffentlicht am 3. Juli 2023, aktualisiert am 5. Juli 2023",
    "publié le 03/07/2023, mis à jour le 05/07/2023",
    "Publicado el 3 de julio de 2023 · Actualizado el 5 de julio de 2023",
  ])
  func publishedBeatsUpdated(_ text: String) throws {
    #expect(try date(text) == "2023-07-03")
  }

  @Test func anUpdatedDateAloneIsStillTheDate() throws {
    #expect(try date("Stand: 26.10.2023 von Silke Becker") == "2023-10-26")
    #expect(try date("Updated: 5 July 2023") == "2023-07-05")
  }

  @Test func theScraperDatePrefix() throws {
    let text = " date 2018-12-05 ASTANA. KAZINFORM - The Senate Speaker held a meeting."
    #expect(try date(text) == "2018-12-05")
    #expect(try evidence(text) == "2018-12-05")
  }

  @Test func eventLabelsAreNotPublication() throws {
    let text = "Deadline: 15. März 2020\nVeranstaltung am 30. März 2020"
    #expect(try date(text) == "2020-03-30")
  }

  @Test func todaysDateIsNotThePublication() throws {
    let text =
      "Beitrag von lupa am 26/10/13, 03:48 pm\nAktuelles Datum und Uhrzeit: 11/02/20, 07:22 pm"
    #expect(try date(text) == "2013-10-26T15:48")
  }

  @Test func aBylineAfterTheDateCounts() throws {
    let text =
      "Protokoll der Vorstandssitzung vom 10. Oktober 2019\n\n26/12/2019 von revamp-it Webteam"
    #expect(try date(text) == "2019-12-26")
  }

  @Test func aTimeRangeIsAnEventsSchedule() throws {
    let text = """
      Online-Seminar
      19.1.23, 10:00-11:30 Uhr
      Verjährung von Urlaubsansprüchen
      20.12.2022
      """
    #expect(try date(text) == "2022-12-20")
  }

  @Test func aLabelInsideASentenceDoesNotCount() throws {
    let text = """
      January 13, 2020 at 08:00 by Gregory

      As I published in a long post on November 5, 2019, the journey to Python 3 took ten years \
      and a great deal of effort from many contributors who ported thousands of modules.
      """
    #expect(try date(text) == "2020-01-13T08:00")
  }
}

@Suite struct DetectDateChoiceTests {
  /// The seed 000 page: a dateline with time in the header, an event date in the lead.
  static let seed000 = """
    Discover Qazaqstan via News and Inspiring Stories
    QazMonitor Logo
      3. Canada Intends to Expand Cooperation With Kazakhstan
    Astana, Kazakhstan • 03 July, 2023 | 12:37
    1 min read

    Canada Intends to Expand Cooperation With Kazakhstan

    On June 30, Astana hosted the 3rd round of Kazakh-Canadian political consultations, during \
    which the parties exchanged views on the prospects of further developing relations.

    Kairat Umarov, the first deputy minister of foreign affairs, met with the Canadian delegation \
    led by Sandra McCardell, the assistant deputy minister, at Global Affairs Canada.
    """

  @Test func theHeaderDatelineBeatsTheEventInTheLead() throws {
    #expect(try date(Self.seed000) == "2023-07-03T12:37")
    #expect(try evidence(Self.seed000) == "03 July, 2023 | 12:37")
  }

  @Test func aLeadDayMonthIsTheDateWhenNothingBetterExists() throws {
    let text = """
      Prosecutor General Seeks Stronger Ties with Canada

      OTTAWA – Kazakhstan’s Prosecutor General visited Canada on Dec. 4, seeking to promote wider \
      cooperation between the two countries in legal matters.

      The treaty was signed during the official visit of the President to Canada in 2003. They \
      discussed the situation in Afghanistan post-2014. A minister visited Astana last month.
      """
    #expect(try date(text) == "XXXX-12-04")
  }

  @Test func yearsAloneAreNeverADate() throws {
    let text = """
      The treaty was signed in 2003 and discussed again post-2014, the ministry said on Monday \
      while presenting the results of the year to the press in the capital.
      """
    #expect(try date(text) == nil)
  }

  @Test func aDateTheBodyTalksAboutIsNotThePublication() throws {
    let text = """
      Canada and Kazakhstan

      The delegation arrived in Astana yesterday. The agreement, first signed on 12 March 2015 \
      in Ottawa, was extended today after two days of talks between the ministers.
      """
    #expect(try date(text) == nil)
  }

  @Test func aMastheadTodayDateLosesToTheArticlesDate() throws {
    let text = """
      Samstag, 19. Oktober 2019
      Home | Politik | Wirtschaft | Finanzen
      Sparkassenpräsident fordert mehr Investitionen

      Der Präsident des Sparkassenverbandes hat die Bundesregierung aufgefordert, mehr Geld in \
      Straßen und Schulen zu stecken, weil die Zinsen niedrig sind und die Wirtschaft schwächelt.
      18.10.2019 - 17:08 Uhr

      Die Sparkassen spüren die niedrigen Zinsen seit Jahren, sagte er bei einer Tagung in Berlin \
      vor Vertretern der Institute aus dem ganzen Land.
      """
    #expect(try date(text) == "2019-10-18T17:08")
  }

  @Test func commentDatesAreNotThePublication() throws {
    let text = """
      So wird das Netzwerk schneller
      16. Mai 2019 Markus Elsberger

      Mit Windows Vista wurde damals die sogenannte Autotuning Funktion eingeführt, damit die \
      Leistung von Programmen verbessert wird, die Daten über das Netzwerk empfangen.
      2 Kommentare
        * Karl sagt:
          24. November 2019 um 17:53 Uhr
          Wenn ich den Befehl eingebe, bekomme ich eine Fehlermeldung.
        * Markus sagt:
          24. November 2019 um 20:10 Uhr
      """
    #expect(try date(text) == "2019-05-16")
  }

  @Test func repeatedMentionsAgree() throws {
    let text = "Sep 30, 2020\nOct 2, 2020\n\nAP, Sep 30, 2020\nSep 30, 2020"
    #expect(try date(text) == "2020-09-30")
  }
}

@Suite struct DetectDateEvidenceTests {
  @Test(arguments: [
    ("https://www.washingtontimes.com/news/2023/nov/8/gop-hopefuls/", "2023-11-08"),
    ("https://www.infobae.com/america/mundo/2023/11/02/las-fuerzas/", "2023-11-02"),
    ("https://www.dailyherald.com/entlife/20231108/hollywood-actors-strike", "2023-11-08"),
    (
      "https://www.baltimoresun.com/maryland/cng-ho-permits-20200817-hntmb-story.html", "2020-08-17"
    ),
    ("https://example.org/archive/2019-03-27/story", "2019-03-27"),
    ("https://www.leparisien.fr/meteo/tempete-02-11-2023-XVZ4H2T3.php", "2023-11-02"),
    ("https://example.org/blog/2020/06/02/no-membership/", "2020-06-02"),
  ])
  func urlAloneGivesTheDate(_ url: String, _ expected: String) throws {
    let text = "A story with no date in its text at all."
    #expect(try date(text, fields: ["url": .string(url)]) == expected)
    #expect(try evidence(text, fields: ["url": .string(url)]) == "url:" + url)
  }

  @Test func aURLWithOnlyAYearAndMonthIsNoDay() throws {
    let text = "A story with no date in its text at all."
    #expect(try date(text, fields: ["url": "https://example.org/2018/12/why-pathlib/"]) == nil)
  }

  @Test func theURLDateSettlesBetweenTextDates() throws {
    let text = "Thursday, November 9th 2023\nNews | Sports\n\nPosted November 8, 2023 at 6:09 p.m."
    #expect(try date(text) == "2023-11-08T18:09")
    let url = "https://www.denverpost.com/2023/11/08/playoffs/"
    #expect(try date(text, fields: ["url": .string(url)]) == "2023-11-08T18:09")
  }

  @Test func theURLFieldOptionNamesTheField() throws {
    let text = "No date in this text."
    let fields: JSONObject = ["link": "https://example.org/2021/05/04/x/"]
    #expect(try date(text, fields: fields, options: ["urlField": "link"]) == "2021-05-04")
    #expect(try date(text, fields: fields) == nil)
  }

  @Test func theWaybackCaptureBoundsTheDate() throws {
    // Archived on 2007-02-28: a later date in the text cannot be the publication date.
    let url = "https://web.archive.org/web/20070228213001/http://www.example.fr/site/page.html"
    let text = "Mis à jour le 12 mars 2007\nPublié le 2 février 2007"
    #expect(try date(text, fields: ["url": .string(url)]) == "2007-02-02")
  }

  @Test func evidenceCanBeTurnedOff() throws {
    let (doc, _) = try DetectDateStage.make(["evidence": false]).apply(to: "Posted 3 July 2023")
    #expect(doc.fields["date"] == "2023-07-03")
    #expect(doc.fields["date_evidence"] == nil)
  }

  @Test func noDateWritesNull() throws {
    let (doc, _) = try DetectDateStage.make().apply(to: "Nothing to see here.")
    #expect(doc.fields["date"] == .null)
    #expect(doc.fields["date_evidence"] == .null)
  }
}

@Suite struct DetectDateYearTests {
  @Test func theReferenceDateGivesTheYear() throws {
    #expect(try date("Posted Dec. 4", options: ["referenceDate": "2015-01-10"]) == "2014-12-04")
    #expect(try date("Posted Dec. 4", options: ["referenceDate": "2014-12-20"]) == "2014-12-04")
  }

  @Test func theReferenceFieldGivesTheYear() throws {
    let fields: JSONObject = ["crawled_at": "2014-12-20T10:00:00Z"]
    #expect(try date("Posted Dec. 4", fields: fields) == "2014-12-04")
    let other: JSONObject = ["fetched": "2019-03-01"]
    #expect(
      try date("Posted Dec. 4", fields: other, options: ["referenceField": "fetched"])
        == "2018-12-04")
  }

  @Test func anotherHeaderDateGivesTheYear() throws {
    let text = "Friday, 5 December 2014\nNews\n\nPosted Dec. 4"
    // The full header date is the better candidate anyway; the year-less one is inferred.
    let (doc, _) = try DetectDateStage.make(["explain": true]).apply(to: text)
    let candidates = doc.fields["date_candidates"]?.arrayValue ?? []
    let inferred = candidates.compactMap { $0.objectValue?["date"]?.stringValue }
    #expect(inferred.contains("2014-12-04"))
  }

  @Test func aWrittenWeekdayNamesTheYear() throws {
    let text = "Freitag, 4. Februar 2022\nNews\n\nDie Sitzung am Mittwoch, 9. Februar"
    let (doc, _) = try DetectDateStage.make(["explain": true]).apply(to: text)
    let days = (doc.fields["date_candidates"]?.arrayValue ?? []).compactMap {
      $0.objectValue?["date"]?.stringValue
    }
    // 9 February 2022 was a Wednesday; 9 February 2021 (before the header date) was not.
    #expect(days == ["2022-02-04", "2022-02-09"])
    #expect(doc.fields["date"] == "2022-02-04")
  }

  @Test func aWeekdayThatContradictsTheDateCountsAgainstIt() throws {
    func score(_ text: String) throws -> Double? {
      let (doc, _) = try DetectDateStage.make(["explain": true]).apply(to: text)
      return doc.fields["date_candidates"]?.arrayValue?.first?.objectValue?["score"]?.doubleValue
    }
    // 30 March 2020 was a Monday, not a Friday.
    let right = try #require(try score("Veröffentlicht: Montag, 30. März 2020"))
    let wrong = try #require(try score("Veröffentlicht: Freitag, 30. März 2020"))
    #expect(wrong == right - 1)
  }

  @Test func theURLYearGivesTheYear() throws {
    let text = "OTTAWA – The minister visited Canada on Dec. 4, seeking to promote cooperation."
    #expect(try date(text, fields: ["url": "https://example.org/2014/12/visit/"]) == "2014-12-04")
  }

  @Test func withoutEvidenceTheYearStaysUnknown() throws {
    #expect(try date("Posted Dec. 4") == "XXXX-12-04")
  }

  @Test func aBadReferenceDateIsAnOptionError() {
    #expect(throws: OptionError.self) { try DetectDateStage.make(["referenceDate": "yesterday"]) }
  }
}

@Suite struct DetectDateTrapTests {
  @Test(arguments: ["31.02.2020", "February 31, 2020", "2020-13-01", "32/01/2020", "29.02.2019"])
  func impossibleDatesAreRejected(_ text: String) throws {
    #expect(try date("Posted " + text) == nil)
  }

  @Test func leapDaysAreFine() throws {
    #expect(try date("Posted 29.02.2020") == "2020-02-29")
  }

  @Test func datesAfterTheReferenceAreRejected() throws {
    let text = "Published 3 July 2023\nEvent on 9 September 2031"
    #expect(try date(text, options: ["referenceDate": "2023-07-10"]) == "2023-07-03")
    #expect(try date("Event on 9 September 2031", options: ["referenceDate": "2023-07-10"]) == nil)
  }

  @Test func datesFarInTheFutureAreRejected() throws {
    #expect(try date("Posted 3 July 2093") == nil)
  }

  @Test func gluedDatesParseAsOneDay() throws {
    #expect(try date("Published on 19. Juni 201619. Juni 2016 von Das Kabinett") == "2016-06-19")
    #expect(try date("17/11/201917/11/2019 ~ Cem Basman") == "2019-11-17")
  }

  @Test func versionNumbersAndScoresAreNotDates() throws {
    #expect(try date("Version 1.12.2018.4 released; score 10.12.18.3") == nil)
    #expect(try date("Call 202-636-3000 or see page 3/4") == nil)
  }

  @Test func commonWordsAreNotMonthsWithoutAYear() throws {
    #expect(try date("You may 5 times try; the set 3 is out 2 days ago.") == nil)
  }
}

@Suite struct DetectDateRobustnessTests {
  @Test(arguments: [
    "", "1", "12", "2023", "2023-", "2023-1", "2023-12-", "05.", "05.12", "05.12.", "Dec", "Dec.",
    "Dec. ", "3 ", "3 July", "July 3,", "July 3, 2", "12:", "12:3", " 12:37", "\n\n\n",
    "2023 жылғы", "2023 жылғы 3", "31", "0.0.0000", "99/99/9999", "00.00.2000",
    "date 2018-12-05T", "3rd of", "Posted: ", "19. Juni 2016192", "•", "« 3 »", "\u{a0}3\u{a0}July",
  ])
  func truncatedAndOddInputDoNotFail(_ text: String) throws {
    let (doc, verdict) = try DetectDateStage.make(["explain": true]).apply(to: text)
    #expect(verdict == .keep)
    #expect(doc.fields["date"] != nil)
  }

  /// Random texts over an alphabet of date parts, from a fixed seed: no input may trap.
  @Test func randomDateLikeTextsDoNotFail() throws {
    let parts = [
      "3", "12", "2023", "19", ".", "/", "-", " ", ",", ":", "July", "Dec.", "de", "of", "am",
      "pm", "Uhr", "\n", "июля", "шілде", "жылғы", "Published", "Updated", "•", "|", "2016192",
      "T", "h", "a.m.", "Mittwoch", "den", "by", "\u{a0}", "–", "10:00",
    ]
    let stage = try DetectDateStage.make(["explain": true])
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<1500 {
      var text = ""
      for _ in 0..<12 {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += parts[Int(seed >> 33) % parts.count]
      }
      let (doc, _) = try stage.apply(to: text)
      #expect(doc.fields["date"] != nil, "no date field for \(text.debugDescription)")
    }
  }
}
