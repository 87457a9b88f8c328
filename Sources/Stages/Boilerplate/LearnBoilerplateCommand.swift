import PipelineCore

/// `pipe learn-boilerplate`: learns the lines that recur across many documents of the same
/// outlet and writes them as a profile for strip-boilerplate's `profile` option.
public struct LearnBoilerplateCommand: Subcommand {
  public let name = "learn-boilerplate"
  public let summary = "learn an outlet's recurring lines as a profile for strip-boilerplate"

  public init() {}

  static let options: [Arguments.Option] = [
    .init(
      "output", short: "o", value: "FILE",
      help: "where to write the profile (required; - for stdout)"),
    .init(
      "min-docs", value: "N",
      help: "a line must occur in at least N documents of a group (default 3)"),
    .init(
      "group-by", value: "FIELD",
      help: "group documents by this field (a URL field groups by host); default: one group"),
    .init("min-length", value: "N", help: "ignore lines shorter than N characters (default 3)"),
    .init(
      "max-entries", value: "N", help: "the most line counters kept in memory (default 1000000)"),
    .init("help", short: "h", help: "show this help"),
  ]

  public func run(_ args: [String], cli: PipeCommandLine) throws -> Int32 {
    let a = try Arguments(args, options: Self.options)
    if a.has("help") {
      print(
        """
        USAGE: \(cli.toolName) learn-boilerplate [INPUT ...] --output FILE [options]

        Reads documents like '\(cli.toolName) run' does (JSON Lines records with a "text" field;
        any other file is one document; directories are read recursively; none or - is stdin),
        counts in how many documents of each group every line occurs, and writes the lines that
        recur in at least --min-docs documents as a JSON5 profile. Use it with
        strip-boilerplate's "profile" option: those lines are then removed whatever they say.

        OPTIONS:
        \(Arguments.help(Self.options))

        EXAMPLE:
          \(cli.toolName) learn-boilerplate crawl.jsonl --group-by url --min-docs 5 -o profile.json5
        """)
      return 0
    }
    guard let output = a.value("output") else { throw UsageError("missing --output FILE") }
    let minDocs = try a.int("min-docs", in: 2...1_000_000_000) ?? 3
    let minLength = try a.int("min-length", in: 1...10_000) ?? 3
    let maxEntries = try a.int("max-entries", in: 1000...1_000_000_000) ?? 1_000_000
    let groupBy = a.value("group-by")
    var learner = ProfileLearner(minLength: minLength, maxEntries: maxEntries)
    let inputs = a.positionals.isEmpty ? ["-"] : a.positionals
    for input in inputs where input != "-" && FilePath.kind(input) == nil {
      throw UsageError("input not found: \(input)")
    }
    var reader = DocumentFileReader()
    for input in inputs {
      try reader.read(input) { text, fields in
        learner.add(text: text, group: BoilerplateProfile.groupKey(of: fields, groupBy: groupBy))
      }
    }
    let text = learner.profileText(minDocs: minDocs, groupBy: groupBy)
    if output == "-" {
      print(text, terminator: "")
    } else {
      do { try FilePath.write(Array(text.utf8), to: output) } catch {
        StandardError.write("\(cli.toolName): cannot write \(error)\n")
        return 2
      }
    }
    var note = "learn-boilerplate: \(learner.documents) documents"
    if learner.skipped > 0 {
      note += ", \(learner.skipped) skipped (no \(groupBy ?? "group") field)"
    }
    if reader.badRecords > 0 { note += ", \(reader.badRecords) unreadable records" }
    if learner.prunes > 0 { note += ", counter table pruned \(learner.prunes) times" }
    StandardError.write(note + "\n")
    return 0
  }
}
