import Foundation
import PipelineCore
import Stages
import Testing

/// The news pipeline's topics on the hand-labelled seeds and on `topics.dev.jsonl`, read from
/// `../shared/corpus` (the corpus is not part of the repository; these tests are skipped when it
/// is missing).
@Suite struct TagTopicsCorpusTests {
  static let four = ["visa", "trade", "legal", "space"]

  /// The bundled news pipeline, as `pipe run news` runs it.
  static func newsPipeline() throws -> Pipeline {
    try TagTopicsTestSupport.loader.load("news")
  }

  static func topics(_ pipeline: Pipeline, _ text: String) -> Set<String> {
    var doc = Document(text: text)
    var context = StageContext()
    _ = pipeline.process(&doc, context: &context)
    return Set(doc["topics"]?.arrayValue?.compactMap(\.stringValue) ?? []).intersection(four)
  }

  static func strings(_ value: JSONValue?) -> Set<String> {
    Set(value?.arrayValue?.compactMap(\.stringValue) ?? [])
  }

  /// The seed texts as the gold says they reach tag-topics: without the boilerplate lines the
  /// gold lists under `without` (what strip-boilerplate removes).
  static func strippedSeed(_ text: String, without: Set<String>) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !without.contains($0.trimmingCharacters(in: .whitespaces)) }
      .joined(separator: "\n")
  }

  @Test(
    .enabled(
      if: TagTopicsTestSupport.hasCorpusFile("seeds.gold.jsonl"),
      "../shared/corpus/seeds.gold.jsonl is missing"))
  func seeds() throws {
    let pipeline = try Self.newsPipeline()
    let seedsDir = TagTopicsTestSupport.packageRoot.appendingPathComponent("seeds")
    for gold in try TagTopicsTestSupport.records(
      TagTopicsTestSupport.corpusFile("seeds.gold.jsonl"))
    {
      let id = try #require(gold["id"]?.stringValue)
      let text = try String(contentsOf: seedsDir.appendingPathComponent(id), encoding: .utf8)
      let required = Self.strings(gold["topics"])
      let optional = Self.strings(gold["topics_optional"])
      let stripped = Self.strippedSeed(text, without: Self.strings(gold["without"]))
      let got = Self.topics(pipeline, stripped)
      #expect(required.isSubset(of: got), "\(id): missing \(required.subtracting(got).sorted())")
      #expect(
        got.isSubset(of: required.union(optional)),
        "\(id): wrong \(got.subtracting(required.union(optional)).sorted())")
      // The raw scraped text (boilerplate still in) never gets a wrong topic either.
      let raw = Self.topics(pipeline, text)
      #expect(
        raw.isSubset(of: required.union(optional)),
        "\(id) raw: wrong \(raw.subtracting(required.union(optional)).sorted())")
    }
  }

  @Test(
    .enabled(
      if: TagTopicsTestSupport.hasCorpusFile("topics.dev.jsonl"),
      "../shared/corpus/topics.dev.jsonl is missing"))
  func topicsDevFloors() throws {
    let pipeline = try Self.newsPipeline()
    var scores = TagTopicsTestSupport.Scores()
    let records = try TagTopicsTestSupport.records(
      TagTopicsTestSupport.corpusFile("topics.dev.jsonl"))
    #expect(records.count == 228)
    for r in records {
      let got = Self.topics(pipeline, r["text"]?.stringValue ?? "")
      scores.add(
        predicted: got, required: Self.strings(r["topics"]),
        optional: Self.strings(r["topics_optional"]),
        topics: Self.four)
    }
    for t in Self.four {
      #expect(scores.precision(t) >= 0.75, "\(t): precision \(scores.precision(t))")
      #expect(scores.recall(t) >= 0.7, "\(t): recall \(scores.recall(t))")
    }
    #expect(scores.microF1 >= 0.85, "micro F1 \(scores.microF1)")
  }

  @Test func scoresArithmetic() {
    var s = TagTopicsTestSupport.Scores()
    s.add(predicted: ["visa", "legal"], required: ["visa"], optional: ["legal"], topics: Self.four)
    s.add(predicted: ["trade"], required: ["space"], optional: [], topics: Self.four)
    s.add(predicted: ["space"], required: ["space"], optional: [], topics: Self.four)
    #expect(s.precision("visa") == 1)
    #expect(s.precision("legal") == 0)  // optional: neither right nor wrong
    #expect(s.precision("trade") == 0)
    #expect(s.recall("space") == 0.5)
    #expect(s.microPrecision == 2.0 / 3.0)
    #expect(s.microRecall == 2.0 / 3.0)
  }
}
