/// `pipe eval`: runs a pipeline and scores it against gold records.
struct EvalCommand {
  let cli: PipeCommandLine

  func run(_ args: [String]) throws -> Int32 {
    throw UsageError("eval is not built yet")
  }
}
