import Foundation
import Testing

/// The JSON Lines contract of `pipe run`, checked on the built binary.
@Suite(.serialized) struct RunContractTests {
  @Test func everyRecordComesOutInOrderWithUnknownFieldsUntouched() throws {
    var input = ""
    for i in 0..<600 {
      input +=
        #"{"id":"r\#(i)","text":"Record \#(i) about visas and trade.","n":\#(i),"big":1e400,"nested":{"a":[1,2.50,"x"]},"u":"\u00e9"}"#
        + "\n"
    }
    let r = try PipeBinary.run(["run", "news", "--jobs", "4", "--batch-size", "7"], stdin: input)
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.lines
    #expect(lines.count == 600)
    for (i, line) in lines.enumerated() {
      #expect(line.hasPrefix(#"{"id":"r\#(i)","text":"#), "\(line)")
      #expect(line.contains(#""n":\#(i),"big":1e400,"nested":{"a":[1,2.50,"x"]},"u":"é""#), "\(line)")
      for key in ["date", "source", "topics"] where !line.contains("\"\(key)\":") {
        Issue.record("missing \(key) in \(line)")
        return
      }
    }
  }

  @Test func parallelOutputIsByteIdenticalToOneJob() throws {
    var input = ""
    for i in 0..<300 {
      input += #"{"id":\#(i),"text":"Astana, 5 May 2021. Line \#(i)\n\nBody about space launches and courts."}"# + "\n"
    }
    let one = try PipeBinary.run(["run", "news", "--jobs", "1"], stdin: input)
    let many = try PipeBinary.run(["run", "news", "--jobs", "3", "--batch-size", "5"], stdin: input)
    #expect(one.status == 0 && many.status == 0)
    #expect(one.stdout == many.stdout)
  }

