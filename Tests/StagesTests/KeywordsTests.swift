import Foundation
import PipelineCore
import Stages
import Testing

/// The `keywords` stage: the tag-topics engine with a taxonomy you give it and simple defaults.
@Suite struct KeywordsTests {
  @Test func needsATaxonomy() {
    #expect {
      try KeywordsStage.make()
    } throws: { error in
      (error as? OptionError)?.option == "topics"
    }
    #expect(throws: OptionError.self) { try KeywordsStage.make(["topics": [:]]) }
  }

  @Test func oneMatchIsEnoughByDefault() throws {
    let stage = try KeywordsStage.make(["topics": ["brexit": ["terms": ["brexit"]]]])
    #expect(
      try TagTopicsTestSupport.topics(stage, "After Brexit, prices rose.", field: "keywords") == [
        "brexit"
      ])
    #expect(try TagTopicsTestSupport.topics(stage, "Prices rose.", field: "keywords") == [])
  }

  @Test func thresholdCountsWeightedMatches() throws {
    let stage = try KeywordsStage.make([
      "topics": ["rain": ["terms": ["rain*", ["term": "storm{,s}", "weight": 2]]]], "threshold": 3,
    ])
    #expect(
      try TagTopicsTestSupport.topics(stage, "Rain, then more rain.", field: "keywords") == [])
    #expect(
      try TagTopicsTestSupport.topics(stage, "Rain and storms.", field: "keywords") == ["rain"])
    #expect(
      try TagTopicsTestSupport.topics(stage, "Rain, rainy, raining.", field: "keywords") == ["rain"]
    )
  }

  @Test func noHeadlineBoostOrLengthScaling() throws {
    let stage = try KeywordsStage.make(["topics": ["x": ["terms": ["zebra"]]], "scores": true])
    let long =
      "Zebra\n\n"
      + Array(repeating: "Nothing happened today at all.", count: 200).joined(separator: " ")
    let (doc, _) = try stage.apply(to: long)
    #expect(doc["keywords_scores"] == ["x": 1])
  }

  @Test func excludesAndEvidence() throws {
    let stage = try KeywordsStage.make([
      "topics": ["apple": ["terms": ["apple{,s}"], "exclude": ["apple pie"]]], "evidence": true,
      "field": "brands",
    ])
    let (doc, _) = try stage.apply(to: "An apple pie and Apples.")
    #expect(doc["brands"] == ["apple"])
    let ev = try #require(doc["brands_evidence"]?.objectValue?["apple"]?.arrayValue)
    #expect(ev.count == 1)
    #expect(ev.first?.objectValue?["match"] == "Apples")
    #expect(ev.first?.objectValue?["start"] == 17)
  }

  @Test func negativeWeightsCountAgainst() throws {
    let stage = try KeywordsStage.make([
      "topics": [
        "jaguar-animal": [
          "terms": ["jaguar{,s}", ["terms": ["car{,s}", "dealer{,s}"], "weight": -1]]
        ]
      ]
    ])
    #expect(
      try TagTopicsTestSupport.topics(stage, "A jaguar in the forest.", field: "keywords") == [
        "jaguar-animal"
      ])
    #expect(
      try TagTopicsTestSupport.topics(stage, "A Jaguar dealer sells cars.", field: "keywords") == []
    )
  }

  @Test func taxonomyFileOption() throws {
    let dir = try TagTopicsTestSupport.write([
      "kw.json5": "{ topics: { tea: { terms: ['tea', 'chai'] } } }"
    ])
    let stage = try KeywordsStage.make(["taxonomy": "kw.json5"], baseDirectory: dir.path)
    #expect(try TagTopicsTestSupport.topics(stage, "Chai for two.", field: "keywords") == ["tea"])
  }

  @Test func badTermsAreReported() {
    #expect {
      try KeywordsStage.make(["topics": ["a": ["terms": ["ok", "{x"]]]])
    } throws: { error in
      (error as? OptionError)?.path == ["a", "terms", "1"]
    }
    #expect {
      try KeywordsStage.make(["topics": ["a": ["terms": [["term": "x", "weight": 0]]]]])
    } throws: { error in
      (error as? OptionError)?.path == ["a", "terms", "0", "weight"]
    }
  }
}
