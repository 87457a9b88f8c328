import Foundation
import PipelineCore

/// Shared by the opt-in stage benchmarks (`PIPE_BENCH=1 swift test -c release --filter …Benchmark`).
enum BenchmarkSupport {
  /// CPU seconds used by this thread: steadier than the wall clock on a shared machine.
  static func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// The texts of `../shared/corpus/dev.input.jsonl`, or `nil` (with a message) when it is missing.
  static func devTexts() throws -> [String]? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let input = root.appendingPathComponent("shared/corpus/dev.input.jsonl")
    guard let text = try? String(contentsOf: input, encoding: .utf8) else {
      print("skipped: \(input.path) is missing")
      return nil
    }
    return try text.split(separator: "\n").compactMap {
      try JSONParser.parse(String($0)).objectValue?["text"]?.stringValue
    }
  }
}
