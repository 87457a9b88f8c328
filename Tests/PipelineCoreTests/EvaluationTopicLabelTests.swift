import PipelineCore
import Testing

@Suite struct EvaluationTopicLabelTests {
  @Test func topicsOutsideTheGoldLabelsAreNotCounted() {
    let gold: [JSONObject] = [
      ["id": "a", "topics": ["visa"]], ["id": "b", "topics": [], "topics_optional": ["trade"]],
    ]
    let labels = TopicScore.vocabulary(of: gold)
    #expect(labels == ["visa", "trade"])
    var limited = TopicScore(labels: labels)
    var all = TopicScore()
    let predictions: [JSONObject] = [["id": "a", "topics": ["visa", "diplomacy"]], ["id": "b", "topics": ["sport"]]]
    for (g, p) in zip(gold, predictions) {
      limited.add(gold: g, prediction: p)
      all.add(gold: g, prediction: p)
    }
    #expect(limited.falsePositives == 0 && limited.exact == 2)
    #expect(all.falsePositives == 2 && all.exact == 0)
  }
}
