import Testing

@testable import PipelineCore

/// Date and time-of-day scores on tiny hand-made sets: gold + predictions → numbers.
@Suite struct EvaluationDateTests {
  @Test(arguments: [
    ("2023-07-03", "2023-07-03", true),
    ("2023-07-03T12:37:00+06:00", "2023-07-03", true),  // only the first 10 characters count
    ("2023-07-04", "2023-07-03", false),
    ("2023-12-04", "XXXX-12-04", true),  // EDTF: X matches anything
    ("1999-12-04", "XXXX-12-04", true),
    ("2023-11-04", "XXXX-12-04", false),
    ("2023-07", "2023-07-03", false),  // too short
    ("2023-07-03", "2023-07", false),
    ("03.07.2023", "2023-07-03", false),
  ])
  func sameDay(prediction: String, gold: String, same: Bool) {
    #expect(DateScore.sameDay(prediction, gold) == same)
  }

  @Test func accuracyCoveragePrecisionAndFalseDates() throws {
    let gold: [JSONObject] = [
      ["id": "a", "date": "2020-01-01"],
      ["id": "b", "date": "2020-01-02"],
      ["id": "c", "date": "2020-01-03"],
      ["id": "d", "date": "XXXX-05-06"],
      ["id": "e", "date": nil],
      ["id": "f", "date": nil],
      ["id": "g"],  // no date key: undated as well
    ]
    let predictions = PredictionSet([
      ["id": "a", "date": "2020-01-01"],  // right
      ["id": "b", "date": "2020-01-03"],  // wrong
      ["id": "c", "date": nil],  // no answer
      ["id": "d", "date": "2011-05-06T08:00"],  // right
      ["id": "e", "date": "2019-01-01"],  // dated though the gold has none
      ["id": "f", "date": ""],  // empty is no answer
      // g: no record at all
    ])
    let scores = EvalScores(gold: gold, predictions: predictions, fields: ScoredFields(date: true))
    let date = try #require(scores.date)
    #expect(date.dated == 4 && date.given == 3 && date.right == 2)
    #expect(date.accuracy == Share(2, of: 4))
    #expect(date.coverage == Share(3, of: 4))
    #expect(date.precision == Share(2, of: 3))
    #expect(date.undated == 3 && date.undatedGiven == 1)
    #expect(date.falseDates.formatted == "0.3333")
    #expect(scores.answered == 6)
    #expect(scores.json["date_accuracy"] == .number("0.5"))
    #expect(scores.json["date_undated_given"] == .number("0.3333"))
  }

  @Test(arguments: [
    ("2023-07-03T12:37", "12:37"), ("2023-07-03 12:37", "12:37"), ("2023-07-03T12:37:59Z", "12:37"),
  ])
  func timeOfDay(value: String, time: String) {
    #expect(TimeScore.timeOfDay(value) == time)
  }

  @Test(arguments: ["2023-07-03", "2023-07-03T", "2023-07-03T1237", "2023-07-03Tab:cd"])
  func noTimeOfDay(value: String) {
    #expect(TimeScore.timeOfDay(value) == nil)
  }

  @Test func timeAccuracyNeedsTheDayAndTheTime() throws {
    let gold: [JSONObject] = [
      ["id": "a", "date": "2023-07-03", "time": "12:37"],
      ["id": "b", "date": "2023-07-03", "time": "09:05"],
      ["id": "c", "date": "2023-07-03", "time": "18:00"],
      ["id": "d", "date": "2023-07-03", "time": "18:00"],
      ["id": "e", "date": "2018-12-05", "time": nil],  // not timed: not counted
    ]
    let predictions = PredictionSet([
      ["id": "a", "date": "2023-07-03T12:37"],  // right
      ["id": "b", "date": "2023-07-04T09:05"],  // right time, wrong day
      ["id": "c", "date": "2023-07-03"],  // no time given
      ["id": "d", "date": "2023-07-03T18:01"],  // wrong minute
      ["id": "e", "date": "2018-12-05T10:00"],
    ])
    let fields = ScoredFields(gold: gold, predictionFields: predictions.fields)
    #expect(fields.time && fields.date)
    let time = try #require(EvalScores(gold: gold, predictions: predictions, fields: fields).time)
    #expect(time.timed == 4 && time.given == 3 && time.right == 1)
    #expect(time.accuracy.formatted == "0.2500")
    #expect(time.coverage.formatted == "0.7500")
  }

  @Test func timeIsNotScoredWithoutGoldTimes() {
    let gold: [JSONObject] = [["id": "a", "date": "2023-07-03", "time": nil]]
    let fields = ScoredFields(gold: gold, predictionFields: ["id", "date"])
    #expect(fields.date && !fields.time)
  }
}
