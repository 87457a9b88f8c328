import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `pipe` command line, reusable by any package that adds its own stages:
///
/// ```swift
/// // main.swift of your own tool
/// import PipelineCore
/// import Stages
/// PipeCommandLine(registry: BuiltinStages.registry.adding(MyStage.self),
///                 bundledPipelines: BuiltinStages.bundledPipelines).main()
/// ```
public struct PipeCommandLine: Sendable {
  public var registry: StageRegistry
  public var bundledPipelines: [String: String]
  public var toolName: String
  public var version: String
  /// Commands contributed by libraries, after the built-in ones.
  public var subcommands: [any Subcommand]

  /// The version of `pipe`.
  public static let pipeVersion = "0.1.0"

  public init(
    registry: StageRegistry, bundledPipelines: [String: String] = [:], subcommands: [any Subcommand] = [],
    toolName: String = "pipe", version: String = PipeCommandLine.pipeVersion
  ) {
    self.subcommands = subcommands
    self.registry = registry
    self.bundledPipelines = bundledPipelines
    self.toolName = toolName
    self.version = version
  }

  /// Runs with the process's arguments and exits with the command's status.
  public func main() -> Never {
    Signals.install()
    let status = run(Array(CommandLine.arguments.dropFirst()))
    exit(status)
  }

  /// Runs a command (`["run", "news", "seeds/"]`) and returns its exit status.
  public func run(_ args: [String]) -> Int32 {
    guard let command = args.first else {
      printErr(usage)
      return 2
    }
    let rest = Array(args.dropFirst())
    do {
      switch command {
      case "run": return try runCommand(rest)
      case "list": return try listCommand(rest)
      case "stats-merge": return try StatsMergeCommand(cli: self).run(rest)
      case "stages": return try stagesCommand(rest)
      case "validate": return try validateCommand(rest)
      case "eval": return try EvalCommand(cli: self).run(rest)
      case "bench": return try BenchCommand(cli: self).run(rest)
      case "help", "-h", "--help":
        if let topic = rest.first, topic != "-h" { return run([topic, "--help"]) }
        print(usage)
        return 0
      case "version", "--version", "-V":
        print("\(toolName) \(version)")
        return 0
      default:
        if let sub = subcommands.first(where: { $0.name == command }) { return try sub.run(rest, cli: self) }
        var msg = "\(toolName): unknown command \"\(command)\""
        if let guess = DidYouMean.best(command, among: allCommands.map(\.0)) { msg += "; did you mean \"\(guess)\"?" }
        printErr(msg + "\nRun '\(toolName) --help' for usage.")
        return 2
      }
    } catch let error as UsageError {
      printErr("\(toolName) \(command): \(error.message)\nRun '\(toolName) \(command) --help' for usage.")
      return 2
    } catch let error as PipelineLoadError {
      printErr(error.description)
      return 2
    } catch {
      printErr("\(toolName) \(command): \(error)")
      return 2
    }
  }

  static let commands: [(String, String)] = [
    ("run", "run a pipeline over files, directories or stdin"),
    ("eval", "run a pipeline and score it against gold records"),
    ("bench", "time each stage of a pipeline alone on parsed documents"),
    ("list", "list the pipelines that can be run by name"),
    ("stats-merge", "add up --stats-json files from shards"),
    ("stages", "list the registered stages and their options"),
    ("validate", "check a pipeline file without running it"),
    ("help", "show help for a command"),
    ("version", "print the version"),
  ]

  var allCommands: [(String, String)] {
    Self.commands + subcommands.map { ($0.name, $0.summary) }
  }

  /// The commands and their summaries, in a column as wide as the longest name.
  var commandList: String {
    let width = (allCommands.map(\.0.count).max() ?? 0) + 2
    return allCommands.map { "  " + $0.0.padded(to: width) + $0.1 }.joined(separator: "\n")
  }

  var usage: String {
    """
    \(toolName) \(version): turn raw scraped news text into clean, structured records

    USAGE: \(toolName) <command> [options]

    COMMANDS:
    \(commandList)

    EXAMPLES:
      \(toolName) run news seeds/                 clean the seed articles
      \(toolName) run news < in.jsonl > out.jsonl  stream JSON Lines
      \(toolName) stages                          what each stage does and its options

    Pipelines are found in ./pipelines/, then in the directories of PIPE_PATH, then among the
    pipelines bundled into \(toolName). Run '\(toolName) <command> --help' for a command's options.
    """
  }

