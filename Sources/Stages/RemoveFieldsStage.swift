import PipelineCore

/// Removes fields from the output record.
///
/// ```json5
/// { stage: "remove", options: { fields: ["date_evidence", "source_evidence"] } }
/// ```
public struct RemoveFieldsStage: Stage {
  public static let name = "remove"
  public static let summary = "Removes fields from the record (text cannot be removed; use set or replace to empty it)."
  public static let options: [OptionSpec] = [
    .init("fields", .strings, default: [], help: "names of the fields to remove")
  ]
  public static let examples: [StageExample] = [
    .init("x", fields: ["a": 1, "b": 2], options: ["fields": ["a"]], expect: [.field("a", nil), .field("b", 2)])
  ]

  let fields: [String]

  public init(options: StageOptions) throws {
    fields = options.strings("fields")
    if fields.contains("text") { throw OptionError(option: "fields", "\"text\" cannot be removed") }
    if fields.contains("id") {
      throw OptionError(option: "fields", "\"id\" cannot be removed: error records and eval need it")
    }
  }

  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    for f in fields { document.fields[f] = nil }
    return .keep
  }
}
