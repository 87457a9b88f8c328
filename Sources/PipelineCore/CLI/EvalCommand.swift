import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `pipe eval`: runs a pipeline and scores it against gold records.
///
/// ```
/// pipe eval news --gold ../shared/corpus/dev.gold.jsonl ../shared/corpus/dev.input.jsonl --by lang
/// pipe eval --predictions out.jsonl --gold gold.jsonl --json
/// ```
///
/// Exit status: 0 when it ran (scores are reported, not judged), 1 when some records failed in
/// the run (the scores are still printed), 2 for a usage error or a bad gold file.
struct EvalCommand {
  let cli: PipeCommandLine

  static let options: [Arguments.Option] = [
    .init(
      "gold", short: "g", value: "FILE", help: "gold records, one JSON object per line (required)"),
    .init("by", value: "FIELD", help: "also score each group of a gold field, e.g. lang"),
    .init("json", help: "print one JSON object instead of the table"),
    .init(
      "all-topics",
      help: "score every predicted topic (as score.py does), not only the topics the gold labels"),
    .init(
      "fields", value: "A,B",
      help: "copy these fields of each gold record into its input record first"),
    .init(
      "predictions", short: "p", value: "FILE",
      help: "score an existing 'pipe run' output instead of running"),
    .init("jobs", short: "j", value: "N", help: "worker threads (default: the number of cores)"),
    .init("input", value: "FORMAT", help: "input format: auto (default), jsonl, text"),
    .init("errors", value: "FILE", help: "write error records to FILE instead of stderr"),
    .init("progress", help: "show a progress line on stderr (default: when stderr is a terminal)"),
    .init("no-progress", help: "never show a progress line"),
    .init("help", short: "h", help: "show this help"),
  ]

  func run(_ args: [String]) throws -> Int32 {
    let a = try Arguments(args, options: Self.options)
    let tool = cli.toolName
    if a.has("help") {
      print(help)
      return 0
    }
    guard let goldPath = a.value("gold") else {
      throw UsageError("missing --gold FILE (the gold records to score against)")
    }
    let fields = (a.values["fields"] ?? []).flatMap { $0.split(separator: ",") }
      .map { String($0).trimmingSpacesAndTabs() }.filter { !$0.isEmpty }
    if a.has("fields") && fields.isEmpty {
      throw UsageError("--fields needs field names, e.g. --fields url")
    }
    if let by = a.value("by"), by.isEmpty {
      throw UsageError("--by needs a gold field, e.g. --by lang")
    }

    if let predictionsPath = a.value("predictions") {
      for option in ["fields", "jobs", "input", "errors"] where a.has(option) {
        throw UsageError(
          "--\(option) applies to a run; --predictions scores an existing output instead")
      }
      guard a.positionals.isEmpty else {
        throw UsageError("--predictions scores an existing output: give no PIPELINE or INPUT")
      }
      guard let gold = loadGold(goldPath) else { return 2 }
      var predictions = PredictionSet(keepingTextFor: gold.idsWithSnippets)
      do {
        try JSONLinesFile.forEachRecord(path: predictionsPath) {
          (record, _) throws(EvalFileError) in
          predictions.add(record)
        }
      } catch {
        printErr("\(tool) eval: predictions \(error.description)")
        return 2
      }
      var run = JSONObject()
      run["predictions"] = .string(predictionsPath)
      run["gold"] = .string(goldPath)
      run["records"] = .int(predictions.count)
      let title =
        "\(tool) eval \(predictionsPath) — \(gold.records.count) documents (gold: \(goldPath))"
      report(
        gold: gold, predictions: predictions, by: a.value("by"), json: a.has("json"), title: title,
        allTopics: a.has("all-topics"),
        run: run)
      return 0
    }

    guard let reference = a.positionals.first else {
      throw UsageError("missing PIPELINE (try: \(tool) eval news --gold gold.jsonl INPUT)")
    }
    var options = RunOptions()
    options.inputs = Array(a.positionals.dropFirst())
    if let j = try a.int("jobs", in: 1...1024) { options.jobs = j }
    if let f = try a.choice("input", as: InputFormat.self) { options.inputFormat = f }
    options.errorsPath = a.value("errors")
    options.progress =
      a.has("progress") || (!a.has("no-progress") && isatty(2) == 1 && !options.inputs.isEmpty)
    for input in options.inputs where input != "-" {
      if !FileManager.default.fileExists(atPath: input) {
        throw UsageError("input not found: \(input)")
      }
    }
    var pipeline = try cli.loader.load(reference)
    guard let gold = loadGold(goldPath) else { return 2 }
    if !fields.isEmpty { pipeline = GoldFieldsStage.injecting(gold.fields(fields), into: pipeline) }
    for field in fields where !gold.records.contains(where: { $0[field] != nil }) {
      printErr("\(tool) eval: warning: no gold record has the field \"\(field)\" (--fields)")
    }

    var predictions = PredictionSet(keepingTextFor: gold.idsWithSnippets)
    let result: RunResult
    do {
      result = try EvalRun.run(pipeline, options: options, into: &predictions)
    } catch {
      printErr("\(tool) eval: \(error.description)")
      return 2
    }
    if let message = result.fatalMessage { printErr(message) }
    guard result.exitStatus <= 1, result.fatalMessage == nil else {
      return result.exitStatus == 0 ? 2 : result.exitStatus
    }

    let stats = result.stats
    var run = JSONObject()
    run["pipeline"] = .string(pipeline.name)
    run["gold"] = .string(goldPath)
    run["inputs"] = .strings(options.inputs.isEmpty ? ["-"] : options.inputs)
    if !fields.isEmpty { run["fields"] = .strings(fields) }
    run["records"] = .int(stats.records)
    run["output"] = .int(stats.output)
    run["dropped"] = .int(stats.dropped)
    run["errors"] = .int(stats.errors)
    let title =
      "\(tool) eval \(pipeline.name) — \(gold.records.count) documents (gold: \(goldPath))"
    report(
      gold: gold, predictions: predictions, by: a.value("by"), json: a.has("json"), title: title,
      allTopics: a.has("all-topics"),
      run: run)
    if stats.errors > 0 {
      printErr(
        "\(tool) eval: \(stats.errors) of \(stats.records) records failed (no answer for them)")
    }
    return result.exitStatus
  }

