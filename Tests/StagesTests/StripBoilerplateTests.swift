import Foundation
import PipelineCore
import Testing

@testable import Stages

/// A paragraph of news prose, long enough to be classified as article text on its own.
private let paragraph1 =
  "The government said on Tuesday that it would raise the subsidies for farmers next year, and "
  + "that the money would come from the reserve that parliament approved in the spring."
private let paragraph2 =
  "Officials in the ministry told reporters that the plan had been discussed with the regions "
  + "for months, and that most of them had welcomed it as a sign of stability."
private let paragraph3 =
  "Critics in the opposition argued that the plan was too small to make a difference, and they "
  + "asked the minister to present it to the committee before the summer break."

private func strip(_ text: String, _ options: JSONObject = [:], fields: JSONObject = [:]) throws
  -> String
{
  try StripBoilerplateStage.make(options).apply(to: text, fields: fields).document.text
}

@Suite struct StripBoilerplateSignalTests {
  @Test func keepsProseAndDropsPhraseLines() throws {
    let text = [
      "Share on Facebook", paragraph1, "", paragraph2, "Sign up for our newsletter",
      "All rights reserved", "Cookie settings",
    ].joined(separator: "\n")
    #expect(try strip(text) == paragraph1 + "\n\n" + paragraph2)
  }

  @Test func dropsButtonAndMenuLabels() throws {
    let text = ["Menu", "Search", "Startseite", paragraph1, "Print", "Email", "Teilen"].joined(
      separator: "\n")
    #expect(try strip(text) == paragraph1)
  }

  @Test func dropsIconAndLogoAltText() throws {
    let text = [
      "QazMonitor Logo",
      "Facebook Example iconInstagram Example iconTwitter Example iconRSS",
      "X Logo", "Facebook icon", paragraph1,
    ].joined(separator: "\n")
    #expect(try strip(text) == paragraph1)
  }

  @Test func dropsBreadcrumbsOfEveryShape() throws {
    for crumb in [
      "Home › News › World", "Home > Politics > Europe", "Startseite » Nachrichten » Energie",
      "News | Politics | Europe | World",
    ] {
      #expect(try strip(crumb + "\n" + paragraph1) == paragraph1, "\(crumb)")
    }
    let numbered = "  1. Main Page\n  2. News\n  3. World\n" + paragraph1
    #expect(try strip(numbered) == paragraph1)
  }

  @Test func dropsReadingTimeAndReadMore() throws {
    let text = ["1 min read", "5 Min. Lesezeit", paragraph1, "Read more", "Weiterlesen"].joined(
      separator: "\n")
    #expect(try strip(text) == paragraph1)
  }

  @Test func dropsTeaserLinesLabelledWithAPhrase() throws {
    let teaser = "Read also: Why the reform of the pension system will take another year to finish."
    let spanish =
      "Lea más: El gobierno presentó el lunes su plan para reformar el sistema de pensiones."
    #expect(
      try strip([paragraph1, teaser, paragraph2, spanish].joined(separator: "\n")) == paragraph1
        + "\n" + paragraph2)
  }

  @Test func dropsCopyrightAndCaptions() throws {
    let text = [
      paragraph1, "Foto: dpa", "Die Demonstranten vor dem Rathaus. (Bild: Max Muster)", paragraph2,
      "© 2023 Example Media GmbH",
    ].joined(separator: "\n")
    #expect(try strip(text) == paragraph1 + "\n" + paragraph2)
  }

  @Test func dropsRelatedArticleListAfterTheBody() throws {
    let text = [
      paragraph1, paragraph2, "Related articles",
      "Minister resigns after a long dispute over the budget",
      "Farmers protest in the capital against new rules",
      "Why the subsidy debate matters for the regions",
    ].joined(separator: "\n")
    #expect(try strip(text) == paragraph1 + "\n" + paragraph2)
  }

  @Test func dropsCommentAndLoginForms() throws {
    let text = [
      paragraph1, paragraph2, "Leave a comment", "Name", "Email address",
      "Your email address will not be published. Required fields are marked *",
      "Post comment", "Forgot your password?",
    ].joined(separator: "\n")
    #expect(try strip(text) == paragraph1 + "\n" + paragraph2)
  }

  @Test func dropsMenuListsOfShortItems() throws {
    let menu = [
      "* Politics", "* Business", "    + Markets", "    + Companies", "* Sport", "* Culture",
    ]
    let text = (menu + [paragraph1, paragraph2] + menu).joined(separator: "\n")
    #expect(try strip(text) == paragraph1 + "\n" + paragraph2)
  }

  @Test func stopWordListsCoverSeveralLanguages() throws {
    let german =
      "Die Regierung hat am Dienstag beschlossen, dass die Förderung für die Bauern im nächsten "
      + "Jahr deutlich erhöht werden soll, wie ein Sprecher in Berlin mitteilte."
    let french =
      "Le gouvernement a annoncé mardi que les aides aux agriculteurs seraient augmentées l'an "
      + "prochain, selon un porte-parole du ministère qui a confirmé la mesure."
    let spanish =
      "El gobierno anunció el martes que las ayudas a los agricultores aumentarán el próximo año, "
      + "según un portavoz del ministerio que confirmó la medida en la capital."
    let russian =
      "Правительство во вторник объявило, что поддержка фермеров будет увеличена в следующем "
      + "году, как сообщил представитель министерства, который подтвердил это решение."
    for prose in [german, french, spanish, russian] {
      #expect(try strip("Menü\n" + prose + "\nImpressum") == prose)
    }
    #expect(
      try strip("Подписаться на рассылку\n" + "Все права защищены\n" + paragraph1) == paragraph1)
    #expect(
      try strip("Suivez-nous sur Facebook\nTous droits réservés\n" + paragraph1) == paragraph1)
    #expect(try strip("Síguenos en Twitter\nPolítica de privacidad\n" + paragraph1) == paragraph1)
  }
}

