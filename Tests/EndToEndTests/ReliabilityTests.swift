import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Nothing lost, nothing crashes, nothing hangs: bad input of every kind on the built binary.
@Suite(.serialized) struct ReliabilityTests {
  @Test func statsAddUpOverACorpusWithPlantedBadRecords() throws {
    let s = Scratch()
    var lines: [String] = []
    var planted = 0
    var short = 0
    for i in 0..<400 {
      switch i % 10 {
      case 3:
        lines.append("{broken json \(i)")
        planted += 1
      case 5:
        lines.append(#"{"id":\#(i),"text":null}"#)
        planted += 1
      case 7:
        lines.append(#"{"id":\#(i),"text":"tiny"}"#)
        short += 1
      default: lines.append(#"{"id":\#(i),"text":"A long enough article about trade and visas number \#(i)."}"#)
      }
    }
    s.write("in.jsonl", lines.joined(separator: "\n") + "\n")
    s.write(
      "p.json5",
      "{ include: 'news', stages: [{ stage: 'filter', options: { keep: { minLength: 20 }, reason: 'too short' } }] }")
    let r = try PipeBinary.run(
      [
        "run", s.path + "/p.json5", s.path + "/in.jsonl", "--stats", "--stats-json", s.path + "/stats.json", "--errors",
        s.path + "/err.jsonl",
      ])
    #expect(r.status == 1)
    let stats = try #require(
      JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: s.path + "/stats.json")))
        as? [String: Any])
    let records = stats["records"] as? Int ?? -1
    let output = stats["output"] as? Int ?? -1
    let dropped = stats["dropped"] as? Int ?? -1
    let errors = stats["errors"] as? Int ?? -1
    #expect(records == 400)
    #expect(output + dropped + errors == records)
    #expect(errors == planted)
    #expect(dropped == short)
    #expect(r.lines.count == output)
    let errorFile = try String(contentsOfFile: s.path + "/err.jsonl", encoding: .utf8)
    #expect(errorFile.split(separator: "\n").count == planted)
    #expect(r.stderr.contains("records 400 = output \(output) + dropped \(dropped) + errors \(errors)"))
    #expect(r.stderr.contains("dropped (too short): \(short)"))
  }

  @Test func invalidUTF8IsRepairedAndCountedNeverACrash() throws {
    let bytes: [UInt8] = Array(#"{"id":1,"text":"caf"#.utf8) + [0xC3, 0x28, 0xFF] + Array("\"}\n".utf8)
    let r = try PipeBinary.run(["run", "news", "--stats"], stdin: bytes)
    #expect(r.status == 0)
    #expect(r.lines.count == 1)
    #expect(r.stderr.contains("invalid UTF-8 repaired in 1 strings"))
    let text = try PipeBinary.run(["run", "news", "--stats"], stdin: [0x61, 0xFF, 0x62, 0x0A])
    #expect(text.status == 0 && text.lines.count == 1)
  }

  @Test func byteOrderMarkCRLFAndNULBytes() throws {
    let input: [UInt8] =
      [0xEF, 0xBB, 0xBF] + Array("{\"id\":1,\"text\":\"a\\u0000b\"}\r\n{\"id\":2,\"text\":\"c\"}\r\n".utf8)
    let r = try PipeBinary.run(["run", "news"], stdin: input)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.lines.map { record($0)["id"] as? Int } == [1, 2])
    let raw = try PipeBinary.run(
      ["run", "news"], stdin: Array("{\"id\":1,\"text\":\"a".utf8) + [0] + Array("b\"}\n".utf8))
    #expect(raw.status == 1)
    #expect(raw.stderr.contains("control character"))
  }

  @Test func anOverlongRecordIsRefusedWithBoundedMemory() throws {
    let s = Scratch()
    let big = #"{"id":"big","text":""# + String(repeating: "a", count: 50_000_000) + "\"}\n"
    s.write("in.jsonl", #"{"id":"before","text":"x"}"# + "\n" + big + #"{"id":"after","text":"y"}"# + "\n")
    let (r, peak) = try runMeasuringMemory(["run", "news", s.path + "/in.jsonl", "--max-record-bytes", "1048576"])
    #expect(r.status == 1)
    #expect(r.lines.map { record($0)["id"] as? String } == ["before", "after"])
    #expect(r.stderr.contains("longer than --max-record-bytes (1048576 bytes)"))
    #expect(r.stderr.contains("\"line\":2"))
    #expect(peak < 64 << 20, "peak RSS \(peak >> 20) MiB")
    // Under the limit, a long record is processed like any other.
    let long = #"{"id":"long","text":""# + String(repeating: "word ", count: 400_000) + "\"}\n"
    let handled = try PipeBinary.run(["run", "news", "--max-record-bytes", "4194304"], stdin: long)
    #expect(handled.status == 0)
    #expect(handled.lines.count == 1)
  }

  @Test func emptyFilesAreHandled() throws {
    let s = Scratch()
    s.write("empty.jsonl", "")
    s.write("blank.jsonl", "\n\n  \n")
    s.write("empty.txt", "")
    let r = try PipeBinary.run(["run", "news", s.path, "--stats"])
    #expect(r.status == 0, "\(r.stderr)")
    // An empty text file is one (empty) document; empty and blank JSON Lines files hold none.
    #expect(r.lines.map { record($0)["id"] as? String } == ["empty.txt"])
    #expect(r.stderr.contains("records 1 = output 1 + dropped 0 + errors 0"))
  }

  @Test func directoriesWithDanglingLinksAndSymlinkLoops() throws {
    let s = Scratch()
    s.write("docs/a.txt", "A document.")
    try FileManager.default.createSymbolicLink(atPath: s.path + "/docs/loop", withDestinationPath: s.path + "/docs")
    try FileManager.default.createSymbolicLink(
      atPath: s.path + "/docs/dangling.txt", withDestinationPath: s.path + "/nowhere")
    let r = try PipeBinary.run(["run", "news", s.path + "/docs"])
    #expect(r.status == 1)
    #expect(r.lines.map { record($0)["id"] as? String } == ["a.txt"])
    #expect(r.stderr.contains("dangling.txt"))
  }

  @Test func closedStdoutEndsTheRunQuietly() throws {
    guard let bin = PipeBinary.path else { throw PipeBinary.BinaryMissing() }
    let s = Scratch()
    let line = #"{"id":1,"text":"Some article text about trade."}"# + "\n"
    s.write("big.jsonl", String(repeating: line, count: 200_000))
    let started = Date()
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = [
      "-c",
      "'\(bin)' run news '\(s.path)/big.jsonl' 2>'\(s.path)/err' | head -1 >/dev/null; echo ${PIPESTATUS[0]} > '\(s.path)/status'",
    ]
    try p.run()
    p.waitUntilExit()
    #expect(Date().timeIntervalSince(started) < 30)
    #expect((try? String(contentsOfFile: s.path + "/err", encoding: .utf8)) == "")
    #expect((try? String(contentsOfFile: s.path + "/status", encoding: .utf8))?.hasPrefix("0") == true)
  }

  @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
  func signalsStopCleanlyWithoutTornLines(_ signal: Int32, _ status: Int32) throws {
    guard let bin = PipeBinary.path else { throw PipeBinary.BinaryMissing() }
    let s = Scratch()
    let p = Process()
    p.executableURL = URL(fileURLWithPath: bin)
    p.arguments = ["run", "news", "--jobs", "2"]
    let input = Pipe()
    p.standardInput = input
    FileManager.default.createFile(atPath: s.path + "/out", contents: nil)
    p.standardOutput = FileHandle(forWritingAtPath: s.path + "/out")
    try p.run()
    let line = Data((#"{"id":1,"text":"Line about trade, visas and space launches."}"# + "\n").utf8)
    for _ in 0..<2000 { input.fileHandleForWriting.write(line) }
    Thread.sleep(forTimeInterval: 0.3)
    kill(p.processIdentifier, signal)
    p.waitUntilExit()
    try? input.fileHandleForWriting.close()
    #expect(p.terminationStatus == status)
    let out = (try? Data(contentsOf: URL(fileURLWithPath: s.path + "/out"))) ?? Data()
    #expect(out.isEmpty || out.last == 0x0A)
    for l in out.split(separator: 0x0A) {
      #expect((try? JSONSerialization.jsonObject(with: Data(l))) != nil)
    }
  }

  @Test(arguments: [
    ("", "error: the file is empty"),
    ("not json at all", "p.json5:1:1: error: unexpected word 'not'"),
    ("{ stages: [ 'strip-boilerplat' ] }", "did you mean \"strip-boilerplate\""),
    (
      "{ stages: [ { stage: 'filter', options: { keep: 5 } } ] }",
      "p.json5:1:43: error: stages[0] (filter): option \"keep\": expected a condition object"
    ),
    (
      "{ stages: [ { stage: 'remove', options: { fields: 'date' } } ] }",
      "option \"fields\" of remove expects array of strings, got the string \"date\""
    ),
    ("{ stages: [ { stage: 'set', options: { rules: [] } } ] }", "unknown option \"rules\" for stage set"),
    ("{ include: 'q', stages: [] }", "include cycle"),
  ])
  func brokenPipelineFilesExitTwoWithOneLocatedMessage(_ text: String, _ expected: String) throws {
    let s = Scratch()
    s.write("p.json5", text)
    s.write("q.json5", "{ include: 'p', stages: [] }")
    let r = try PipeBinary.run(["run", "p.json5"], stdin: "", directory: s.path)
    #expect(r.status == 2)
    #expect(r.stderr.contains(expected), "\(r.stderr)")
  }

  @Test func unreadablePipelineFile() throws {
    guard getuid() != 0 else { return }  // root reads everything
    let s = Scratch()
    let p = s.write("p.json5", "{ stages: [] }")
    chmod(p, 0)
    let r = try PipeBinary.run(["run", p], stdin: "")
    #expect(r.status == 2 && r.stderr.contains("cannot read"))
  }

  /// Runs pipe and samples its peak resident memory (VmHWM) until it exits.
  private func runMeasuringMemory(_ args: [String]) throws -> (PipeBinary.Result, Int) {
    guard let bin = PipeBinary.path else { throw PipeBinary.BinaryMissing() }
    let s = Scratch()
    let p = Process()
    p.executableURL = URL(fileURLWithPath: bin)
    p.arguments = args
    FileManager.default.createFile(atPath: s.path + "/out", contents: nil)
    FileManager.default.createFile(atPath: s.path + "/err", contents: nil)
    p.standardOutput = FileHandle(forWritingAtPath: s.path + "/out")
    p.standardError = FileHandle(forWritingAtPath: s.path + "/err")
    p.standardInput = FileHandle.nullDevice
    try p.run()
    var peak = 0
    while p.isRunning {
      if let status = try? String(contentsOfFile: "/proc/\(p.processIdentifier)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kb = Int(line.split(separator: " ").dropFirst().first ?? "")
      {
        peak = max(peak, kb * 1024)
      }
      Thread.sleep(forTimeInterval: 0.005)
    }
    let out = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: s.path + "/out"))) ?? Data(), as: UTF8.self)
    let err = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: s.path + "/err"))) ?? Data(), as: UTF8.self)
    return (PipeBinary.Result(status: p.terminationStatus, stdout: out, stderr: err), peak)
  }
}