  /// Reads the gold file, printing the problem (with its line) when it cannot be used.
  private func loadGold(_ path: String) -> GoldSet? {
    do {
      return try GoldSet.load(path: path)
    } catch {
      printErr("\(cli.toolName) eval: bad gold file: \(error.description)")
      return nil
    }
  }

  /// Prints the scores as a table (or JSON) on stdout, and warnings on stderr.
  private func report(
    gold: GoldSet, predictions: PredictionSet, by: String?, json: Bool, title: String,
    allTopics: Bool, run: JSONObject
  ) {
    let report = EvalReport(gold: gold.records, predictions: predictions, by: by, allTopics: allTopics)
    if json {
      var out = report.json
      var run = run
      run["unknown_ids"] = .int(report.unknownIDs)
      out["run"] = .object(run)
      print(JSONWriter.string(.object(out)))
    } else {
      let all = report.groups[0].scores
      var summary = "answered \(all.answered) of \(all.documents)"
      if run["pipeline"] != nil, let records = run["records"]?.intValue {
        summary += "; the run gave \(predictions.count) records of \(records)"
        let dropped = run["dropped"]?.intValue ?? 0
        let errors = run["errors"]?.intValue ?? 0
        if dropped > 0 || errors > 0 { summary += " (\(dropped) dropped, \(errors) failed)" }
      } else {
        summary += " (\(predictions.count) records read)"
      }
      print(title)
      print(summary)
      print(report.table)
      if report.fields.topics, let labels = report.topicLabels {
        print(
          "\ntopics are scored over the gold's labels (\(labels.sorted().joined(separator: ", "))); "
            + "--all-topics counts every topic given")
      }
    }
    if report.unknownIDs > 0 {
      printErr(
        "\(cli.toolName) eval: warning: \(report.unknownIDs) record ids are not in the gold file (not scored)"
      )
    }
    if predictions.withoutID > 0 {
      printErr(
        "\(cli.toolName) eval: warning: \(predictions.withoutID) records have no id (not scored)")
    }
  }

  private var help: String {
    let tool = cli.toolName
    return """
      USAGE: \(tool) eval PIPELINE --gold GOLD.jsonl [INPUT ...] [options]
             \(tool) eval --predictions OUTPUT.jsonl --gold GOLD.jsonl [options]

      Runs PIPELINE over INPUTs exactly as '\(tool) run' does (files, directories, - or nothing for
      stdin; JSON Lines records or text documents) and scores the output records against the
      gold records with the same id, field by field, as the corpus scorer (score.py) does:

        date    exact day over gold documents with a date (first 10 characters; X in the gold
                matches anything), coverage, precision, and the share of documents the gold
                leaves undated that were given a date anyway
        time    when the gold has a time: the date must read YYYY-MM-DDTHH:MM, the gold's day
                and time
        source  outlet name, folded (case, accents, umlauts, punctuation, a leading "the"), equal
                to the gold source, an alias, the domain or the domain's first label
        topics  exact-set rate, micro precision/recall/F1 (optional topics ignored), per topic
        text    over documents with 'with' snippets: share of 'with' kept, of 'without' removed,
                precision and F1 = 2tp/(2tp+fp+fn) (whitespace-collapsed, NFKC substrings)

      A field is scored when the output records carry it and the gold has it. A gold document
      with no output record (dropped, failed, or not in the input) counts as no answer.

      OPTIONS:
      \(Arguments.help(Self.options))

      EXAMPLES:
        \(tool) eval news --gold gold.jsonl articles/              score the news pipeline
        \(tool) eval news --gold gold.jsonl in.jsonl --fields url   with each gold url in the input
        \(tool) eval news --gold gold.jsonl in.jsonl --by lang      also per language
        \(tool) run news in.jsonl > out.jsonl && \(tool) eval -p out.jsonl --gold gold.jsonl

      EXIT STATUS: 0 scored, 1 scored but some records failed in the run, 2 usage error or a bad
      gold or predictions file.
      """
  }
}
