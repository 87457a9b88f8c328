import Testing

@testable import PipelineCore

/// Which fields are scored, groups (`--by`), the JSON shape and the table.
@Suite struct EvaluationReportTests {
  let gold: [JSONObject] = [
    [
      "id": "1", "date": "2020-01-01", "source": "Der Spiegel", "domain": "spiegel.de",
      "lang": "de",
    ],
    ["id": "2", "date": "2020-01-02", "source": "BBC", "domain": "bbc.co.uk", "lang": "en"],
    ["id": "3", "date": nil, "source": "Die Zeit", "domain": "zeit.de", "lang": "de"],
    ["id": "4", "date": "2020-01-04", "source": "El País", "domain": "elpais.com", "lang": "es"],
    ["id": "5", "date": "2020-01-05", "source": "Le Monde", "domain": "lemonde.fr"],
  ]

  var predictions: PredictionSet {
    PredictionSet([
      ["id": "1", "date": "2020-01-01", "source": "SPIEGEL"],
      ["id": "2", "date": "2020-01-02", "source": "BBC News"],
      ["id": "3", "date": "2020-01-03", "source": "zeit"],
      ["id": "5", "date": nil, "source": "lemonde.fr", "text": "x"],
      ["id": "99", "date": "2020-01-01"],  // not in the gold
    ])
  }

  @Test func fieldsScoredAreThoseBothSidesHave() {
    let fields = ScoredFields(gold: gold, predictionFields: predictions.fields)
    #expect(fields == ScoredFields(date: true, source: true))  // no topics key in the gold, no snippets
    #expect(ScoredFields(gold: gold, predictionFields: ["id", "text"]) == ScoredFields())
  }

  @Test func allDocumentsThenGroupsLargestFirst() throws {
    let report = EvalReport(gold: gold, predictions: predictions, by: "lang")
    #expect(report.groups.map(\.name) == ["all", "lang=de", "lang=en", "lang=es", "lang=None"])
    let all = report.groups[0].scores
    #expect(all.documents == 5 && all.answered == 4)
    #expect(all.date?.accuracy == Share(2, of: 4))
    #expect(all.date?.falseDates == Share(1, of: 1))
    #expect(all.source?.accuracy == Share(3, of: 5))  // 1, 3 and 5 right; "BBC News" is not "BBC"
    let de = report.groups[1].scores
    #expect(de.documents == 2 && de.source?.right == 2)
    #expect(report.unknownIDs == 1)
  }

  @Test func groupsOfEqualSizeKeepTheirFirstAppearanceOrder() {
    let records: [JSONObject] = [
      ["id": "1", "k": "b"], ["id": "2", "k": "a"], ["id": "3", "k": "a"], ["id": "4", "k": "c"],
    ]
    #expect(EvalReport.grouped(records, by: "k").map(\.0) == ["a", "b", "c"])
    #expect(EvalReport.grouped(records, by: "missing").map(\.0) == ["None"])
  }

  @Test func jsonHasTheReferenceScorerShape() {
    let json = EvalReport(gold: gold, predictions: predictions, by: "lang").json
    #expect(json.keys == ["all", "lang=de", "lang=en", "lang=es", "lang=None"])
    let all = json["all"]?.objectValue
    #expect(
      all?.keys == [
        "documents", "answered", "date_gold", "date_accuracy", "date_coverage", "date_precision",
        "date_undated_gold", "date_undated_given", "source_gold", "source_accuracy",
        "source_coverage",
      ])
    #expect(all?["date_accuracy"] == .number("0.5"))
    #expect(all?["source_accuracy"] == .number("0.6"))
    #expect(json["lang=es"]?.objectValue?["date_precision"] == .null)  // nothing given: no value
  }

  @Test func tableListsEachMetricWithItsCount() {
    let table = EvalReport(gold: gold, predictions: predictions).table
    let lines = table.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("field") == true)
    #expect(
      lines.contains {
        $0.hasPrefix("date") && $0.contains("accuracy") && $0.hasSuffix("0.5000      4")
      })
    #expect(
      lines.contains {
        $0.hasPrefix("source") && $0.contains("accuracy") && $0.hasSuffix("0.6000      5")
      })
    #expect(lines.contains { $0.contains("dated, gold has none") && $0.hasSuffix("1.0000      1") })
  }

  @Test func fieldsTheGoldHasButNoRecordCarriesAreNamed() {
    let report = EvalReport(gold: gold, predictions: PredictionSet([["id": "1", "source": "x"]]))
    #expect(report.unscored == ["date"])
    #expect(report.table.hasSuffix("\nnot scored (no record carries the field): date"))
  }

  @Test func tableSaysWhenNothingCanBeScored() {
    let table = EvalReport(gold: gold, predictions: PredictionSet([["id": "1", "text": "x"]])).table
    #expect(
      table == "nothing to score: no record carries a field the gold can score (date, source)")
  }
}
