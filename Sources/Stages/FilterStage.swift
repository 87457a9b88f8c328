import PipelineCore

/// Keeps or drops documents by a condition on their fields and text. Dropped documents are
/// counted per reason in `--stats`, never lost silently.
///
/// ```json5
/// { stage: "filter", options: { keep: { hasTopic: ["visa", "trade"], minLength: 200 } } }
/// { stage: "filter", options: { drop: [{ hasDate: false }, { sourceIn: ["Spam Daily"] }], reason: "junk" } }
/// ```
public struct FilterStage: Stage {
  public static let name = "filter"
  public static let summary =
    "Keeps (keep) or drops (drop) documents matching a condition on fields or text; drops are counted."
  public static let options: [OptionSpec] = [
    .init(
      "keep", .any,
      help: "keep only documents matching this condition (object: all keys must hold; array: any object). Conditions: "
        + FilterCondition.keys.joined(separator: ", ")),
    .init("drop", .any, help: "drop documents matching this condition"),
    .init("reason", .string, help: "the reason counted in the stats for dropped documents (default: filter)"),
  ]
  public static let examples: [StageExample] = [
    .init("short", options: ["keep": ["minLength": 10]], expect: [.dropped]),
    .init("x", fields: ["topics": ["visa"]], options: ["keep": ["hasTopic": ["visa", "trade"]]], expect: [.text("x")]),
    .init("x", fields: ["date": nil], options: ["drop": ["hasDate": false]], expect: [.dropped]),
  ]

  let condition: FilterCondition
  let keepMatching: Bool
  let reason: String

  public init(options: StageOptions) throws {
    switch (options.isSet("keep"), options.isSet("drop")) {
    case (true, false):
      condition = try FilterCondition(options["keep"], option: "keep")
      keepMatching = true
    case (false, true):
      condition = try FilterCondition(options["drop"], option: "drop")
      keepMatching = false
    case (true, true): throw OptionError(option: "drop", "give either \"keep\" or \"drop\", not both")
    case (false, false): throw OptionError(option: "keep", "give a condition: \"keep\" or \"drop\"")
    }
    reason = options.string("reason") ?? "filter"
  }

  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    condition.matches(document) == keepMatching ? .keep : .drop(reason: reason)
  }
}
