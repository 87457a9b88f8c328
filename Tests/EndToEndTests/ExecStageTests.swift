import Foundation
import Testing

/// The `exec` stage with real Python programs, on the built binary.
@Suite(.serialized) struct ExecStageTests {
  let plugin = PipeBinary.packageRoot + "/Tests/Fixtures/exec/test_plugin.py"

  func pipeline(_ s: Scratch, timeoutMs: Int = 5000) -> String {
    s.write(
      "exec.json5",
      "{ stages: [{ stage: 'exec', options: { command: ['python3', '\(plugin)'], timeoutMs: \(timeoutMs), maxRestarts: 3 } }] }"
    )
  }

  func input(_ n: Int, special: [Int: String] = [:]) -> String {
    (0..<n).map { #"{"id":\#($0),"text":"doc \#($0) \#(special[$0] ?? "")"}"# }.joined(separator: "\n") + "\n"
  }

  @Test func orderIsKeptOverAThousandDocuments() throws {
    let s = Scratch()
    let r = try PipeBinary.run(
      ["run", pipeline(s), "--allow-exec", "--jobs", "2", "--batch-size", "16"], stdin: input(1000))
    #expect(r.status == 0, "\(r.stderr)")
    let ids = r.lines.map { record($0)["id"] as? Int }
    #expect(ids == (0..<1000).map { Optional($0) })
    #expect(r.lines.allSatisfy { $0.contains("\"seen_by\":") })
  }

  @Test func aChildKilledMidStreamIsRestartedAndOnlyTheDocumentInFlightFails() throws {
    let s = Scratch()
    let r = try PipeBinary.run(
      ["run", pipeline(s), "--allow-exec", "--jobs", "1"], stdin: input(50, special: [20: "__crash__"]))
    #expect(r.status == 1)
    #expect(r.lines.count == 49)
    let errors = r.errorLines.filter { $0.hasPrefix("{") }.map(record)
    #expect(errors.count == 1)
    #expect(errors.first?["id"] as? Int == 20)
    #expect((errors.first?["error"] as? String)?.contains("exited with status 3") == true, "\(r.stderr)")
    let pids = Set(r.lines.compactMap { record($0)["seen_by"] as? Int })
    #expect(pids.count == 2, "a new child served the documents after the crash")
  }

  @Test func aHangingChildHitsTheTimeout() throws {
    let s = Scratch()
    let started = Date()
    let r = try PipeBinary.run(
      ["run", pipeline(s, timeoutMs: 2000), "--allow-exec", "--jobs", "1"], stdin: input(5, special: [2: "__hang__"]))
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(r.status == 1)
    #expect(r.lines.map { record($0)["id"] as? Int } == [0, 1, 3, 4])
    #expect(r.stderr.contains("did not answer within 2000 ms"))
  }

  @Test func garbageAnswersFailOneDocument() throws {
    let s = Scratch()
    let r = try PipeBinary.run(["run", pipeline(s), "--allow-exec"], stdin: input(3, special: [1: "__garbage__"]))
    #expect(r.status == 1)
    #expect(r.lines.count == 2)
    #expect(r.stderr.contains("invalid JSON"))
  }

  @Test func refusedWithoutPermissionAndAllowedInTrustedDirectories() throws {
    let s = Scratch()
    let path = pipeline(s)
    let refused = try PipeBinary.run(["run", path], stdin: input(1))
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("--allow-exec"))
    let trusted = try PipeBinary.run(
      ["run", path], stdin: Array(input(1).utf8), environment: ["PIPE_TRUSTED_DIRS": s.path])
    #expect(trusted.status == 0, "\(trusted.stderr)")
  }

  @Test func thePythonExamplePluginRunsOnTheSeeds() throws {
    let r = try PipeBinary.run(["run", "Examples/exec-plugin/news-with-stats.json5", "seeds/", "--allow-exec"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.lines.count == 3)
    #expect(r.lines.allSatisfy { ($0.range(of: #""word_count":\d+"#, options: .regularExpression)) != nil })
  }
}
