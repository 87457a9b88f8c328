import Foundation
import PipelineCore
import Stages
import Testing

/// Throughput of the matcher and of `tag-topics` on `topics.dev.jsonl` repeated to ~40 MB.
/// Skipped unless `PIPE_BENCH` is set; meaningful only in release mode:
///
///     PIPE_BENCH=1 swift test -c release --filter TagTopicsBenchmark
///
/// It prints MB/s (thread CPU time, best of five) and asserts nothing about speed.
@Suite(
  .enabled(if: ProcessInfo.processInfo.environment["PIPE_BENCH"] != nil, "set PIPE_BENCH=1 to run"))
struct TagTopicsBenchmark {
  static func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  static func corpus() throws -> (texts: [String], bytes: Int) {
    let records = try TagTopicsTestSupport.records(
      TagTopicsTestSupport.corpusFile("topics.dev.jsonl"))
    let once = records.compactMap { $0["text"]?.stringValue }
    let size = once.reduce(0) { $0 + $1.utf8.count }
    var texts: [String] = []
    for _ in 0..<max(1, 40_000_000 / max(size, 1)) { texts += once }
    return (texts, texts.reduce(0) { $0 + $1.utf8.count })
  }

  /// Best-of-five MB/s of `body` over `bytes`.
  static func measure(_ name: String, bytes: Int, _ body: () throws -> Int) rethrows -> Int {
    var best = Double.infinity
    var result = 0
    for _ in 0..<5 {
      let t0 = cpuSeconds()
      result = try body()
      best = min(best, cpuSeconds() - t0)
    }
    print("\(name): \(Int(Double(bytes) / best / 1e6)) MB/s")
    return result
  }

  @Test(
    .enabled(
      if: TagTopicsTestSupport.hasCorpusFile("topics.dev.jsonl"), "topics.dev.jsonl is missing"))
  func throughput() throws {
    let (texts, bytes) = try Self.corpus()
    let taxonomy = try TaxonomyFile.bundled.get()
    let patterns = taxonomy.topics.flatMap { ($0.terms + $0.exclude).flatMap(\.patterns) }
    let matcher = try AhoCorasick(patterns)
    let matches = Self.measure(
      "matcher, bundled taxonomy (\(patterns.count) patterns)", bytes: bytes
    ) {
      var n = 0
      for t in texts { matcher.forEachMatch(in: t) { _ in n += 1 } }
      return n
    }
    #expect(matches > 0)
    let stage = try TagTopicsStage.make()
    let tagged = try Self.measure("tag-topics stage", bytes: bytes) {
      var context = StageContext()
      var n = 0
      for t in texts {
        var doc = Document(text: t)
        _ = try stage.process(&doc, context: &context)
        n += doc["topics"]?.arrayValue?.count ?? 0
      }
      return n
    }
    #expect(tagged > 0)
  }
}
