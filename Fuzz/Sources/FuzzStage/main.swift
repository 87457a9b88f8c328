import Foundation
import FuzzSupport
import PipelineCore
import Stages

/// Options for the stages that need some to do anything.
let fuzzOptions: [String: JSONObject] = [
  "replace": ["rules": [["find": "a", "with": "bb"], ["regex": "\\s+(\\w+)", "with": "$1"]], "timeoutMs": 1000],
  "filter": ["keep": [["minLength": 10, "textContains": "e"], ["not": ["hasTopic": "visa"]]]],
  "set": ["fields": ["x": 1], "rename": ["url": "link"], "copy": ["id": "copy"]],
  "remove": ["fields": ["url"]],
  "keywords": ["field": "tags", "topics": ["k": ["terms": ["visa", "trade*", "виза", "ғарыш"]]]],
  "tag-topics": ["scores": true, "evidence": true],
]

/// Which stage to fuzz: FUZZ_STAGE=normalise (default: every built-in stage but exec in turn).
let stages: [any Stage] = {
  let wanted = ProcessInfo.processInfo.environment["FUZZ_STAGE"]
  return BuiltinStages.registry.stages.filter { $0.name != "exec" && (wanted == nil || $0.name == wanted) }.map {
    type in
    do {
      return try type.init(options: StageOptions.validated(for: type, fuzzOptions[type.name] ?? [:]))
    } catch {
      fatalError("cannot build \(type.name) for fuzzing: \(error)")
    }
  }
}()

/// Each built-in stage fed arbitrary bytes as a document's text: it must return or throw a
/// StageError, never crash; its output must be valid UTF-8 JSON when written.
func fuzzStage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: FuzzSupport.bytes(data, size), as: UTF8.self)
  for stage in stages {
    var doc = Document(text: text, fields: ["id": "fuzz", "url": "https://example.org/2020/01/02/x"])
    var context = StageContext()
    _ = try? stage.process(&doc, context: &context)
    FuzzSupport.roundTrip(.object(doc.record))
  }
  return 0
}

FuzzSupport.run { data, size in fuzzStage(data, size) }