@Suite struct StripBoilerplateTrapTests {
  @Test func keepsAShortRealParagraphBetweenParagraphs() throws {
    let short = "The vote is due on Friday."
    let text = [paragraph1, "", short, "", paragraph2].joined(separator: "\n")
    #expect(try strip(text) == text)
  }

  @Test func keepsProseBetweenKeptLinesWhateverItsNeighbours() throws {
    // The sentence stands between two menu-like lines, so its neighbours alone would drop it; it
    // lies inside the article (between two kept paragraphs) and reads like prose, so it stays.
    let sentence =
      "Residents said they were surprised by the decision and asked for a public meeting."
    let text = [
      paragraph1, "Home | News | Contact", sentence, "Print | Share", paragraph2, paragraph3,
    ]
    .joined(separator: "\n")
    #expect(
      try strip(text) == [paragraph1, sentence, paragraph2, paragraph3].joined(separator: "\n"))
    // Outside the article (after its last kept line) the same sentence still goes.
    let after = [paragraph1, paragraph2, "Print | Share", sentence, "Home | News | Contact"]
      .joined(separator: "\n")
    #expect(try strip(after) == paragraph1 + "\n" + paragraph2)
  }

  @Test func dropsTheAuthorBoxAfterTheArticle() throws {
    let bio =
      "Jane Doe is a former editor of the paper and has covered farming and trade policy for "
      + "more than a decade, mostly from the capital."
    let text = [
      paragraph1, paragraph2, paragraph3, "Share this article", "Jane Doe", bio, "All articles",
    ]
    .joined(separator: "\n")
    #expect(try strip(text) == [paragraph1, paragraph2, paragraph3].joined(separator: "\n"))
    // The same lines at the top of a page are a byline and the article's first paragraph.
    let top = ["Jane Doe", bio, paragraph1].joined(separator: "\n")
    #expect(try strip(top).contains(bio))
  }

  @Test func keepsAOneLineQuote() throws {
    let quote = "\u{201C}We will not back down,\u{201D} the minister said."
    #expect(try strip(quote) == quote)
    let text = [paragraph1, quote, paragraph2].joined(separator: "\n")
    #expect(try strip(text) == text)
    let german = "„Wir schaffen das“, sagte die Kanzlerin."
    #expect(try strip("Startseite\n" + german + "\nImpressum") == german)
  }

  @Test func keepsHeadlineThatRepeatsTheBreadcrumb() throws {
    let headline = "Farm Subsidies Rise Next Year"
    let text = [
      "  1. Main Page", "  2. News", "  3. \(headline)", "1 min read", "", headline, "", paragraph1,
      "", paragraph2,
    ].joined(separator: "\n")
    let out = try strip(text)
    #expect(out == headline + "\n\n" + paragraph1 + "\n\n" + paragraph2)
    #expect(!out.contains("3. "))
  }

  @Test func keepsHeadlineAndDekAcrossBylineAndLogo() throws {
    let text = [
      "Example News Logo", "Politics", "", "Farm Subsidies Rise Next Year", "",
      "The plan doubles the support for small farms in the north", "By Jane Doe", "March 3, 2023",
      "Example News Logo", "", paragraph1, "", paragraph2,
    ].joined(separator: "\n")
    let out = try strip(text)
    #expect(out.hasPrefix("Farm Subsidies Rise Next Year\n\nThe plan doubles the support"))
    #expect(!out.contains("Logo"))
    #expect(out.hasSuffix(paragraph2))
  }

  @Test func keepsABodyLineThatMentionsSubscribe() throws {
    let body =
      "More than two million households now subscribe to the service, the company said, and it "
      + "expects the number to grow as prices for other providers rise."
    let text = [paragraph1, body, paragraph2, "Subscribe to our newsletter"].joined(separator: "\n")
    #expect(try strip(text) == [paragraph1, body, paragraph2].joined(separator: "\n"))
  }

  @Test func keepsAnArticleWithoutBoilerplateWhole() throws {
    let text =
      " date 2018-12-05 ASTANA. KAZINFORM - " + paragraph1 + "\n\n" + paragraph2 + "\n\n"
      + paragraph3
    #expect(try strip(text) == String(text.dropFirst()))
  }

  @Test func trimsIndentationAndKeepsCharacters() throws {
    let soft =
      "The govern\u{00AD}ment said on Tuesday that it would raise the subsidies for farmers next "
      + "year, and that the money would come from the reserve approved in spring."
    let text = "        " + soft + "   \n\n\n    " + paragraph2
    #expect(try strip(text) == soft + "\n\n" + paragraph2)
  }

  /// Kept lines are joined with one line break, or two where the input had a blank line, however
  /// the input separated them (CRLF, trailing blanks, indentation, removed lines, many blanks).
  @Test func joinsKeptLinesWithNormalisedBreaks() throws {
    let single = paragraph1 + "\n" + paragraph2 + "\n\n" + paragraph3
    let double = paragraph1 + "\n\n" + paragraph2 + "\n\n" + paragraph3
    let cases: [(String, String)] = [
      (paragraph1 + "\n" + paragraph2 + "\n\n" + paragraph3, single),
      (paragraph1 + "\r\n" + paragraph2 + "\r\n\r\n" + paragraph3 + "\r\n", single),
      (paragraph1 + "  \n\t" + paragraph2 + "\n \n\n\n  " + paragraph3, single),
      ("Menu\n" + paragraph1 + "\nShare on Facebook\n" + paragraph2 + "\n\nPrint\n" + paragraph3, single),
      (paragraph1 + "\nShare on Facebook\n\n" + paragraph2 + "\n\n" + paragraph3, double),
      (paragraph1 + "\n\nShare on Facebook\n" + paragraph2 + "\n\n\n" + paragraph3, double),
    ]
    for (text, expected) in cases {
      #expect(try strip(text) == expected, "\(text.debugDescription)")
    }
  }

  @Test func emptyAndBlankTextsStayEmpty() throws {
    #expect(try strip("") == "")
    #expect(try strip("   \n\n  ") == "")
  }
}

