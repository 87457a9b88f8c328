import Foundation
import PipelineCore
import Stages
import Testing

/// Throughput of strip-boilerplate on the dev set, for measuring by hand:
///
///     PIPE_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter StripBoilerplateBenchmark
///
/// Skipped unless `PIPE_BENCH` is set; it prints MB/s (the best of 10 passes, timed by the
/// thread's CPU clock so that other processes on a shared machine distort it less) and checks
/// only that the stage produced output, never a time (machines differ).
@Suite struct StripBoilerplateBenchmarkTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["PIPE_BENCH"] != nil))
  func throughputOnTheDevSet() throws {
    guard let documents = try BenchmarkSupport.devTexts() else { return }
    let bytes = documents.reduce(0) { $0 + $1.utf8.count }
    let stage = try StripBoilerplateStage.make()
    var context = StageContext()
    var best = Double.infinity
    var kept = 0
    for _ in 0..<10 {
      let start = BenchmarkSupport.threadCPUSeconds()
      kept = 0
      for text in documents {
        var document = Document(text: text)
        _ = try stage.process(&document, context: &context)
        kept += document.text.utf8.count
      }
      best = min(best, BenchmarkSupport.threadCPUSeconds() - start)
    }
    print(
      "strip-boilerplate: \(documents.count) documents, \(bytes) bytes, best of 10 (thread CPU): \(best) s, \(Double(bytes) / 1e6 / best) MB/s"
    )
    #expect(kept > 0 && kept < bytes)
  }
}
