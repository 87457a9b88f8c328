import Foundation
import PipelineCore
import Stages
import Testing

/// Shared helpers for the `tag-topics` and `keywords` tests.
enum TagTopicsTestSupport {
  /// The package root (three levels above this file).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared/corpus` next to the package, where the corpus lives (not in the repository).
  static let corpus: URL = packageRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/corpus")

  static func corpusFile(_ name: String) -> URL { corpus.appendingPathComponent(name) }

  static func hasCorpusFile(_ name: String) -> Bool {
    FileManager.default.fileExists(atPath: corpusFile(name).path)
  }

  /// The records of a JSON Lines file.
  static func records(_ url: URL) throws -> [JSONObject] {
    let text = try String(contentsOf: url, encoding: .utf8)
    return try text.split(separator: "\n").compactMap { line in
      try JSONParser.parse(String(line)).objectValue
    }
  }

  /// The topics `stage` gives `text` (the `topics` field, or `field`).
  static func topics(
    _ stage: some Stage, _ text: String, fields: JSONObject = [:], field: String = "topics"
  ) throws -> [String] {
    let (doc, _) = try stage.apply(to: text, fields: fields)
    return doc.fields[field]?.arrayValue?.compactMap(\.stringValue) ?? []
  }

  /// The default tagger, built once for all tests.
  static let defaultStage: TagTopicsStage = {
    do { return try TagTopicsStage.make() } catch {
      fatalError("the default tag-topics stage does not build: \(error)")
    }
  }()

  /// A pipeline loader with the built-in stages and bundled pipelines.
  static let loader = PipelineLoader(
    registry: BuiltinStages.registry,
    locator: PipelineLocator(directories: [], bundled: BuiltinStages.bundledPipelines))

  /// A fresh temporary directory.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pipe-topics-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes `files` (name → content) into a temporary directory and returns it.
  static func write(_ files: [String: String]) throws -> URL {
    let dir = try temporaryDirectory()
    for (name, content) in files {
      try content.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return dir
  }

  /// Per-topic and micro precision, recall and F1 of predicted against gold labels, where a
  /// topic in the optional list counts as neither right nor wrong (as in TOPICS.md).
  struct Scores {
    var truePositives: [String: Int] = [:]
    var falsePositives: [String: Int] = [:]
    var falseNegatives: [String: Int] = [:]

    mutating func add(
      predicted: Set<String>, required: Set<String>, optional: Set<String>, topics: [String]
    ) {
      for t in topics where !optional.contains(t) {
        switch (predicted.contains(t), required.contains(t)) {
        case (true, true): truePositives[t, default: 0] += 1
        case (true, false): falsePositives[t, default: 0] += 1
        case (false, true): falseNegatives[t, default: 0] += 1
        case (false, false): break
        }
      }
    }

    func precision(_ t: String) -> Double {
      ratio(truePositives[t, default: 0], falsePositives[t, default: 0])
    }
    func recall(_ t: String) -> Double {
      ratio(truePositives[t, default: 0], falseNegatives[t, default: 0])
    }
    func f1(_ t: String) -> Double { harmonic(precision(t), recall(t)) }

    var microPrecision: Double {
      ratio(truePositives.values.reduce(0, +), falsePositives.values.reduce(0, +))
    }
    var microRecall: Double {
      ratio(truePositives.values.reduce(0, +), falseNegatives.values.reduce(0, +))
    }
    var microF1: Double { harmonic(microPrecision, microRecall) }

    private func ratio(_ tp: Int, _ other: Int) -> Double {
      tp + other == 0 ? 0 : Double(tp) / Double(tp + other)
    }
    private func harmonic(_ p: Double, _ r: Double) -> Double {
      p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
  }
}
