import Foundation

/// Where the package and the shared corpus are, found from this file's path.
enum EvaluationTestSupport {
  /// The package root: the nearest directory above this file that holds Package.swift.
  static let packageRoot: URL? = {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while dir.path != "/" {
      if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
        return dir
      }
      dir = dir.deletingLastPathComponent()
    }
    return nil
  }()

  /// `../shared/corpus` beside the package, when it is there.
  static var corpus: URL? {
    guard let root = packageRoot else { return nil }
    let url = root.appendingPathComponent("../shared/corpus").standardizedFileURL
    return FileManager.default.fileExists(atPath: url.appendingPathComponent("score.py").path)
      ? url : nil
  }

  /// The path of `python3`, when there is one.
  static let python: String? = {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
      separator: ":")
    {
      let path = "\(dir)/python3"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }()

  /// Runs `executable` with `arguments` (stdin from `stdin`); returns its exit status, stdout
  /// and stderr. Output goes through temporary files, so a chatty child never blocks on a pipe.
  static func run(
    _ executable: String, _ arguments: [String], stdin: String = "", directory: URL? = nil
  ) throws
    -> (status: Int32, out: String, err: String)
  {
    let inPath = try temporaryFile(stdin, suffix: ".in")
    let outPath = try temporaryFile("", suffix: ".out")
    let errPath = try temporaryFile("", suffix: ".err")
    defer {
      for p in [inPath, outPath, errPath] { try? FileManager.default.removeItem(atPath: p) }
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.standardInput = FileHandle(forReadingAtPath: inPath)
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    try process.run()
    process.waitUntilExit()
    let out = try String(contentsOfFile: outPath, encoding: .utf8)
    let err = try String(contentsOfFile: errPath, encoding: .utf8)
    return (process.terminationStatus, out, err)
  }

  /// A fresh temporary file holding `text`.
  static func temporaryFile(_ text: String, suffix: String = ".jsonl") throws -> String {
    let path = NSTemporaryDirectory() + "pipe-eval-test-\(UUID().uuidString)\(suffix)"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}
