import Foundation
import PipelineCore

/// Small stages used to test the core without the built-in ones.
struct UpperStage: Stage {
  static let name = "upper"
  static let summary = "Upper-cases the text."
  init(options: StageOptions) throws {}
  func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    document.text = document.text.uppercased()
    return .keep
  }
}

struct SetTagStage: Stage {
  static let name = "set-tag"
  static let summary = "Sets a field to a value."
  static let options: [OptionSpec] = [
    .init("field", .string, default: "tag", help: "the field"),
    .init("value", .string, help: "the value (required)"),
    .init("times", .integer, default: 1, help: "a number"),
    .init("mode", .choice(["a", "b"]), default: "a", help: "a choice"),
  ]
  let field: String
  let value: String
  init(options: StageOptions) throws {
    guard let v = options.string("value") else { throw OptionError(option: "value", "is required") }
    field = options.string("field") ?? "tag"
    value = v
  }
  func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    document[field] = .string(value)
    return .keep
  }
}

struct WordFileStage: Stage {
  static let name = "word-file"
  static let summary = "Reads a word list in init."
  static let options: [OptionSpec] = [.init("file", .string, help: "a file")]
  let words: [String]
  init(options: StageOptions) throws {
    words = try options.readFile(option: "file").split(separator: "\n").map(String.init)
  }
  func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    if words.contains(where: { document.text.contains($0) }) { return .drop(reason: "banned word") }
    if document.text.contains("FAIL") { throw StageError("asked to fail") }
    return .keep
  }
}

let testRegistry = StageRegistry([UpperStage.self, SetTagStage.self, WordFileStage.self])

/// A temporary directory holding pipeline files for one test.
struct TempDir {
  let path: String
  init() {
    path = NSTemporaryDirectory() + "pipe-test-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  @discardableResult
  func write(_ name: String, _ text: String) -> String {
    let p = path + "/" + name
    try? text.write(toFile: p, atomically: true, encoding: .utf8)
    return p
  }
}
