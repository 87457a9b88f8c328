import Testing

@testable import PipelineCore

/// Boilerplate scores in trafilatura's convention on tiny documents.
@Suite struct EvaluationTextTests {
  @Test func keptRemovedPrecisionAndF1() throws {
    let gold: [JSONObject] = [
      [
        "id": "a", "with": ["The minister said “yes”.", "Talks go on."],
        "without": ["Share on Facebook", "© 2023 Example News"], "either": ["Astana, 3 July"],
      ],
      ["id": "b", "with": ["Only line."], "without": []],
      ["id": "c", "with": nil, "without": nil],  // no snippets: not counted
      ["id": "d", "with": ["Lost."], "without": ["Menu"]],  // no record: every snippet missed
    ]
    let predictions = PredictionSet([
      [
        "id": "a",
        "text":
          "Astana, 3 July\nThe minister said \"yes\".\nShare on\n  Facebook\n© 2023 Example News",
      ],
      ["id": "b", "text": "Only   line.\n"],
      ["id": "c", "text": "anything"],
    ])
    let text = try #require(
      EvalScores(gold: gold, predictions: predictions, fields: ScoredFields(text: true)).text)
    #expect(text.documents == 3)
    // a: 1 with kept, 1 lost; both without left in. b: kept. d: lost, its "Menu" counts as removed.
    #expect(text.truePositives == 2 && text.falseNegatives == 2)
    #expect(text.falsePositives == 2 && text.trueNegatives == 1)
    #expect(text.withKept.formatted == "0.5000")
    #expect(text.withoutRemoved.formatted == "0.3333")
    #expect(text.precision.formatted == "0.5000")
    #expect(text.f1.formatted == "0.5000")  // 2*2 / (2*2 + 2 + 2)
    #expect(text.accuracy.formatted == "0.4286")
    let json = EvalScores(gold: gold, predictions: predictions, fields: ScoredFields(text: true))
      .json
    #expect(
      json.keys == [
        "documents", "answered", "snippet_docs", "with_kept", "without_removed", "precision", "f1",
        "accuracy", "tp", "fp", "fn", "tn",
      ])
  }

  @Test func eitherLinesDoNotCount() throws {
    let gold: [JSONObject] = [
      ["id": "a", "with": ["Body."], "without": [], "either": ["Dateline"]]
    ]
    for output in ["Dateline\nBody.", "Body."] {
      let text = try #require(
        EvalScores(
          gold: gold, predictions: PredictionSet([["id": "a", "text": .string(output)]]),
          fields: ScoredFields(text: true)
        ).text)
      #expect(text.snippets == 1 && text.truePositives == 1)
    }
  }

  @Test func textIsKeptOnlyForDocumentsWithSnippets() {
    var set = PredictionSet(keepingTextFor: [EvalID.key("a")])
    set.add(["id": "a", "text": "kept", "date": "2020-01-01"])
    set.add(["id": "b", "text": "not kept", "url": "https://example.org/"])
    #expect(set.record(id: "a")?["text"] == "kept")
    #expect(set.record(id: "b")?["text"] == nil)
    #expect(set.fields == ["id", "text", "date", "url"])
  }
}