  /// The same on real pages: the dev corpus's first 150 pages (German, English, Spanish…, with
  /// mojibake, long lines and deep indentation), one worker against two with small batches.
  @Test(.enabled(if: EvalBinary.corpus != nil, "../shared/corpus is missing"))
  func parallelOutputIsByteIdenticalOnRealPages() throws {
    let corpus = try #require(EvalBinary.corpus)
    let data = try Data(contentsOf: corpus.appendingPathComponent("dev.input.jsonl"))
    let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true).prefix(150)
    var input: [UInt8] = []
    for line in lines { input += line + [0x0A] }
    let one = try PipeBinary.run(["run", "news", "--jobs", "1"], stdin: input)
    let two = try PipeBinary.run(["run", "news", "--jobs", "2", "--batch-size", "7"], stdin: input)
    #expect(one.status == 0 && two.status == 0)
    #expect(one.lines.count == lines.count)
    #expect(one.stdout == two.stdout)
  }

  @Test func badRecordsBecomeErrorRecordsAndExitOne() throws {
    let input = """
      {"id":"a","text":"fine"}
      this is not json
      {"id":"b","text":42}
      [1,2]
      {"id":"c"}
      {"id":"d","text":"also fine"}

      """
    let r = try PipeBinary.run(["run", "news"], stdin: input)
    #expect(r.status == 1)
    #expect(r.lines.map { record($0)["id"] as? String } == ["a", "d"])
    let errors = r.errorLines.map(record)
    #expect(errors.count == 4, "\(r.stderr)")
    #expect(errors.map { $0["line"] as? Int } == [2, 3, 4, 5])
    #expect(errors.allSatisfy { $0["input"] as? String == "-" })
    #expect(errors[1]["id"] as? String == "b")
    #expect((errors[1]["error"] as? String)?.contains("\"text\" must be a string") == true)
    #expect((errors[0]["error"] as? String)?.hasPrefix("not valid JSON") == true)
    #expect((errors[3]["error"] as? String)?.contains("no \"text\" field") == true)
  }

  @Test func onErrorFailStopsAtTheFirstFailure() throws {
    let input = "{\"id\":1,\"text\":\"x\"}\nnope\n{\"id\":3,\"text\":\"y\"}\n"
    let r = try PipeBinary.run(["run", "news", "--on-error", "fail", "--batch-size", "1", "--jobs", "1"], stdin: input)
    #expect(r.status == 1)
    #expect(r.errorLines.count == 1)
    #expect(!r.stdout.contains("\"id\":3"))
  }

  @Test func errorsCanGoToADeadLetterFile() throws {
    let scratch = Scratch()
    let dead = scratch.path + "/dead.jsonl"
    let r = try PipeBinary.run(["run", "news", "--errors", dead], stdin: "{\"id\":1,\"text\":\"x\"}\n{bad\n")
    #expect(r.status == 1)
    #expect(r.stderr.isEmpty)
    let text = (try? String(contentsOfFile: dead, encoding: .utf8)) ?? ""
    #expect(text.contains("\"line\":2"))
  }

  @Test func plainTextOnStdinIsOneDocument() throws {
    let r = try PipeBinary.run(["run", "news"], stdin: "Just some text.\nSecond line.\n")
    #expect(r.status == 0)
    #expect(r.lines.count == 1)
    #expect(record(r.lines[0])["id"] as? String == "stdin")
  }

  @Test func textOutputPrintsTheCleanedText() throws {
    let one = "The minister met the delegation in Astana on Monday to discuss trade."
    let two = "Officials agreed to simplify the visa regime for students and business travellers."
    let r = try PipeBinary.run(
      ["run", "news", "--output", "text"], stdin: "{\"text\":\"\(one)\"}\n{\"text\":\"\(two)\"}\n")
    #expect(r.stdout == "\(one)\n\n\(two)\n")
  }

  @Test func filesAndDirectoriesAreReadRecursivelyInOrder() throws {
    let s = Scratch()
    s.write("b/2.txt", "Second document.")
    s.write("a.txt", "First document.")
    s.write("c.jsonl", "{\"id\":\"j1\",\"text\":\"x\"}\n{\"id\":\"j2\",\"text\":\"y\"}\n")
    s.write(".hidden", "skip me")
    let r = try PipeBinary.run(["run", "news", s.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.lines.map { record($0)["id"] as? String } == ["a.txt", "b/2.txt", "j1", "j2"])
  }

  @Test func emptyInputsGiveNoRecordsAndSuccess() throws {
    let r = try PipeBinary.run(["run", "news"], stdin: "")
    #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.isEmpty)
  }

  @Test func answersRecordByRecordWhileStdinStaysOpen() throws {
    guard let bin = PipeBinary.path else { throw PipeBinary.BinaryMissing() }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: bin)
    p.arguments = ["run", "news"]
    p.currentDirectoryURL = URL(fileURLWithPath: PipeBinary.packageRoot)
    let input = Pipe()
    let output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    try p.run()
    defer {
      try? input.fileHandleForWriting.close()
      p.waitUntilExit()
    }
    for i in 1...3 {
      input.fileHandleForWriting.write(Data("{\"id\":\(i),\"text\":\"hello \(i)\"}\n".utf8))
      // The answer must arrive while stdin is still open.
      let line = try readLine(output.fileHandleForReading, timeout: 10)
      #expect(line.hasPrefix("{\"id\":\(i),"), "\(line)")
    }
  }

  /// Reads one line from `handle`, failing after `timeout` seconds.
  private func readLine(_ handle: FileHandle, timeout: Double) throws -> String {
    let box = LineBox()
    let thread = Thread {
      var bytes: [UInt8] = []
      while true {
        let d = handle.readData(ofLength: 1)
        guard let b = d.first else { break }
        if b == 0x0A { break }
        bytes.append(b)
      }
      box.set(String(decoding: bytes, as: UTF8.self))
    }
    thread.start()
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let s = box.value { return s }
      Thread.sleep(forTimeInterval: 0.01)
    }
    struct Timeout: Error {}
    throw Timeout()
  }
}

final class LineBox: @unchecked Sendable {
  private let lock = NSLock()
  private var _value: String?
  var value: String? {
    lock.lock()
    defer { lock.unlock() }
    return _value
  }
  func set(_ v: String) {
    lock.lock()
    _value = v
    lock.unlock()
  }
}