  /// The pipeline loader with the standard search path.
  public var loader: PipelineLoader { loader(allowExec: false) }

  /// The pipeline loader, allowing `exec` stages when `allowExec` (or for trusted directories).
  public func loader(allowExec: Bool) -> PipelineLoader {
    let trusted = (ProcessInfo.processInfo.environment["PIPE_TRUSTED_DIRS"] ?? "").split(separator: ":").map(
      String.init)
    return PipelineLoader(
      registry: registry, locator: .standard(bundled: bundledPipelines),
      permissions: Permissions(allowExec: allowExec, trustedDirectories: trusted))
  }

  // MARK: run

  static let runOptions: [Arguments.Option] = [
    .init("jobs", short: "j", value: "N", help: "worker threads (default: the number of cores)"),
    .init("input", value: "FORMAT", help: "input format: auto (default), jsonl, text"),
    .init("output", short: "o", value: "FORMAT", help: "output format: jsonl (default) or text"),
    .init("on-error", value: "POLICY", help: "continue (default: error record, go on, exit 1) or fail"),
    .init("errors", value: "FILE", help: "write error records to FILE instead of stderr (- : inline on stdout)"),
    .init("shard", value: "I/N", help: "process only the input files of shard I of N (stable by file path)"),
    .init("stats", help: "print per-stage counts and timings to stderr at the end"),
    .init("stats-json", value: "FILE", help: "write the run's counts as JSON to FILE"),
    .init("max-record-bytes", value: "N", help: "refuse records larger than N bytes (default 16777216)"),
    .init("batch-size", value: "N", help: "records per batch (default 256)"),
    .init("allow-exec", help: "allow exec stages to run the programs the pipeline file names"),
    .init("progress", help: "show a progress line on stderr (default: when stderr is a terminal)"),
    .init("no-progress", help: "never show a progress line"),
    .init("help", short: "h", help: "show this help"),
  ]

  func runCommand(_ args: [String]) throws -> Int32 {
    let a = try Arguments(args, options: Self.runOptions)
    if a.has("help") {
      print(
        """
        USAGE: \(toolName) run PIPELINE [INPUT ...] [options]

        Runs PIPELINE (a name such as news, or a path to a .json5 file) over INPUTs: files,
        directories (read recursively) or - for stdin; none means stdin. JSON Lines records
        ({"id": ..., "text": ..., ...}) are recognised; any other file is one document whose id is
        its path. Output is one JSON line per document, in input order. Records that fail become
        error records on stderr (or --errors FILE) and the exit status is 1.

        OPTIONS:
        \(Arguments.help(Self.runOptions))

        EXIT STATUS: 0 success, 1 some records failed, 2 usage or pipeline-file error,
        130/143 interrupted by SIGINT/SIGTERM.
        """)
      return 0
    }
    guard let reference = a.positionals.first else { throw UsageError("missing PIPELINE (try: \(toolName) run news)") }
    let pipeline = try loader(allowExec: a.has("allow-exec")).load(reference)
    var options = RunOptions()
    options.inputs = Array(a.positionals.dropFirst())
    if let j = try a.int("jobs", in: 1...1024) { options.jobs = j }
    if let f = try a.choice("input", as: InputFormat.self) { options.inputFormat = f }
    if let f = try a.choice("output", as: OutputFormat.self) { options.outputFormat = f }
    if let p = try a.choice("on-error", as: ErrorPolicy.self) { options.onError = p }
    if let m = try a.int("max-record-bytes", in: 1024...(1 << 34)) { options.maxRecordBytes = m }
    if let b = try a.int("batch-size", in: 1...100_000) { options.batchSize = b }
    options.errorsPath = a.value("errors")
    if let text = a.value("shard") {
      guard let shard = Shard(parsing: text) else {
        throw UsageError("--shard expects I/N with 1 <= I <= N, got \"\(text)\"")
      }
      guard !options.inputs.isEmpty, !options.inputs.contains("-") else {
        throw UsageError("--shard splits input files; give files or directories, not stdin")
      }
      options.shard = shard
    }
    options.progress = a.has("progress") || (!a.has("no-progress") && isatty(2) == 1 && !options.inputs.isEmpty)
    for input in options.inputs where input != "-" {
      if !FileManager.default.fileExists(atPath: input) {
        throw UsageError("input not found: \(input)")
      }
    }
    let result = StreamRunner.run(pipeline, options: options)
    if let message = result.fatalMessage { printErr(message) }
    if result.exitStatus == 2 { return 2 }
    if a.has("stats") { printErr(result.stats.table) }
    if let path = a.value("stats-json") {
      let text = JSONWriter.string(result.stats.json) + "\n"
      do { try FilePath.write(Array(text.utf8), to: path) } catch {
        printErr("\(toolName): cannot write \(error)")
        return 2
      }
    }
    if result.outputClosed { return 0 }
    return result.exitStatus
  }

