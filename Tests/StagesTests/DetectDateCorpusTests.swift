import Foundation
import PipelineCore
import Stages
import Testing

/// The package root (this file is `Tests/StagesTests/DetectDateCorpusTests.swift`).
private let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Reads a JSON Lines file as objects.
private func readJSONL(_ url: URL) throws -> [JSONObject] {
  let data = try Data(contentsOf: url)
  var out: [JSONObject] = []
  for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
    if let object = try JSONParser.parse(Array(line)).value.objectValue { out.append(object) }
  }
  return out
}

@Suite struct DetectDateSeedTests {
  /// The seed articles' gold dates (`../shared/corpus/seeds.gold.jsonl`).
  @Test(arguments: [
    ("000_c63e95f784f01494.txt", "2023-07-03T12:37"),
    ("003_70a3e5ae23e05a3d.txt", "2018-12-05"),
    ("004_67671d446af0c353.txt", "XXXX-12-04"),
  ])
  func seedGoldDates(_ file: String, _ expected: String) throws {
    let url = packageRoot.appendingPathComponent("seeds").appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    let (doc, _) = try DetectDateStage.make().apply(to: text, fields: ["id": .string(file)])
    #expect(doc.fields["date"]?.stringValue == expected)
  }
}

@Suite struct DetectDateDevSetTests {
  static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/corpus")

  /// Exact-day accuracy over the dated gold documents, and the share of undated gold documents
  /// given a date anyway.
  static func score(withURL: Bool) throws -> (accuracy: Double, undatedAnswered: Double) {
    let inputs = try readJSONL(corpus.appendingPathComponent("dev.input.jsonl"))
    let gold = try readJSONL(corpus.appendingPathComponent("dev.gold.jsonl"))
    var goldByID: [String: JSONObject] = [:]
    for g in gold { if let id = g["id"]?.stringValue { goldByID[id] = g } }
    let stage = try DetectDateStage.make()
    var dated = 0
    var right = 0
    var undated = 0
    var answered = 0
    for input in inputs {
      guard let id = input["id"]?.stringValue, let g = goldByID[id] else { continue }
      var fields: JSONObject = ["id": .string(id)]
      if withURL, let url = g["url"]?.stringValue { fields["url"] = .string(url) }
      let (doc, _) = try stage.apply(to: input["text"]?.stringValue ?? "", fields: fields)
      let predicted = doc.fields["date"]?.stringValue
      if let goldDate = g["date"]?.stringValue {
        dated += 1
        if let p = predicted, sameDay(p, goldDate) { right += 1 }
      } else {
        undated += 1
        if predicted != nil { answered += 1 }
      }
    }
    return (Double(right) / Double(max(dated, 1)), Double(answered) / Double(max(undated, 1)))
  }

  /// score.py's rule: the first 10 characters, an `X` in the gold matching anything.
  static func sameDay(_ predicted: String, _ gold: String) -> Bool {
    let p = Array(predicted.utf8.prefix(10))
    let g = Array(gold.utf8)
    guard p.count == 10, g.count == 10 else { return false }
    return zip(p, g).allSatisfy { $1 == UInt8(ascii: "X") || $0 == $1 }
  }

  static var corpusPresent: Bool {
    FileManager.default.fileExists(atPath: corpus.appendingPathComponent("dev.gold.jsonl").path)
  }

  @Test(.enabled(if: corpusPresent, "../shared/corpus is missing: dev-set accuracy not checked"))
  func accuracyFromTheTextAlone() throws {
    let (accuracy, undatedAnswered) = try Self.score(withURL: false)
    #expect(accuracy >= 0.82, "date accuracy \(accuracy), undated answered \(undatedAnswered)")
  }

  @Test(.enabled(if: corpusPresent, "../shared/corpus is missing: dev-set accuracy not checked"))
  func accuracyWithTheURL() throws {
    let (accuracy, undatedAnswered) = try Self.score(withURL: true)
    #expect(accuracy >= 0.88, "date accuracy \(accuracy), undated answered \(undatedAnswered)")
  }
}
