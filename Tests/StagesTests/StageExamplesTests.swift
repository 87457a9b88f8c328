import PipelineCore
import Stages
import Testing

/// Runs every example declared on every built-in stage, reporting failures at the example's line.
@Suite struct StageExamplesTests {
  @Test(arguments: BuiltinStages.registry.stages.map { StageBox($0) })
  func examplesHold(_ box: StageBox) throws {
    for example in box.type.examples {
      let location = SourceLocation(
        fileID: "Stages/\(box.type.name)", filePath: example.file, line: example.line, column: 1)
      let stage: any Stage
      do {
        stage = try box.type.init(options: StageOptions.validated(box.type, example.options))
      } catch {
        Issue.record("\(box.type.name): cannot build with \(example.options): \(error)", sourceLocation: location)
        continue
      }
      var doc = Document(text: example.input, fields: example.fields)
      var context = StageContext()
      let verdict: Verdict
      do { verdict = try stage.process(&doc, context: &context) } catch {
        Issue.record("\(box.type.name) threw: \(error)", sourceLocation: location)
        continue
      }
      for expectation in example.expectations {
        switch expectation {
        case .text(let t):
          if doc.text != t {
            Issue.record(
              "text: expected \(t.debugDescription), got \(doc.text.debugDescription)", sourceLocation: location)
          }
        case .textContains(let t):
          if !doc.text.contains(t) {
            Issue.record("text lacks \(t.debugDescription): \(doc.text.debugDescription)", sourceLocation: location)
          }
        case .textLacks(let t):
          if doc.text.contains(t) {
            Issue.record("text still has \(t.debugDescription): \(doc.text.debugDescription)", sourceLocation: location)
          }
        case .field(let name, let value):
          let got = doc.fields[name] ?? .null
          if got != value {
            Issue.record(
              "\(name): expected \(JSONWriter.string(value)), got \(JSONWriter.string(got))", sourceLocation: location)
          }
        case .dropped:
          if case .keep = verdict { Issue.record("expected the document to be dropped", sourceLocation: location) }
        }
      }
    }
  }

  @Test func registryNamesAreUniqueKebabCase() {
    let names = BuiltinStages.registry.stages.map { $0.name }
    #expect(Set(names).count == names.count)
    for n in names {
      #expect(n.allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber }, "\(n) is not kebab-case")
    }
  }
}

/// A stage type wrapped for test arguments.
struct StageBox: CustomStringConvertible, Sendable {
  let type: any Stage.Type
  init(_ type: any Stage.Type) { self.type = type }
  var description: String { type.name }
}