@Suite struct StripBoilerplateOptionTests {
  @Test func phrasesOptionTakesAListOrAVocabularyObject() throws {
    let text = "Our Weekly Digest\n" + paragraph1
    #expect(try strip(text) == text)
    #expect(try strip(text, ["phrases": ["weekly digest"]]) == paragraph1)
    #expect(try strip(text, ["phrases": ["phrases": ["digest": ["weekly digest"]]]]) == paragraph1)
    #expect(try strip(text, ["phrases": ["lines": ["our weekly digest"]]]) == paragraph1)
  }

  @Test func phraseFileAddsVocabulary() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "{ phrases: { custom: ['weekly digest'] } }".write(
      to: dir.appendingPathComponent("extra.json5"), atomically: true, encoding: .utf8)
    let stage = try StripBoilerplateStage.make(
      ["phraseFile": "extra.json5"], baseDirectory: dir.path)
    #expect(try stage.apply(to: "Our Weekly Digest\n" + paragraph1).document.text == paragraph1)
  }

  @Test func badOptionsNameTheOption() throws {
    #expect(throws: OptionError.self) {
      try StripBoilerplateStage.make(["phraseFile": "/no/such/file.json5"])
    }
    #expect(throws: OptionError.self) { try StripBoilerplateStage.make(["phrases": 3]) }
    #expect(throws: OptionError.self) {
      try StripBoilerplateStage.make(["phrases": ["nope": ["x"]]])
    }
    #expect(throws: OptionError.self) {
      try StripBoilerplateStage.make(["profile": "/no/such/profile.json5"])
    }
    #expect(throws: OptionError.self) { try StripBoilerplateStage.make(["stopwordDensity": 2]) }
  }

  @Test func removedFieldListsRemovedLinesWithReasons() throws {
    let stage = try StripBoilerplateStage.make(["removedField": "removed"])
    let (doc, verdict) = try stage.apply(to: "QazMonitor Logo\n1 min read\n" + paragraph1)
    #expect(verdict == .keep)
    #expect(doc.text == paragraph1)
    let removed = doc.fields["removed"]?.arrayValue ?? []
    #expect(removed.count == 2)
    #expect(removed.first?.objectValue?["reason"] == .string("alt-text"))
    #expect(removed.last?.objectValue?["line"] == .string("1 min read"))
  }

  @Test func vocabularyFilesParse() throws {
    for file in BoilerplateResources.files {
      var vocabulary = BoilerplateVocabulary()
      try vocabulary.merge(json5: file.text, option: file.name)
      #expect(!vocabulary.lines.isEmpty || !vocabulary.signalWords.isEmpty, "\(file.name)")
    }
    let builtIn = BoilerplateVocabulary.builtIn
    #expect(builtIn.stopwords.contains("the") && builtIn.stopwords.contains("und"))
    #expect(builtIn.stopwords.contains("что") && builtIn.stopwords.contains("les"))
  }
}

