import FoundationEssentials

/// `pipe bench`: measures each stage of a pipeline on its own, in this process, on documents
/// that are already parsed, on one core. Each stage gets the documents as the stages before it
/// left them, so it sees the text it sees in a real run.
struct BenchCommand {
  let cli: PipeCommandLine

  static let options: [Arguments.Option] = [
    .init(
      "repeat", short: "r", value: "N", help: "passes over the documents per stage (default 5; the best is reported)"),
    .init("help", short: "h", help: "show this help"),
  ]

  func run(_ args: [String]) throws -> Int32 {
    let a = try Arguments(args, options: Self.options)
    if a.has("help") || a.positionals.count != 2 {
      print(
        """
        USAGE: \(cli.toolName) bench PIPELINE FILE.jsonl [--repeat N]

        Times each stage of PIPELINE alone on one core over the documents of FILE (parsed
        beforehand), and prints MB/s of document text per stage.

        OPTIONS:
        \(Arguments.help(Self.options))
        """)
      return a.has("help") ? 0 : 2
    }
    let pipeline = try cli.loader.load(a.positionals[0])
    let repeats = try a.int("repeat", in: 1...1000) ?? 5
    let file = a.positionals[1]
    guard FilePath.kind(file) == .file else { throw UsageError("cannot read \(file): not a file") }
    var docs: [Document] = []
    for outcome in RecordDecoder.documents(of: [file], format: .jsonl) {
      if case .success(let doc) = outcome { docs.append(doc) }
    }
    guard !docs.isEmpty else { throw UsageError("no JSON Lines records with a \"text\" field in \(a.positionals[1])") }
    print("\(docs.count) documents; best of \(repeats) passes per stage, one core\n")
    print("stage                  text MB   best ms   MB/s      docs/s")
    let clock = ContinuousClock()
    var total: Double = 0
    for step in pipeline.steps {
      let bytes = docs.reduce(0) { $0 + $1.text.utf8.count }
      var best = Duration.seconds(1_000_000)
      var after = docs
      for _ in 0..<repeats {
        var batch = docs
        var context = StageContext()
        let start = clock.now
        for i in batch.indices { _ = try? step.stage.process(&batch[i], context: &context) }
        best = min(best, clock.now - start)
        after = batch
      }
      let secs = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
      total += secs
      let mb = Double(bytes) / 1e6
      print(
        step.label.padded(to: 22)
          + TextFormatting.printf(" %8.2f %9.2f %7.0f %11.0f", mb, secs * 1000, mb / secs, Double(docs.count) / secs))
      docs = after
    }
    print(TextFormatting.printf("\nall stages: %.2f ms per pass", total * 1000))
    return 0
  }
}
