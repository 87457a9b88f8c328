import Foundation
import Testing

@testable import PipelineCore

/// A stage whose init waits `delayMs`, then fails when `fail` is set: lets a test make a later
/// stage finish building before an earlier one.
private struct SlowInitStage: Stage {
  static let name = "slow"
  static let summary = "Waits in init, then fails on request."
  static let options: [OptionSpec] = [
    .init("delayMs", .integer, default: 0, help: "milliseconds to wait in init"),
    .init("fail", .string, help: "fail init with this message"),
  ]
  let delayMs: Int
  init(options: StageOptions) throws {
    delayMs = options.int("delayMs") ?? 0
    if delayMs > 0 { usleep(UInt32(delayMs * 1000)) }
    if let message = options.string("fail") { throw OptionError(option: "fail", message) }
  }
  func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    document["built-after-ms"] = .number(String(delayMs))
    return .keep
  }
}

@Suite struct ConcurrentBuildTests {
  let registry = StageRegistry([SlowInitStage.self, SetTagStage.self, WordFileStage.self])

  func diagnostics(_ text: String) -> [String] {
    let dir = TempDir()
    let path = dir.write("p.json5", text)
    let loader = PipelineLoader(
      registry: registry, locator: PipelineLocator(directories: [(dir.path, "test")], bundled: [:]))
    do {
      _ = try loader.load(path)
      return []
    } catch {
      return error.diagnostics.map { $0.description.replacingOccurrences(of: dir.path + "/", with: "") }
    }
  }

  @Test func twoBadStagesAreReportedInFileOrderEvenWhenTheLaterFailsFirst() {
    // The first stage takes 60 ms to fail, the third fails at once: on two threads the third's
    // error exists first, but the report follows the file.
    let d = diagnostics(
      """
      {
        stages: [
          { stage: 'slow', options: { delayMs: 60, fail: 'first' } },
          { stage: 'slow' },
          { stage: 'slow', options: { fail: 'third' } },
        ],
      }
      """)
    #expect(
      d == [
        #"p.json5:3:46: error: stages[0] (slow): option "fail": first"#,
        #"p.json5:5:33: error: stages[2] (slow): option "fail": third"#,
      ])
  }

  @Test func checkProblemsAndBuildErrorsInterleaveByStage() {
    // stage 0: an option check problem (not built); stage 1: a build error; stage 2: a
    // duplicate label, then its build error; stage 3: fine.
    let d = diagnostics(
      """
      {
        stages: [
          { stage: 'set-tag', options: { value: 1 } },
          { stage: 'word-file', options: { file: 'missing.txt' }, label: 'x' },
          { stage: 'slow', label: 'x', options: { delayMs: 30, fail: 'late' } },
          { stage: 'slow' },
        ],
      }
      """)
    #expect(d.count == 4, "\(d)")
    #expect(d[0].hasPrefix("p.json5:3:36: error: stages[0] (set-tag): option \"value\" of set-tag expects string"))
    #expect(d[1].hasPrefix("p.json5:4:38: error: stages[1] (word-file): option \"file\": file not found:"))
    #expect(d[2] == #"p.json5:5:14: error: stages[2] (slow): label "x" is already used at line 4"#)
    #expect(d[3] == #"p.json5:5:58: error: stages[2] (slow): option "fail": late"#)
  }

  @Test func stagesKeepFileOrderWhenBuiltConcurrently() throws {
    let dir = TempDir()
    dir.write(
      "p.json5",
      """
      { stages: [
        { stage: 'slow', options: { delayMs: 40 }, label: 'a' },
        { stage: 'set-tag', options: { value: 'v' } },
        { stage: 'slow', options: { delayMs: 0 }, label: 'b' },
      ] }
      """)
    let loader = PipelineLoader(
      registry: registry, locator: PipelineLocator(directories: [(dir.path, "test")], bundled: [:]))
    let p = try loader.load("p")
    #expect(p.steps.map(\.label) == ["a", "set-tag", "b"])
    #expect(p.steps.map(\.index) == [0, 1, 2])
    var doc = Document(text: "x")
    var ctx = StageContext()
    _ = p.process(&doc, context: &ctx)
    #expect(doc["tag"] == "v")
    #expect(doc["built-after-ms"] == .number("0"))
  }

  @Test(arguments: [1, 2, 3, 8])
  func mapGivesResultsInIndexOrderAndCallsEachIndexOnce(threads: Int) {
    for count in [0, 1, 2, 5, 100] {
      let calls = Lock()
      nonisolated(unsafe) var seen: [Int] = []
      let squares = ConcurrentMap.map(count: count, threads: threads) { i -> Int in
        calls.withLock { seen.append(i) }
        return i * i
      }
      #expect(squares == (0..<count).map { $0 * $0 })
      #expect(seen.sorted() == Array(0..<count))
    }
  }

  @Test func mapOnOneThreadRunsInIndexOrderOnTheCallingThread() {
    nonisolated(unsafe) var order: [Int] = []
    let caller = pthread_self()
    let sameThread = ConcurrentMap.map(count: 4, threads: 1) { i -> Bool in
      order.append(i)
      return pthread_equal(pthread_self(), caller) != 0
    }
    #expect(order == [0, 1, 2, 3])
    #expect(sameThread == [true, true, true, true])
  }

  @Test func mapRunsOnSeveralThreadsAtOnce() {
    // Each call waits (up to 5 s) until both calls have started: on one thread the first call
    // would give up and report false.
    let lock = Lock()
    nonisolated(unsafe) var arrived = 0
    let metTheOther = ConcurrentMap.map(count: 2, threads: 2) { _ -> Bool in
      lock.withLock { arrived += 1 }
      for _ in 0..<5000 {
        if lock.withLock({ arrived }) == 2 { return true }
        usleep(1000)
      }
      return false
    }
    #expect(metTheOther == [true, true])
  }
}
