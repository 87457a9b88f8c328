import Foundation
import PipelineCore
import Stages
import Testing

/// Taxonomies from pipeline files: files, inline topics, merging, errors with locations, and
/// several tagging stages in one pipeline.
@Suite struct TagTopicsConfigurationTests {
  let loader = TagTopicsTestSupport.loader

  /// Loads the pipeline `pipeline` written next to `files`, returning the pipeline or the
  /// loader's diagnostics.
  func load(_ pipeline: String, files: [String: String] = [:]) throws -> Result<
    Pipeline, PipelineLoadError
  > {
    var all = files
    all["p.json5"] = pipeline
    let dir = try TagTopicsTestSupport.write(all)
    do {
      return .success(try loader.load(dir.appendingPathComponent("p.json5").path))
    } catch {
      return .failure(error)
    }
  }

  func run(_ pipeline: Pipeline, _ text: String) -> Document {
    var doc = Document(text: text)
    var context = StageContext()
    _ = pipeline.process(&doc, context: &context)
    return doc
  }

  static let customTaxonomy = """
    // A taxonomy of two topics.
    {
      version: 1,
      topics: {
        football: {
          label: "Football",
          definition: "The game.",
          iptc: "medtop:15000000",
          terms: [
            { weight: 3, terms: ["football", "striker{,s}"] },
            "goal{,s}",
          ],
          exclude: ["goal of"],
        },
        weather: { label: "Weather", definition: "Rain and sun.", terms: ["rain*", "storm{,s}", "forecast"] },
      },
    }
    """

  @Test func customTaxonomyFileFromAPipeline() throws {
    let result = try load(
      """
      { stages: [ { stage: "tag-topics", options: { taxonomy: "football.json5", replaceDefault: true } } ] }
      """, files: ["football.json5": Self.customTaxonomy])
    let pipeline = try result.get()
    let doc = run(
      pipeline,
      "Striker scores\n\nThe striker scored two goals in the football match despite the rain.")
    #expect(doc["topics"] == ["football"])
    let other = run(pipeline, "Storm warning\n\nThe forecast says heavy rain and storms tonight.")
    #expect(other["topics"] == ["weather"])
  }

  @Test func aTaxonomyFileExtendsTheDefaultUnlessReplaced() throws {
    let pipeline = try load(
      """
      { stages: [ { stage: "tag-topics", options: { taxonomy: "football.json5" } } ] }
      """, files: ["football.json5": Self.customTaxonomy]
    ).get()
    let doc = run(
      pipeline,
      "Visa rules tightened\n\nThe striker needs a visa to play football abroad; his work permit is late."
    )
    let topics = doc["topics"]?.arrayValue?.compactMap(\.stringValue) ?? []
    #expect(topics.contains("visa"))
    #expect(topics.contains("football"))
  }

