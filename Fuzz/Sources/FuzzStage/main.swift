import FuzzSupport
import Foundation
import PipelineCore
import Stages

/// Which stage to fuzz: FUZZ_STAGE=normalise (default: every stage of the news pipeline in turn).
let stages: [any Stage] = {
  let wanted = ProcessInfo.processInfo.environment["FUZZ_STAGE"]
  return BuiltinStages.registry.stages.filter { wanted == nil || $0.name == wanted }.compactMap { type in
    try? type.init(options: StageOptions.validated(for: type, [:]))
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
