import FuzzSupport
import PipelineCore
import Stages

let loader = PipelineLoader(
  registry: BuiltinStages.registry, locator: PipelineLocator(directories: [], bundled: BuiltinStages.bundledPipelines))

/// The pipeline-file loader: arbitrary bytes as a pipeline file must load or give located
/// diagnostics, never crash or hang.
func fuzzPipelineFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: FuzzSupport.bytes(data, size), as: UTF8.self)
  let source = PipelineSource(
    name: "fuzz", displayPath: "fuzz.json5", origin: "fuzz", directory: "/nonexistent", text: text)
  do {
    _ = try loader.load(source: source)
  } catch {
    precondition(!error.diagnostics.isEmpty, "a failed load must say why")
  }
  return 0
}

FuzzSupport.run { data, size in fuzzPipelineFile(data, size) }