  @Test func inlineTopicsExtendReplaceAndRemove() throws {
    // Extend: one more visa term.
    let extended = try TagTopicsStage.make([
      "topics": ["visa": ["terms": [["term": "golden passport{,s}", "weight": 3]]]]
    ])
    #expect(
      try TagTopicsTestSupport.topics(
        extended, "Golden passports sold\n\nThe scheme sold golden passports to investors."
      )
      .contains("visa"))
    // The default visa terms are still there.
    #expect(
      try TagTopicsTestSupport.topics(extended, "Visa rules tightened\n\nNo change.").contains(
        "visa"))
    // Replace: only the new terms count.
    let replaced = try TagTopicsStage.make([
      "topics": ["visa": ["replace": true, "terms": ["golden passport{,s}"]]]
    ])
    #expect(
      !(try TagTopicsTestSupport.topics(replaced, "Visa rules tightened\n\nVisa fees rise.")
        .contains("visa")))
    // Remove a topic with false; add a new one from an array.
    let changed = try TagTopicsStage.make([
      "topics": [["id": "sport", "replace": true, "terms": ["curling"]]],
      "threshold": 1, "minMatches": 1,
    ])
    #expect(try TagTopicsTestSupport.topics(changed, "Curling is fun.").contains("sport"))
    let removed = try TagTopicsStage.make(["topics": ["sport": false]])
    #expect(
      !(try TagTopicsTestSupport.topics(
        removed, "Football final\n\nThe striker scored in the cup final."
      ).contains("sport")))
  }

  @Test func onlyRestrictsTheTopics() throws {
    let stage = try TagTopicsStage.make(["only": ["visa", "legal"]])
    let text =
      "Court rules on visa\n\nThe High Court ruled the visa refusals unlawful; the judge said work permits must be reviewed. Exports and the trade deficit were not discussed, nor the WTO."
    #expect(try TagTopicsTestSupport.topics(stage, text) == ["legal", "visa"])
    #expect {
      try TagTopicsStage.make(["only": ["visa", "spcae"]])
    } throws: { error in
      guard let e = error as? OptionError else { return false }
      return e.option == "only" && e.path == ["1"] && e.message.contains("did you mean \"space\"")
    }
  }

  @Test func replaceDefaultWithInlineTopicsOnly() throws {
    let stage = try TagTopicsStage.make([
      "replaceDefault": true,
      "topics": ["cats": ["terms": [["terms": ["cat{,s}", "kitten{,s}"], "weight": 3]]]],
    ])
    #expect(
      try TagTopicsTestSupport.topics(stage, "Cats and kittens\n\nThe cat had three kittens.") == [
        "cats"
      ])
    #expect(try TagTopicsTestSupport.topics(stage, "Visa rules tightened\n\nVisa fees rise.") == [])
  }

  @Test func badInlineTermIsReportedAtItsLineAndColumn() throws {
    let result = try load(
      """
      {
        stages: [
          { stage: "tag-topics", options: { topics: {
            visa: { terms: [
              "visa",
              "permit{s",
            ] },
          } } },
        ],
      }
      """)
    guard case .failure(let error) = result else {
      Issue.record("the pipeline should not load")
      return
    }
    let d = try #require(error.diagnostics.first)
    #expect(d.location?.line == 6)
    #expect(d.location?.column == 9)
    #expect(d.message.contains("topics.visa.terms.1"))
    #expect(d.message.contains("unclosed '{'"))
  }

  @Test func inlineErrorPathsPointIntoTheValue() {
    #expect {
      try TagTopicsStage.make([
        "topics": ["visa": ["terms": ["a", "b", "c", ["term": "d", "weight": "x"]]]]
      ])
    } throws: { error in
      guard let e = error as? OptionError else { return false }
      return e.option == "topics" && e.path == ["visa", "terms", "3", "weight"]
    }
    #expect {
      try TagTopicsStage.make(["topics": ["visa": ["trems": ["a"]]]])
    } throws: { error in
      guard let e = error as? OptionError else { return false }
      return e.path == ["visa", "trems"] && e.message.contains("did you mean \"terms\"")
    }
    #expect {
      try TagTopicsStage.make(["topics": ["Visa Topic": ["terms": ["a"]]]])
    } throws: { error in
      (error as? OptionError)?.path == ["Visa Topic"]
    }
    #expect(throws: OptionError.self) {
      try TagTopicsStage.make(["topics": ["visa": ["iptc": "123"]]])
    }
    #expect(throws: OptionError.self) {
      try TagTopicsStage.make(["topics": ["visa": ["terms": []]]])
    }
    #expect(throws: OptionError.self) { try TagTopicsStage.make(["topics": "visa"]) }
  }

  @Test func badEntryInATaxonomyFileIsReportedWithItsFileLineAndColumn() throws {
    let broken = """
      {
        version: 1,
        topics: {
          weather: {
            label: "Weather",
            terms: ["rain", "sn*ow"],
          },
        },
      }
      """
    let result = try load(
      """
      { stages: [ { stage: "tag-topics", options: { taxonomy: "weather.json5" } } ] }
      """, files: ["weather.json5": broken])
    guard case .failure(let error) = result else {
      Issue.record("the pipeline should not load")
      return
    }
    let d = try #require(error.diagnostics.first)
    #expect(d.message.contains("weather.json5:6:23"), "\(d.message)")
    #expect(d.message.contains("'*' is only allowed at the end"))
    // The diagnostic itself points at the option in the pipeline file.
    #expect(d.location?.line == 1)
  }

  @Test func syntaxErrorInATaxonomyFileHasItsLocation() throws {
    let result = try load(
      """
      { stages: [ { stage: "keywords", options: { taxonomy: "t.json5" } } ] }
      """, files: ["t.json5": "{ topics: { a: { terms: [\"x\" \"y\"] } } }"])
    guard case .failure(let error) = result else {
      Issue.record("the pipeline should not load")
      return
    }
    #expect(error.diagnostics.first?.message.contains("t.json5:1:30") == true, "\(error)")
  }

  @Test func missingTaxonomyFileNamesTheFile() throws {
    let result = try load(
      """
      { stages: [ { stage: "tag-topics", options: { taxonomy: "nowhere.json5" } } ] }
      """)
    guard case .failure(let error) = result else {
      Issue.record("the pipeline should not load")
      return
    }
    let d = try #require(error.diagnostics.first)
    #expect(d.message.contains("nowhere.json5"))
    #expect(d.message.contains("not found"))
  }

  @Test func twoTaggingStagesIntoDifferentFields() throws {
    let pipeline = try load(
      """
      {
        stages: [
          "tag-topics",
          { stage: "tag-topics", label: "football", options: {
              taxonomy: "football.json5", replaceDefault: true, field: "sport_topics", scores: true } },
          { stage: "keywords", label: "brands", options: {
              field: "brands", topics: { apple: { terms: ["Apple", "iPhone*"] } } } },
        ],
      }
      """, files: ["football.json5": Self.customTaxonomy]
    ).get()
    #expect(pipeline.steps.map(\.label) == ["tag-topics", "football", "brands"])
    let doc = run(
      pipeline,
      "Striker needs a visa\n\nThe striker cannot play football in the final without a visa; his work permit was refused and he posted about it on his iPhone."
    )
    #expect(doc["topics"]?.arrayValue?.contains("visa") == true)
    #expect(doc["sport_topics"] == ["football"])
    #expect(doc["sport_topics_scores"]?.objectValue?["football"] != nil)
    #expect(doc["topic_scores"] == nil)
    #expect(doc["brands"] == ["apple"])
  }

  @Test func duplicateLabelsAreRejected() throws {
    let result = try load(
      """
      { stages: [ "tag-topics", "tag-topics" ] }
      """)
    // Two unlabelled stages of the same kind share a label only when one is labelled; both
    // unlabelled is allowed and both write "topics".
    #expect((try? result.get())?.steps.count == 2)
  }
}
