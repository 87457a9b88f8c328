import Foundation
import PipelineCore
import Stages
import Testing

/// Throughput of detect-source (text only, no URL) on the dev set, for measuring by hand:
///
///     PIPE_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter DetectSourceBenchmark
///
/// Skipped unless `PIPE_BENCH` is set; it prints MB/s of wall time and of the thread's CPU time
/// (steadier on a busy machine) and checks only that names were found, never a time.
@Suite struct DetectSourceBenchmarkTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["PIPE_BENCH"] != nil))
  func throughputOnTheDevSet() throws {
    guard let documents = try BenchmarkSupport.devTexts() else { return }
    let bytes = documents.reduce(0) { $0 + $1.utf8.count }
    let stage = try DetectSourceStage.make()
    var context = StageContext()
    var best = Double.infinity
    var bestCPU = Double.infinity
    var named = 0
    for _ in 0..<10 {
      let start = Date()
      let cpuStart = BenchmarkSupport.threadCPUSeconds()
      named = 0
      for text in documents {
        var document = Document(text: text)
        _ = try stage.process(&document, context: &context)
        if document.fields["source"]?.stringValue != nil { named += 1 }
      }
      best = min(best, Date().timeIntervalSince(start))
      bestCPU = min(bestCPU, BenchmarkSupport.threadCPUSeconds() - cpuStart)
    }
    print(
      "detect-source: \(documents.count) documents, \(bytes) bytes, best of 10: \(best) s, \(Double(bytes) / 1e6 / best) MB/s; CPU time \(bestCPU) s, \(Double(bytes) / 1e6 / bestCPU) MB/s; named \(named)"
    )
    #expect(named > 0)
  }

  /// CPU time used by the calling thread so far.
}