@Suite struct StripBoilerplateTokenizerTests {
  /// The scanner's eight-bytes-at-a-time run agrees with a byte-by-byte reading on random ASCII.
  @Test func asciiWordRunMatchesAByteByByteReading() {
    var rng = SystemRandomNumberGenerator()
    let alphabet = Array("aZ9 .-Az\u{7F}q".utf8) + [0xC3, 0x00]
    for _ in 0..<20_000 {
      let bytes = (0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
      let afterLower = Bool.random(using: &rng)
      var x: UInt64 = 0
      for b in bytes.reversed() { x = x << 8 | UInt64(b) }
      let run = AsciiWordRun(x, afterLower: afterLower)
      var count = 0
      var prevLower = afterLower
      var folded: UInt64 = 0
      var hasDigit = false
      for b in bytes {
        let lower = b >= 0x61 && b <= 0x7A
        let upper = b >= 0x41 && b <= 0x5A
        let digit = b >= 0x30 && b <= 0x39
        if !(lower || upper || digit) || (upper && prevLower) { break }
        folded |= UInt64(upper ? b | 0x20 : b) << UInt64(8 * count)
        hasDigit = hasDigit || digit
        prevLower = lower
        count += 1
      }
      #expect(run.count == count, "\(bytes)")
      #expect(run.folded == folded, "\(bytes)")
      #expect(run.hasDigit == hasDigit, "\(bytes)")
      #expect(run.endsLower == (count > 0 && bytes[count - 1] >= 0x61 && bytes[count - 1] <= 0x7A))
    }
  }

  /// Adding a word's bytes in chunks gives the same hash as adding its characters one by one.
  @Test func chunkedWordHashEqualsPerCharacterHash() {
    for word in [
      "a", "news", "seven77", "eightchr", "ninechars", "fifteenletters1", "newsletterabonnement",
    ] {
      var perCharacter = WordHash()
      for b in word.utf8 { perCharacter.add(UInt32(b)) }
      for chunk in 1...8 {
        var chunked = WordHash()
        let bytes = Array(word.utf8)
        var i = 0
        while i < bytes.count {
          let k = min(chunk, bytes.count - i)
          var x: UInt64 = 0
          for j in stride(from: k - 1, through: 0, by: -1) { x = x << 8 | UInt64(bytes[i + j]) }
          chunked.add(bytes: x, count: k)
          i += k
        }
        #expect(chunked.value == perCharacter.value, "\(word) in chunks of \(chunk)")
      }
      if (8..<16).contains(word.utf8.count) {
        let bytes = Array(word.utf8)
        var first: UInt64 = 0
        var rest: UInt64 = 0
        for b in bytes[0..<8].reversed() { first = first << 8 | UInt64(b) }
        for b in bytes[8...].reversed() { rest = rest << 8 | UInt64(b) }
        #expect(WordHash.pair(first, rest) == perCharacter.value, "\(word)")
      }
      if word.utf8.count < 8 {
        var x: UInt64 = 0
        for b in word.utf8.reversed() { x = x << 8 | UInt64(b) }
        #expect(WordHash.short(x) == perCharacter.value, "\(word)")
      }
    }
  }

  /// A short ASCII word ends at a multibyte character that is no letter (a dash, a curly quote or
  /// apostrophe), or at an upper-case letter after a lower-case one; it goes on through a
  /// multibyte letter or a soft hyphen.
  @Test func wordsEndAtMultibytePunctuationAndGoOnThroughLetters() throws {
    var vocabulary = BoilerplateVocabulary()
    try vocabulary.merge(
      ["phrases": ["news digest", "caf menu", "news übersicht"]], option: "phrases", path: [])
    let scanner = LineScanner(vocabulary: vocabulary)
    func hits(_ line: String) -> Int {
      Array(line.utf8).withUnsafeBufferPointer { scanner.scan($0).first?.strongHits ?? -1 }
    }
    #expect(hits("News\u{2014}Digest") == 1)
    #expect(hits("\u{201C}News\u{201D} digest") == 1)
    #expect(hits("news\u{2019}digest") == 1)
    #expect(hits("News\u{AD}digest") == 0)
    #expect(hits("Café menu") == 0)
    #expect(hits("Caf\u{2019} menu") == 1)
    #expect(hits("newsÜbersicht") == 1)
    #expect(hits("NEWSÜbersicht") == 0)
  }

  /// Long words, words with umlauts and glued camel-case words match the vocabulary whichever
  /// path (eight ASCII bytes at a time, or character by character) reads them.
  @Test func phrasesMatchLongAndNonASCIIWords() throws {
    let vocabulary: JSONObject = [
      "phrases": ["Newsletterabonnement verwalten", "Übersichtsseite öffnen", "weekly digest"]
    ]
    for line in [
      "NEWSLETTERABONNEMENT verwalten", "Übersichtsseite Öffnen", "ÜBERSICHTSSEITE öffnen",
      "Weekly\u{00AD}Digest", "SignUpWeekly Digest",
    ] {
      let text = line + "\n" + paragraph1
      #expect(try strip(text, ["phrases": .object(vocabulary)]) == paragraph1, "\(line)")
    }
  }
}

@Suite struct StripBoilerplateShortContentTests {
  @Test func keepsAnIngredientListAfterTheArticle() throws {
    let text = [
      "Home", "Recipes", "Contact", paragraph1, "Ingredients:", "300 g flour", "200 g sugar",
      "1 pinch of salt", "2 eggs", "© 2024 Example Kitchen",
    ].joined(separator: "\n")
    #expect(
      try strip(text)
        == [paragraph1, "Ingredients:", "300 g flour", "200 g sugar", "1 pinch of salt", "2 eggs"]
        .joined(separator: "\n"))
  }

