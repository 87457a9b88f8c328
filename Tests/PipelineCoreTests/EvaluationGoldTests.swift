import Foundation
import Testing

@testable import PipelineCore

/// Reading gold files (errors name the line) and copying gold fields into documents.
@Suite struct EvaluationGoldTests {
  private func write(_ text: String) throws -> String {
    let path = NSTemporaryDirectory() + "pipe-eval-test-\(UUID().uuidString).jsonl"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func readsRecordsSkippingBlankLines() throws {
    let path = try write("{\"id\": \"a\", \"date\": null}\n\n   \n{\"id\": 2}\r\n{\"id\": \"c\"}")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let gold = try GoldSet.load(path: path)
    #expect(gold.records.map { $0["id"] } == ["a", 2, "c"])
  }

  @Test(arguments: [
    ("{\"id\": \"a\"}\n{\"id\": \"b\",}\n", 2, "not valid JSON"),
    ("{\"id\": \"a\"}\n\n[1, 2]\n", 3, "expected a JSON object, found array"),
    ("{\"id\": \"a\"}\n{\"date\": \"2020-01-01\"}\n", 2, "no \"id\""),
  ])
  func badLinesAreReportedWithTheirNumber(text: String, line: Int, message: String) throws {
    let path = try write(text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
      try GoldSet.load(path: path)
    } throws: { error in
      guard let e = error as? EvalFileError else { return false }
      return e.line == line && e.message.contains(message)
        && e.description.hasPrefix("\(path):\(line): ")
    }
  }

  @Test func unreadableOrEmptyGoldIsAnError() throws {
    #expect(throws: EvalFileError.self) { try GoldSet.load(path: "/nonexistent/gold.jsonl") }
    #expect(throws: EvalFileError.self) { try GoldSet.load(path: NSTemporaryDirectory()) }
    let empty = try write("\n\n")
    defer { try? FileManager.default.removeItem(atPath: empty) }
    #expect(throws: EvalFileError.self) { try GoldSet.load(path: empty) }
  }

  @Test func fieldsAreCopiedByIdBeforeTheFirstStage() throws {
    let gold = GoldSet(records: [
      ["id": "a", "url": "https://example.org/a", "date": "2020-01-01"],
      ["id": "b", "url": nil],
      ["id": "c"],
    ])
    let values = gold.fields(["url"])
    #expect(values.count == 2)  // c has no url to copy
    let pipeline = GoldFieldsStage.injecting(values, into: Pipeline([UrlLength()]))
    #expect(pipeline.steps.map(\.label) == ["url-length"])  // labels and positions unchanged
    var context = StageContext()
    var doc = Document(text: "x", fields: ["id": "a", "url": "stale"])
    guard case .kept = pipeline.process(&doc, context: &context) else {
      Issue.record("the document was not kept")
      return
    }
    #expect(doc.fields["url"] == "https://example.org/a")
    #expect(doc.fields["url_length"] == 21)
    #expect(doc.fields["date"] == nil)  // only the named fields
    var other = Document(text: "x", fields: ["id": "zzz"])
    _ = pipeline.process(&other, context: &context)
    #expect(other.fields["url"] == nil && other.fields["url_length"] == 0)
  }

  @Test func anEmptyPipelineGetsTheCopyAsItsOnlyStage() {
    let pipeline = GoldFieldsStage.injecting([EvalID.key("a"): ["url": "u"]], into: Pipeline([]))
    var context = StageContext()
    var doc = Document(text: "x", fields: ["id": "a"])
    _ = pipeline.process(&doc, context: &context)
    #expect(doc.fields["url"] == "u")
  }

  @Test func asAStageItReadsTheGoldFileNamedByItsOption() throws {
    let path = try write("{\"id\": \"a\", \"url\": \"https://example.org/\"}\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let stage = try GoldFieldsStage.make(["gold": .string(path), "fields": ["url"]])
    let (doc, verdict) = try stage.apply(to: "x", fields: ["id": "a"])
    #expect(verdict == .keep && doc.fields["url"] == "https://example.org/")
    #expect(throws: OptionError.self) {
      try GoldFieldsStage.make(["gold": "/nonexistent.jsonl", "fields": ["url"]])
    }
    #expect(throws: OptionError.self) { try GoldFieldsStage.make(["gold": .string(path)]) }
  }
}

/// A test stage that records the length of the `url` field it sees.
private struct UrlLength: Stage {
  static let name = "url-length"
  static let summary = "Stores the length of the url field."
  init(options: StageOptions) throws {}
  init() {}
  func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    document["url_length"] = .int(document.fields["url"]?.stringValue?.count ?? 0)
    return .keep
  }
}
