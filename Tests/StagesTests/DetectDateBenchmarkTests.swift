import Foundation
import PipelineCore
import Stages
import Testing

/// Throughput of `detect-date` alone, on the dev corpus texts (or the seeds when the corpus is
/// missing). Skipped unless `PIPE_BENCH=1`; meaningful only in release mode:
///
///     PIPE_BENCH=1 swift test -c release --filter DetectDateBenchmark
///
/// It prints MB/s and never fails on a slow machine.
@Suite struct DetectDateBenchmarkTests {
  static let enabled = ProcessInfo.processInfo.environment["PIPE_BENCH"] == "1"

  static func texts() throws -> [String] {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let corpus = root.deletingLastPathComponent().appendingPathComponent(
      "shared/corpus/dev.input.jsonl")
    if let data = try? Data(contentsOf: corpus) {
      return try data.split(separator: UInt8(ascii: "\n")).compactMap {
        try JSONParser.parse(Array($0)).value.objectValue?["text"]?.stringValue
      }
    }
    let seeds = root.appendingPathComponent("seeds")
    return try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().map {
      try String(contentsOf: seeds.appendingPathComponent($0), encoding: .utf8)
    }
  }

  /// CPU time this thread has used, in seconds.
  static func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  @Test(.enabled(if: enabled, "set PIPE_BENCH=1 (and -c release) to measure throughput"))
  func throughput() throws {
    let texts = try Self.texts()
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    let stage = try DetectDateStage.make(["evidence": true])
    var context = StageContext()
    var dated = 0
    let rounds = max(1, 200_000_000 / max(bytes, 1))
    let clock = ContinuousClock()
    let cpuStart = Self.threadCPUSeconds()
    let elapsed = try clock.measure {
      for _ in 0..<rounds {
        for text in texts {
          var doc = Document(text: text)
          _ = try stage.process(&doc, context: &context)
          if doc.fields["date"] != .null { dated += 1 }
        }
      }
    }
    let cpu = Self.threadCPUSeconds() - cpuStart
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let total = Double(bytes * rounds) / 1_000_000
    // CPU time is what one core spends; wall time also counts waiting on a busy machine.
    print(
      "detect-date: \(texts.count) texts, \(bytes) bytes × \(rounds) rounds: "
        + "\(Int(total / cpu)) MB/s of CPU time, \(Int(total / wall)) MB/s wall")
    #expect(dated > 0)
  }
}
