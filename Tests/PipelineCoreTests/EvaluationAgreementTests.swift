import Foundation
import Testing

@testable import PipelineCore

/// The Swift scorer agrees with the reference scorer (`../shared/corpus/score.py --json`) on
/// every metric score.py reports, group by group. Skipped when python3 or ../shared is missing.
@Suite(
  .enabled(
    if: EvaluationTestSupport.corpus != nil && EvaluationTestSupport.python != nil,
    "needs python3 and ../shared/corpus/score.py beside the package"))
struct EvaluationAgreementTests {
  /// Runs score.py and the Swift scorer on the same files and compares every metric.
  private func expectAgreement(predictions: [JSONObject], gold: [JSONObject], by: String?) throws {
    let corpus = try #require(EvaluationTestSupport.corpus)
    let python = try #require(EvaluationTestSupport.python)
    let predictionsPath = try EvaluationTestSupport.temporaryFile(jsonLines(predictions))
    let goldPath = try EvaluationTestSupport.temporaryFile(jsonLines(gold))
    defer {
      try? FileManager.default.removeItem(atPath: predictionsPath)
      try? FileManager.default.removeItem(atPath: goldPath)
    }
    var arguments = [
      corpus.appendingPathComponent("score.py").path, predictionsPath, goldPath, "--json",
    ]
    if let by { arguments += ["--by", by] }
    let result = try EvaluationTestSupport.run(python, arguments)
    try #require(result.status == 0, "score.py failed: \(result.err)")
    let reference = try #require(try JSONParser.parse(result.out).objectValue)

    var set = PredictionSet()
    for p in predictions { set.add(p) }
    let ours = EvalReport(gold: gold, predictions: set, by: by, allTopics: true).json
    #expect(ours.keys == reference.keys, "groups differ")
    var compared = 0
    for (group, metrics) in reference {
      let mine = ours[group]?.objectValue ?? JSONObject()
      for (key, value) in metrics.objectValue ?? JSONObject() {
        compared += 1
        let got = mine[key] ?? .string("(missing)")
        #expect(
          same(got, value),
          "\(group) \(key): score.py \(JSONWriter.string(value)), pipe eval \(JSONWriter.string(got))"
        )
      }
    }
    #expect(compared > 0)
  }

  private func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
    if let x = a.doubleValue, let y = b.doubleValue { return x == y }
    return a == b
  }

  private func jsonLines(_ records: [JSONObject]) -> String {
    records.map { JSONWriter.string(.object($0)) + "\n" }.joined()
  }

  /// Hand-made traps: Unicode folding, EDTF dates, odd value types, duplicates, missing records.
  @Test func agreesOnTraps() throws {
    let gold: [JSONObject] = [
      [
        "id": "1", "date": "2023-07-03", "time": "12:37", "source": "QazMonitor",
        "aliases": ["The Qazaqstan Monitor"],
        "domain": nil, "topics": ["visa", "trade"], "topics_optional": [], "lang": "en",
        "with": ["Canada \u{201C}intends\u{201D} to expand", "co\u{AD}operation"],
        "without": ["1 min read", ""],
        "either": ["Astana"],
      ],
      [
        "id": "2", "date": "XXXX-12-04", "source": "The Astana Times", "domain": nil,
        "topics": ["legal"],
        "topics_optional": ["visa"], "lang": "en",
        "with": ["Prosecutor General \u{2013} Daulbayev"], "without": [],
      ],
      [
        "id": "3", "date": nil, "source": "Süddeutsche Zeitung", "domain": "sueddeutsche.de",
        "lang": "de",
        "with": nil, "without": nil,
      ],
      [
        "id": "4", "date": "2020-02-29", "source": "ΑΘΗΝΑΪΚΟΣ", "domain": "athina.gr", "lang": "el",
        "with": ["\u{FB01}nal words"], "without": ["Men\u{FC}"],
      ],
      [
        "id": "5", "date": "2019-01-01", "source": "Le Monde", "domain": "lemonde.fr", "lang": "fr",
      ],
      ["id": 6, "date": "2019-01-01", "source": "Número Uno", "domain": "numero.es", "lang": nil],
      [
        "id": "7", "date": "2019-01-01", "source": "Theatre Weekly", "domain": "theatreweekly.com",
        "lang": "en",
      ],
    ]
    let predictions: [JSONObject] = [
      [
        "id": "1", "date": "2023-07-03T12:37", "source": "Qazaqstan Monitor",
        "topics": ["visa", "space"],
        "text": "Astana\nCanada \"intends\"   to expand cooperation",
      ],
      [
        "id": "2", "date": "2014-12-04", "source": "ASTANA TIMES", "topics": "legal",
        "text": "Prosecutor General - Daulbayev",
      ],
      ["id": "3", "date": "2020-01-01", "source": "sueddeutsche", "topics": nil, "text": ""],
      [
        "id": "4", "date": 20_200_229, "source": "Αθηναϊκός", "topics": [],
        "text": "fi\u{AD}nal  words Menü",
      ],
      ["id": "5", "date": "", "source": "", "text": nil],
      ["id": "5", "date": "2019-01-01", "source": "LE-MONDE"],  // a later duplicate replaces the first
      ["id": "6", "date": "2019-01-01", "source": "numero"],  // "6" is not the gold id 6
      ["id": "7", "date": "2019-01-01 08:00", "source": "atreweekly"],
      ["id": "extra", "date": "2019-01-01"],
    ]
    try expectAgreement(predictions: predictions, gold: gold, by: "lang")
  }

  /// A third of the development corpus with predictions made from the gold by rules that give right, wrong,
  /// missing and odd answers, and texts cut in different ways.
  @Test func agreesOnTheDevelopmentCorpus() throws {
    let corpus = try #require(EvaluationTestSupport.corpus)
    // Every third document, to keep the test fast (score.py takes a second over all of them).
    let gold = try GoldSet.load(path: corpus.appendingPathComponent("dev.gold.jsonl").path).records
      .enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
    var texts: [String: String] = [:]
    try JSONLinesFile.forEachRecord(path: corpus.appendingPathComponent("dev.input.jsonl").path) {
      (r, _) in
      if let id = r["id"]?.stringValue, let text = r["text"]?.stringValue { texts[id] = text }
    }
    var predictions: [JSONObject] = []
    for (i, g) in gold.enumerated() where i % 11 != 10 {  // every 11th document has no record
      var p: JSONObject = ["id": g["id"] ?? .null]
      let date = g["date"]?.stringValue
      switch i % 6 {
      case 0: p["date"] = date.map(JSONValue.string) ?? .null
      case 1: p["date"] = date.map { .string($0 + "T10:00") } ?? "2020-02-02"
      case 2: p["date"] = .null
      case 3: p["date"] = "2001-01-01"
      case 4: break
      default: p["date"] = date.map { .string(String($0.prefix(8)) + "01") } ?? "2020-02-02"
      }
      let source = g["source"]?.stringValue ?? ""
      let domain = g["domain"]?.stringValue ?? ""
      switch i % 7 {
      case 0: p["source"] = .string(source)
      case 1: p["source"] = .string(source.uppercased())
      case 2: p["source"] = .string(domain)
      case 3: p["source"] = .string("The " + source)
      case 4: p["source"] = "Example News"
      case 5: p["source"] = .null
      default: p["source"] = .string(source.replacingOccurrences(of: " ", with: "-") + " Online")
      }
      let id = g["id"]?.stringValue ?? ""
      let lines = (texts[id] ?? "").split(separator: "\n", omittingEmptySubsequences: false)
      switch i % 3 {
      case 0: p["text"] = .string(texts[id] ?? "")
      case 1: p["text"] = .string(lines.prefix(lines.count / 2).joined(separator: "\n"))
      default:
        p["text"] = .string(
          lines.enumerated().filter { $0.offset % 3 == 0 }.map(\.element).joined(separator: "\n"))
      }
      predictions.append(p)
    }
    try expectAgreement(predictions: predictions, gold: gold, by: "lang")
  }

  /// The seed gold, with topics, optional topics, times and EDTF dates.
  @Test func agreesOnTheSeedGold() throws {
    let corpus = try #require(EvaluationTestSupport.corpus)
    let gold = try GoldSet.load(path: corpus.appendingPathComponent("seeds.gold.jsonl").path)
      .records
    let topicChoices: [JSONValue] = [["visa", "trade"], ["space", "trade"], ["legal"]]
    var predictions: [JSONObject] = []
    for (i, g) in gold.enumerated() {
      let with = (g["with"]?.arrayValue ?? []).compactMap(\.stringValue)
      let without = (g["without"]?.arrayValue ?? []).compactMap(\.stringValue)
      predictions.append([
        "id": g["id"] ?? .null,
        "date": i == 2 ? "2013-12-04" : .string((g["date"]?.stringValue ?? "") + "T12:37"),
        "source": i == 1 ? "KAZINFORM" : "Astana Times",
        "topics": topicChoices[i % topicChoices.count],
        "text": .string((with.dropLast() + without.prefix(1)).joined(separator: "\n")),
      ])
    }
    try expectAgreement(predictions: predictions, gold: gold, by: nil)
  }
}
