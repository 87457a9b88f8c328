import FoundationEssentials

/// `pipe stats-merge`: adds up the `--stats-json` files of shards into the stats of the whole run.
struct StatsMergeCommand {
  let cli: PipeCommandLine

  static let options: [Arguments.Option] = [
    .init("output", short: "o", value: "FILE", help: "write the merged JSON to FILE (default: stdout)"),
    .init("table", help: "also print the human-readable table on stderr"),
    .init("help", short: "h", help: "show this help"),
  ]

  func run(_ args: [String]) throws -> Int32 {
    let a = try Arguments(args, options: Self.options)
    if a.has("help") || a.positionals.isEmpty {
      print(
        """
        USAGE: \(cli.toolName) stats-merge STATS.json ... [--output FILE] [--table]

        Adds up the counts of several `run --stats-json` files (one per shard). The stages must
        be the same in every file. Prints the merged JSON; the records still add up:
        records = output + dropped + errors.

        OPTIONS:
        \(Arguments.help(Self.options))
        """)
      return a.has("help") ? 0 : 2
    }
    var merged: RunStats?
    for path in a.positionals {
      guard let data = FileManager.default.contents(atPath: path) else { throw UsageError("cannot read \(path)") }
      let value: JSONValue
      do { value = try JSONParser.parse(Array(data)).value } catch {
        throw UsageError("\(path): not valid JSON: \(error)")
      }
      guard let stats = RunStats(json: value) else { throw UsageError("\(path): not a pipe --stats-json file") }
      if var m = merged {
        guard m.stages.map(\.label) == stats.stages.map(\.label) else {
          throw UsageError(
            "\(path): its stages (\(stats.stages.map(\.label).joined(separator: ", "))) differ from the first file's")
        }
        m.merge(stats)
        merged = m
      } else {
        merged = stats
      }
    }
    guard let merged else { return 2 }
    let text = JSONWriter.string(merged.json) + "\n"
    if let out = a.value("output") {
      try text.write(toFile: out, atomically: true, encoding: .utf8)
    } else {
      print(text, terminator: "")
    }
    if a.has("table") { printErr(merged.table) }
    return 0
  }
}
