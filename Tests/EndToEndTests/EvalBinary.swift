import Foundation

/// The built `pipe` binary and helpers to run it from end-to-end tests.
enum EvalBinary {
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

  /// The `pipe` executable beside the test bundle (the same build), else in `.build/debug`.
  static let pipe: String? = {
    var candidates: [URL] = []
    if let first = ProcessInfo.processInfo.arguments.first {
      var dir = URL(fileURLWithPath: first).deletingLastPathComponent()
      // The test runner may be inside a bundle (…/debug/pipePackageTests.xctest/Contents/MacOS).
      for _ in 0..<4 {
        candidates.append(dir.appendingPathComponent("pipe"))
        dir = dir.deletingLastPathComponent()
      }
    }
    if let root = packageRoot {
      candidates.append(root.appendingPathComponent(".build/debug/pipe"))
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
  }()

  /// `../shared/corpus` beside the package, when it is there.
  static var corpus: URL? {
    guard let root = packageRoot else { return nil }
    let url = root.appendingPathComponent("../shared/corpus").standardizedFileURL
    return FileManager.default.fileExists(
      atPath: url.appendingPathComponent("seeds.gold.jsonl").path) ? url : nil
  }

  /// Runs `pipe ARGS` in the package root with `stdin`; returns the exit status, stdout, stderr.
  /// Output goes through temporary files, so a chatty child never blocks on a pipe.
  static func run(_ arguments: [String], stdin: String = "") throws -> (
    status: Int32, out: String, err: String
  ) {
    guard let pipe, let root = packageRoot else { throw Missing() }
    let inPath = try temporaryFile(stdin, suffix: ".in")
    let outPath = try temporaryFile("", suffix: ".out")
    let errPath = try temporaryFile("", suffix: ".err")
    defer {
      for p in [inPath, outPath, errPath] { try? FileManager.default.removeItem(atPath: p) }
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: pipe)
    process.arguments = arguments
    process.currentDirectoryURL = root
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
    let path = NSTemporaryDirectory() + "pipe-eval-e2e-\(UUID().uuidString)\(suffix)"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Thrown when the binary is not built.
  struct Missing: Error {}
}