  // MARK: list, stages, validate

  func listCommand(_ args: [String]) throws -> Int32 {
    let a = try Arguments(args, options: [.init("help", short: "h", help: "show this help")])
    if a.has("help") {
      print(
        "USAGE: \(toolName) list\n\nLists the pipelines that '\(toolName) run NAME' can find, with their descriptions and where each came from."
      )
      return 0
    }
    let locator = PipelineLocator.standard(bundled: bundledPipelines)
    for source in locator.available() {
      let description = (try? JSON5Parser.parse(source.text))?.root.member("description")?.value.json.stringValue ?? ""
      print("\(source.name.padded(to: 16)) \(description)")
      print("\(String(repeating: " ", count: 17))(\(source.origin): \(source.displayPath))")
    }
    return 0
  }

  func stagesCommand(_ args: [String]) throws -> Int32 {
    let a = try Arguments(
      args, options: [.init("markdown", help: "print Markdown"), .init("help", short: "h", help: "show this help")])
    if a.has("help") {
      print(
        "USAGE: \(toolName) stages [NAME ...] [--markdown]\n\nLists every registered stage with its options, their types and defaults."
      )
      return 0
    }
    let wanted = a.positionals
    for name in wanted where registry.stage(named: name) == nil {
      var msg = "unknown stage \"\(name)\""
      if let g = DidYouMean.best(name, among: registry.names) { msg += "; did you mean \"\(g)\"?" }
      throw UsageError(msg)
    }
    let md = a.has("markdown")
    for stage in registry.stages where wanted.isEmpty || wanted.contains(stage.name) {
      print(md ? "## `\(stage.name)`\n\n\(stage.summary)\n" : "\(stage.name)\n  \(stage.summary)")
      if stage.options.isEmpty { print(md ? "No options.\n" : "  (no options)") }
      if md && !stage.options.isEmpty { print("| option | type | default | |\n|---|---|---|---|") }
      for o in stage.options {
        let def = o.defaultValue == .null ? "(none)" : JSONWriter.string(o.defaultValue)
        if md {
          print("| `\(o.name)` | \(o.kind) | `\(def)` | \(o.help) |")
        } else {
          print("    \(o.name): \(o.kind) = \(def)\n        \(o.help)")
        }
      }
      print("")
    }
    return 0
  }

  func validateCommand(_ args: [String]) throws -> Int32 {
    let a = try Arguments(
      args,
      options: [
        .init("allow-exec", help: "accept exec stages (as run --allow-exec does)"),
        .init("help", short: "h", help: "show this help"),
      ])
    if a.has("help") || a.positionals.isEmpty {
      print(
        "USAGE: \(toolName) validate PIPELINE ...\n\nLoads each pipeline and reports every problem with its location; exit 2 if any."
      )
      return a.has("help") ? 0 : 2
    }
    var status: Int32 = 0
    for reference in a.positionals {
      do {
        let p = try loader(allowExec: a.has("allow-exec")).load(reference)
        print("\(p.displayPath): ok, \(p.steps.count) stages: \(p.steps.map(\.label).joined(separator: " -> "))")
      } catch {
        printErr(error.description)
        status = 2
      }
    }
    return status
  }
}

/// Writes a line to stderr.
func printErr(_ message: String) {
  StandardError.write(message + "\n")
}
