import Foundation

/// Runs the built `pipe` binary in a child process, for end-to-end tests.
enum PipeBinary {
  /// The package root (three levels above this file).
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The `pipe` executable: next to the test bundle, or in `.build/debug`, or `$PIPE_BIN`.
  static let path: String? = {
    var candidates: [String] = []
    if let env = ProcessInfo.processInfo.environment["PIPE_BIN"] { candidates.append(env) }
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    candidates.append(exe.appendingPathComponent("pipe").path)
    candidates.append(exe.deletingLastPathComponent().appendingPathComponent("pipe").path)
    candidates.append(packageRoot + "/.build/debug/pipe")
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// The shared corpus beside the project, when present.
  static let shared: String? = {
    let p = packageRoot + "/../shared"
    return FileManager.default.fileExists(atPath: p + "/corpus") ? p : nil
  }()

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    var errorLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
  }

  /// Runs `pipe args` with `stdin` bytes, in `directory` (default: the package root).
  static func run(
    _ args: [String], stdin: [UInt8] = [], directory: String? = nil, environment: [String: String] = [:]
  ) throws -> Result {
    guard let path else { throw BinaryMissing() }
    let tmp = NSTemporaryDirectory() + "pipe-e2e-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: tmp) }
    FileManager.default.createFile(atPath: tmp + "/in", contents: Data(stdin))
    FileManager.default.createFile(atPath: tmp + "/out", contents: nil)
    FileManager.default.createFile(atPath: tmp + "/err", contents: nil)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    p.currentDirectoryURL = URL(fileURLWithPath: directory ?? packageRoot)
    var env = ProcessInfo.processInfo.environment
    env["PIPE_PATH"] = nil
    for (k, v) in environment { env[k] = v }
    p.environment = env
    p.standardInput = FileHandle(forReadingAtPath: tmp + "/in")
    p.standardOutput = FileHandle(forWritingAtPath: tmp + "/out")
    p.standardError = FileHandle(forWritingAtPath: tmp + "/err")
    try p.run()
    p.waitUntilExit()
    let out = FileManager.default.contents(atPath: tmp + "/out") ?? Data()
    let err = FileManager.default.contents(atPath: tmp + "/err") ?? Data()
    return Result(
      status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }

  static func run(_ args: [String], stdin: String, directory: String? = nil) throws -> Result {
    try run(args, stdin: Array(stdin.utf8), directory: directory)
  }

  struct BinaryMissing: Error, CustomStringConvertible {
    var description: String { "the pipe binary was not found: run `swift build` first or set PIPE_BIN" }
  }
}

/// Parses one output line as a JSON object.
func record(_ line: String) -> [String: Any] {
  (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
}

/// A scratch directory removed at the end of the test.
final class Scratch {
  let path: String
  init() {
    path = NSTemporaryDirectory() + "pipe-scratch-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) -> String {
    let p = path + "/" + name
    try? FileManager.default.createDirectory(
      atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: p, contents: Data(bytes))
    return p
  }
  @discardableResult
  func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
  deinit { try? FileManager.default.removeItem(atPath: path) }
}
