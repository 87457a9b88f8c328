import Testing

@testable import PipelineCore

/// Topic scores: exact rate, micro precision/recall/F1 without optional topics, per topic.
@Suite struct EvaluationTopicTests {
  let gold: [JSONObject] = [
    ["id": "1", "topics": ["visa", "trade", "legal"], "topics_optional": []],
    ["id": "2", "topics": ["space"], "topics_optional": ["trade"]],
    ["id": "3", "topics": ["legal", "visa"], "topics_optional": []],
    ["id": "4", "topics": [], "topics_optional": []],
  ]

  @Test func exactMicroAndPerTopic() throws {
    let predictions = PredictionSet([
      ["id": "1", "topics": ["visa", "trade", "legal"]],  // exact
      ["id": "2", "topics": ["space", "trade"]],  // exact: trade is optional, not a false positive
      ["id": "3", "topics": ["legal", "space"]],  // misses visa, space is a false positive
      ["id": "4", "topics": []],  // exact: nothing required, nothing given
    ])
    let topics = try #require(
      EvalScores(gold: gold, predictions: predictions, fields: ScoredFields(topics: true)).topics)
    #expect(topics.documents == 4 && topics.exact == 3)
    #expect(topics.truePositives == 5 && topics.falsePositives == 1 && topics.falseNegatives == 1)
    #expect(topics.exactRate.formatted == "0.7500")
    #expect(topics.precision.formatted == "0.8333")
    #expect(topics.recall.formatted == "0.8333")
    #expect(topics.f1.formatted == "0.8333")
    #expect(topics.perTopic["visa"] == counts(tp: 1, fp: 0, fn: 1))
    #expect(topics.perTopic["space"] == counts(tp: 1, fp: 1, fn: 0))
    #expect(topics.perTopic["legal"] == counts(tp: 2, fp: 0, fn: 0))
    #expect(topics.perTopic["trade"] == counts(tp: 1, fp: 0, fn: 0))
    #expect(topics.perTopic["visa"]?.recall.formatted == "0.5000")
    #expect(topics.perTopic["space"]?.precision.formatted == "0.5000")
  }

  @Test func perTopicTable() throws {
    let predictions = PredictionSet([
      ["id": "1", "topics": ["visa", "trade", "legal"]],
      ["id": "3", "topics": ["legal", "space"]],
    ])
    let topics = try #require(
      EvalScores(gold: gold, predictions: predictions, fields: ScoredFields(topics: true)).topics)
    #expect(
      topics.perTopicTable == [
        "topic   precision  recall      f1  given  gold",
        "legal      1.0000  1.0000  1.0000      2     2",
        "space      0.0000  0.0000  0.0000      1     1",  // given in 3 where not required, missed in 2
        "trade      1.0000  1.0000  1.0000      1     1",
        "visa       1.0000  0.5000  0.6667      1     2",
      ])
  }

  @Test func missingRecordsAndNullTopicsAreNoAnswer() throws {
    let predictions = PredictionSet([["id": "1", "topics": nil], ["id": "4", "topics": ["visa"]]])
    let topics = try #require(
      EvalScores(gold: gold, predictions: predictions, fields: ScoredFields(topics: true)).topics)
    // 1, 2, 3 miss all their topics; 4 gets a topic it must not have.
    #expect(topics.exact == 0)
    #expect(topics.truePositives == 0 && topics.falsePositives == 1 && topics.falseNegatives == 6)
    #expect(topics.precision == Share(0, of: 1) && topics.recall == Share(0, of: 6))
  }

  @Test func aStringIsASetOfCharactersAsInPython() {
    #expect(TopicScore.topics("ab") == ["a", "b"])
    #expect(TopicScore.topics(["visa", "visa"]) == ["visa"])
    #expect(TopicScore.topics(nil).isEmpty && TopicScore.topics(.null).isEmpty)
    #expect(TopicScore.topics([1]) == ["1"])
  }

  @Test func goldWithoutTopicsMeansNoTopicsScored() {
    let fields = ScoredFields(
      gold: [["id": "1", "date": nil]], predictionFields: ["id", "topics"])
    #expect(!fields.topics)
  }

  private func counts(tp: Int, fp: Int, fn: Int) -> TopicScore.Counts {
    var c = TopicScore.Counts()
    c.truePositives = tp
    c.falsePositives = fp
    c.falseNegatives = fn
    return c
  }
}
