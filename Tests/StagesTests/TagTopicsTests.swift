import Foundation
import PipelineCore
import Stages
import Testing

/// `tag-topics` with the bundled taxonomy: example texts per topic, the traps, other languages,
/// the scoring rules and the output fields.
@Suite struct TagTopicsTests {
  let stage = TagTopicsTestSupport.defaultStage
  let four: Set<String> = ["visa", "trade", "legal", "space"]

  /// The topics among visa, trade, legal and space that the default stage gives `text`.
  func tags(_ text: String, title: String? = nil) throws -> [String] {
    let fields: JSONObject = title.map { ["title": .string($0)] } ?? [:]
    return try TagTopicsTestSupport.topics(stage, text, fields: fields).filter { four.contains($0) }
  }

  // MARK: - Each topic

  @Test func visa() throws {
    #expect(
      try tags(
        "Kazakhstan and Canada ease visa regime\n\nThe two countries agreed to simplify visa procedures for business travellers; work permits will be issued faster."
      ) == ["visa"])
    #expect(
      try tags(
        "New points system for migrants\n\nApplicants for work permits will need a job offer, and entry clearance officers will check visa applications more closely."
      ) == ["visa"])
  }

  @Test func trade() throws {
    #expect(
      try tags(
        "US trade deficit hits record\n\nThe trade deficit widened as imports from China grew faster than exports; the WTO is reviewing tariffs on steel."
      ) == ["trade"])
    #expect(
      try tags(
        "Carmakers form joint venture\n\nThe Japanese and French firms signed a joint venture to supply cars to European markets, extending their strategic partnership."
      ) == ["trade"])
  }

  @Test func legal() throws {
    #expect(
      try tags(
        "Former chief executive jailed for fraud\n\nA federal court sentenced him to five years after the jury convicted him; his lawyers said they would appeal."
      ) == ["legal"])
    #expect(
      try tags(
        "Police arrest three suspects\n\nProsecutors said the men were charged with fraud and will appear before a judge next week."
      ) == ["legal"])
  }

  @Test func space() throws {
    #expect(
      try tags(
        "Rocket puts weather satellite into orbit\n\nThe Delta rocket lifted off from Cape Canaveral and placed the satellite in orbit, Nasa said."
      ) == ["space"])
    #expect(
      try tags(
        "Astronaut returns to Earth\n\nThe Soyuz spacecraft landed safely after six months on the International Space Station."
      ) == ["space"])
  }

  // MARK: - Traps

  @Test func spaceAsRoomIsNotSpace() throws {
    #expect(
      try tags(
        "Landlords cut rents\n\nDemand for office space fell, parking space is cheaper and there is more living space in the suburbs. Tenants want breathing space."
      ) == [])
    #expect(
      try tags(
        "Talks resume\n\nBoth sides said there was space for dialogue and left space for compromise in the space of a week."
      ) == [])
  }

  @Test func tradeUnionsAndTradeOffsAreNotTrade() throws {
    #expect(
      try tags(
        "Unions merge\n\nThe trade union and two other trade unions voted to merge; the trade-off is fewer officials. The trademark stays."
      ) == [])
    #expect(
      try tags(
        "Gadget show opens\n\nThe trade show in Las Vegas drew visitors; the trade press praised the phones and the trade secrets stayed secret."
      ) == [])
  }

  @Test func legalAgeAndLegalTenderAreNotLegal() throws {
    #expect(
      try tags(
        "Pubs and the legal age\n\nThe legal drinking age stays at 18; the old pound coins are no longer legal tender."
      ) == [])
  }

  @Test func securityCouncilAndParliamentaryDialogueAreNotLegal() throws {
    #expect(
      try tags(
        "Senate speakers meet\n\nThey discussed inter-parliamentary dialogue and their countries' terms on the UN Security Council, and the legislative bodies' contacts."
      ) == [])
  }

  @Test func homonymsAndCompanyNames() throws {
    // VISA the card network, Microsoft Passport, a tennis court, satellite TV, Orbit Oil.
    #expect(
      try tags(
        "Bank to join Visa network\n\nThe bank will issue a Visa card; Visa said credit card transactions will grow and card issuers agree."
      ) == [])
    #expect(
      try tags("Microsoft Passport\n\nMicrosoft Passport lets users sign in to many websites.")
        == [])
    #expect(
      try tags(
        "Final on centre court\n\nShe won on Centre Court after a long rally on the grass court.")
        == [])
    #expect(
      try tags(
        "Satellite TV for ships\n\nThe firm sells satellite television and a satellite dish to shipping lines."
      ) == [])
    #expect(
      try tags("ORBIT OIL AND GAS RESERVES\n\nOrbit Oil and Gas said its reserves rose.") == [])
  }

  // MARK: - Other languages

  @Test func russian() throws {
    #expect(
      try tags(
        "Казахстан и Россия упростят визовый режим\n\nСтороны договорились о безвизовом въезде; визы для студентов будут выдавать быстрее."
      ) == ["visa"])
    #expect(
      try tags(
        "Товарооборот вырос\n\nТоварооборот между странами вырос на 20%, экспорт зерна увеличился, пошлины снижены."
      ) == ["trade"])
    #expect(
      try tags(
        "Суд вынес приговор\n\nГородской суд приговорил бывшего чиновника к пяти годам лишения свободы по уголовному делу."
      ) == ["legal"])
    #expect(
      try tags(
        "Запуск с Байконура\n\nРакета-носитель стартовала с космодрома Байконур и вывела спутник на орбиту; космонавты следили за запуском."
      ) == ["space"])
  }

  @Test func kazakh() throws {
    #expect(
      try tags(
        "Визасыз режим\n\nЕкі ел визасыз режим туралы келісті; виза алу жеңілдейді, визаны онлайн алуға болады."
      )
        == ["visa"])
    #expect(
      try tags(
        "Ғарыш саласы\n\nБайқоңыр ғарыш айлағынан зымыран ұшырылды; ғарышкер ғарыштық станцияға жетті."
      ) == ["space"])
    #expect(
      try tags(
        "Сауда көлемі өсті\n\nСыртқы сауда айналымы артты, экспорт пен импорт көбейді, тауар айналымы өсті."
      )
        == ["trade"])
    #expect(
      try tags(
        "Сот үкім шығарды\n\nСот бұрынғы шенеуніктің ісін қарады; ол сотталды, прокуратура қылмыс туралы айтты."
      )
        == ["legal"])
  }

  @Test func upperCaseTextMatches() throws {
    #expect(
      try tags(
        "ROCKET LAUNCH DELAYED\n\nTHE ROCKET AND ITS SATELLITE WILL LAUNCH FROM CAPE CANAVERAL IN MAY."
      ) == ["space"])
  }

  // MARK: - Scoring

  @Test func oneMentionInTheBodyIsNotATopic() throws {
    #expect(
      try tags(
        "Festival draws crowds\n\nThousands came to the music festival. One band was late because of a visa problem, the organisers said."
      ) == [])
  }

  @Test func aSpecificTermInTheHeadlineIsEnough() throws {
    #expect(
      try tags("Visa rules tightened\n\nThe government announced the change on Monday.") == ["visa"]
    )
    // The title field counts as the headline.
    #expect(
      try tags("The government announced the change on Monday.", title: "Visa rules tightened") == [
        "visa"
      ])
  }

  @Test func aGeneralTermInTheHeadlineIsNotEnough() throws {
    #expect(try tags("Trade figures due\n\nThe numbers are published on Friday.") == [])
  }

  @Test func repeatingOneWeakTermIsNotEnough() throws {
    let text =
      "Import season\n\n"
      + Array(repeating: "The import was late.", count: 8).joined(separator: " ")
    #expect(try tags(text) == [])
  }

  @Test func longerTextsNeedMoreEvidence() throws {
    let evidence =
      "Prosecutors said the court would hear the case; the judge ordered the police to report."
    let filler = Array(
      repeating: "The weather was mild and the shops were busy on the high street.", count: 60
    )
    .joined(separator: " ")
    let stage = try TagTopicsStage.make(["scores": true])
    let short = try stage.apply(to: "News\n\n" + evidence).document
    let long = try stage.apply(to: "News\n\n" + evidence + " " + filler).document
    let shortScore = short["topic_scores"]?.objectValue?["legal"]?.doubleValue ?? 0
    let longScore = long["topic_scores"]?.objectValue?["legal"]?.doubleValue ?? 0
    #expect(shortScore > longScore)
    #expect(longScore > 0)
  }

  // MARK: - Output

  @Test func topicsIsAlwaysSetAndSorted() throws {
    let (doc, verdict) = try stage.apply(to: "Nothing to see here.")
    #expect(verdict == .keep)
    #expect(doc["topics"] == .array([]))
    let both = try TagTopicsTestSupport.topics(
      stage,
      "Court rules on visa\n\nThe High Court ruled that the visa refusals were unlawful; the judge said work permits must be reviewed and lawyers for the applicants welcomed it."
    )
    #expect(both.filter { four.contains($0) } == ["legal", "visa"])
    #expect(both == both.sorted())
  }

  @Test func idsAreSortedWhateverTheTaxonomyOrder() throws {
    // Topics given out of order ("a-b" before "a_b" and "ab": '-' < '_' < letters).
    let stage = try KeywordsStage.make([
      "topics": [
        ["id": "zeta", "terms": ["zinc"]], ["id": "beta", "terms": ["boron"]],
        ["id": "alpha", "terms": ["argon"]], ["id": "a_b", "terms": ["xenon"]],
        ["id": "a-b", "terms": ["neon"]],
      ]
    ])
    let found = try TagTopicsTestSupport.topics(
      stage, "Argon, boron, neon, xenon and zinc.", field: "keywords")
    #expect(found == ["a-b", "a_b", "alpha", "beta", "zeta"])
  }

  @Test func scoresAndEvidence() throws {
    let stage = try TagTopicsStage.make(["scores": true, "evidence": true])
    let text = "Ж визы\n\nВиза и виза."
    let (doc, _) = try stage.apply(to: text)
    let scores = try #require(doc["topic_scores"]?.objectValue)
    #expect((scores["visa"]?.doubleValue ?? 0) > 0)
    let evidence = try #require(doc["topic_evidence"]?.objectValue?["visa"]?.arrayValue)
    let first = try #require(evidence.first?.objectValue)
    // "визы" starts after "Ж " (3 bytes, 2 characters).
    #expect(first["match"] == "визы")
    #expect(first["start"] == 3)
    #expect(first["end"] == 11)
    #expect(first["charStart"] == 2)
    #expect(first["charEnd"] == 6)
    #expect(first["term"] == "виз{а,ы,е,у,ой,ою,ам,ами,ах}")
  }

  @Test func fieldOptionRenamesAllOutputs() throws {
    let stage = try TagTopicsStage.make(["field": "subjects", "scores": true, "evidence": true])
    let (doc, _) = try stage.apply(to: "Visa rules tightened\n\nVisa fees rise.")
    #expect(doc["topics"] == nil)
    #expect(doc["subjects"]?.arrayValue?.contains("visa") == true)
    #expect(doc["subjects_scores"] != nil)
    #expect(doc["subjects_evidence"] != nil)
  }

  @Test func thresholdOption() throws {
    let text = "Market report\n\nExports rose and imports fell."
    #expect(
      try TagTopicsTestSupport.topics(try TagTopicsStage.make(["threshold": 1]), text).contains(
        "trade"))
    #expect(
      !(try TagTopicsTestSupport.topics(try TagTopicsStage.make(["threshold": 50]), text).contains(
        "trade")))
  }

  @Test func badOptionValuesAreRejected() {
    #expect(throws: OptionError.self) { try TagTopicsStage.make(["threshold": 0]) }
    #expect(throws: OptionError.self) { try TagTopicsStage.make(["minMatches": 0]) }
    #expect(throws: OptionError.self) { try TagTopicsStage.make(["field": "text"]) }
    #expect(throws: OptionError.self) { try TagTopicsStage.make(["replaceDefault": true]) }
  }

  // MARK: - The bundled taxonomy

  @Test func bundledTaxonomyHasTheRequiredTopics() throws {
    let taxonomy = try TaxonomyFile.bundled.get()
    let ids = Set(taxonomy.topics.map(\.id))
    let required = [
      "visa", "trade", "legal", "space", "migration", "energy", "security-defence", "diplomacy",
      "economy-finance", "education", "health", "agriculture", "technology", "culture", "sport",
      "environment",
    ]
    for id in required { #expect(ids.contains(id), "missing topic \(id)") }
    for topic in taxonomy.topics {
      #expect(
        !topic.label.isEmpty && !topic.definition.isEmpty,
        "\(topic.id) needs a label and a definition")
      #expect(!topic.terms.isEmpty)
      let texts = topic.terms.map(\.text)
      #expect(Set(texts).count == texts.count, "\(topic.id) lists a term twice")
      if let code = topic.iptc { #expect(code.count == 8) }
    }
    #expect(taxonomy.topic("legal")?.iptc == "02000000")
    #expect(taxonomy.topic("sport")?.iptc == "15000000")
  }
}
