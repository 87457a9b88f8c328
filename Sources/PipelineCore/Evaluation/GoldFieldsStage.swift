/// Copies fields of the gold record with the same id into each document, so that a pipeline is
/// evaluated with inputs that carry them (`pipe eval --fields url`). `pipe eval` wraps the
/// pipeline's first stage with it (see ``injecting(_:into:)``), so stage positions, labels and
/// error records stay those of the pipeline file; as a stage of its own it reads the gold file
/// named by its `gold` option.
struct GoldFieldsStage: Stage {
  static let name = "copy-gold-fields"
  static let summary =
    "Copies the given fields of the gold record with the same id into each document."
  static let options: [OptionSpec] = [
    OptionSpec("gold", .string, help: "JSON Lines file of gold records, each with an id"),
    OptionSpec(
      "fields", .strings, default: [], help: "the fields to copy (those the gold record has)"),
  ]

  /// The fields to copy, by document id key.
  let values: [String: JSONObject]
  /// The stage that runs after the copy, when this one wraps another.
  let wrapped: (any Stage)?

  init(values: [String: JSONObject], wrapping wrapped: (any Stage)? = nil) {
    self.values = values
    self.wrapped = wrapped
  }

  init(options: StageOptions) throws {
    guard let path = options.path("gold") else {
      throw OptionError(option: "gold", "no gold file given")
    }
    let gold: GoldSet
    do { gold = try GoldSet.load(path: path) } catch {
      throw OptionError(option: "gold", error.description)
    }
    let names = options.strings("fields")
    if names.isEmpty { throw OptionError(option: "fields", "name at least one field to copy") }
    self.init(values: gold.fields(names))
  }

  func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    if let id = document.fields["id"], let picked = values[EvalID.key(id)] {
      for (name, value) in picked { document[name] = value }
    }
    return try wrapped?.process(&document, context: &context) ?? .keep
  }

  /// `pipeline` with the copy done just before its first stage (or as its only stage when it
  /// has none).
  static func injecting(_ values: [String: JSONObject], into pipeline: Pipeline) -> Pipeline {
    var steps = pipeline.steps
    if let first = steps.first {
      steps[0] = Pipeline.Step(
        name: first.name, index: first.index, label: first.label,
        stage: GoldFieldsStage(values: values, wrapping: first.stage))
    } else {
      steps = [
        Pipeline.Step(name: name, index: 0, label: name, stage: GoldFieldsStage(values: values))
      ]
    }
    return Pipeline(
      name: pipeline.name, description: pipeline.description, displayPath: pipeline.displayPath,
      steps: steps)
  }
}