  @Test func keepsASpecificationTableBetweenBoilerplate() throws {
    let text = [
      "Share on Facebook", paragraph1, "Share on Twitter", "Length in cm 478", "Width in cm 190",
      "Top speed in km/h 187", "Weight in kg 2035", "Cookie settings",
    ].joined(separator: "\n")
    let output = try strip(text)
    #expect(output.contains("Length in cm 478\nWidth in cm 190\nTop speed in km/h 187"))
    #expect(!output.contains("Share on"))
  }

  @Test func keepsQuestionAndAnswerLines() throws {
    let text = [
      paragraph1, "Sign up for our newsletter", "What did one volcano say to the other?",
      "I lava you!", "How do we know that the ocean is friendly?", "It waves!",
    ].joined(separator: "\n")
    #expect(try strip(text).hasSuffix("How do we know that the ocean is friendly?\nIt waves!"))
  }

  @Test func dropsMenusAndHeadlineListsThatLookLikeBlocks() throws {
    let menu = ["Home", "News", "Sport", "Weather"]
    let headlines = [
      "* Farmers protest against the new tax", "* The minister visits the flooded towns",
      "* A new bridge for the old harbour",
    ]
    let text = (menu + [paragraph1, paragraph2, "Share on Facebook"] + headlines).joined(
      separator: "\n")
    #expect(try strip(text) == paragraph1 + "\n" + paragraph2)
  }

  @Test func keepsALeadInAfterProse() throws {
    let text = [
      paragraph1, "The full statement reads as follows:", "Share on Facebook", "Read more",
    ].joined(separator: "\n")
    #expect(try strip(text) == paragraph1 + "\nThe full statement reads as follows:")
    // A line ending with a colon that does not follow kept text is not a lead-in.
    #expect(try strip("Follow us:\nTwitter\n" + paragraph1) == paragraph1)
  }

  @Test func keepsShortLinesInAQuietGapButNotInANoisyOne() throws {
    let quiet = [paragraph1, "Red", "Green", paragraph2].joined(separator: "\n")
    #expect(try strip(quiet) == quiet)
    let noisy = [paragraph1, "Red", "Share on Facebook", "Green", paragraph2].joined(
      separator: "\n")
    #expect(try strip(noisy) == paragraph1 + "\n" + paragraph2)
  }
}
