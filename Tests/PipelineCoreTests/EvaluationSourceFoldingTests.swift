import Testing

@testable import PipelineCore

/// Outlet names fold as the reference scorer folds them (input → folded form).
@Suite struct EvaluationSourceFoldingTests {
  @Test(arguments: [
    ("The Times of India", "timesofindia"),
    ("ZEIT ONLINE", "zeitonline"),
    ("Süddeutsche Zeitung", "sueddeutschezeitung"),
    ("SÜDDEUTSCHE", "sueddeutsche"),  // lowercased first, then spelt out
    ("Straße", "strasse"),
    ("Le Monde diplomatique", "lemondediplomatique"),
    ("El País", "elpais"),  // accents dropped after NFKD
    ("Cafe\u{301}", "cafe"),  // a decomposed accent too
    ("ﬁnanz.net", "finanznet"),  // compatibility ligature
    ("20 Minuten", "20minuten"),
    ("Kanal ①", "kanal1"),
    ("İstanbul Times", "istanbultimes"),  // İ lowercases to i + combining dot
    ("ΑΘΗΝΑΪΚΟΣ", "αθηναικος"),  // final sigma, as Python lowercases it
    ("Theatre Today", "atretoday"),  // a leading "the" goes even inside a word, as in score.py
    ("The The", "the"),
    ("die-partei.net", "dieparteinet"),
    ("  ", ""),
  ])
  func folds(name: String, folded: String) {
    #expect(SourceFolding.fold(name) == folded)
  }

  @Test func matchesSourceDomainAndDomainStem() {
    let gold: JSONObject = ["source": "The Guardian", "domain": "theguardian.com"]
    for right in ["The Guardian", "guardian", "GUARDIAN", "theguardian.com", "The-Guardian"] {
      #expect(SourceFolding.matches(.string(right), gold: gold), "\(right)")
    }
    for wrong in ["Guardian Weekly", "guardian.co.uk", "Observer"] {
      #expect(!SourceFolding.matches(.string(wrong), gold: gold), "\(wrong)")
    }
  }

  @Test func matchesAliases() {
    let gold: JSONObject = [
      "source": "QazMonitor", "aliases": ["The Qazaqstan Monitor"], "domain": nil,
    ]
    #expect(SourceFolding.matches("Qazaqstan Monitor", gold: gold))
    #expect(SourceFolding.matches("qazmonitor", gold: gold))
    #expect(!SourceFolding.matches("Kazinform", gold: gold))
  }

  @Test func noAnswerNeverMatches() {
    let gold: JSONObject = ["source": nil, "domain": nil]
    #expect(!SourceFolding.matches(nil, gold: gold))
    #expect(!SourceFolding.matches(.null, gold: gold))
    #expect(!SourceFolding.matches("", gold: gold))
    // An answer that folds to nothing does not match a gold that folds to nothing either.
    #expect(!SourceFolding.matches("!!!", gold: gold))
  }

  @Test func pythonLowercasing() {
    #expect(SourceFolding.pythonLowercased("ΟΔΟΣ ΣΟΦΟΣ.") == "οδος σοφος.")
    #expect(SourceFolding.pythonLowercased("Σ") == "σ")  // no cased letter before: not final
    #expect(SourceFolding.pythonLowercased("ÄÖÜ") == "äöü")
  }
}
