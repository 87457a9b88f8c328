import PipelineCore

/// Adds, copies and renames fields.
///
/// ```json5
/// { stage: "set", options: { fields: { collection: "kz-canada" }, rename: { source: "outlet" } } }
/// ```
public struct SetFieldsStage: Stage {
  public static let name = "set"
  public static let summary = "Sets fields to constant values, copies fields, renames fields (in that order)."
  public static let options: [OptionSpec] = [
    .init("fields", .object, default: [:], help: "field -> value to set (any JSON value; null clears)"),
    .init("copy", .object, default: [:], help: "source field -> destination field"),
    .init("rename", .object, default: [:], help: "old name -> new name (keeps the position)"),
    .init("overwrite", .boolean, default: true, help: "replace fields that already have a value"),
  ]
  public static let examples: [StageExample] = [
    .init("x", options: ["fields": ["batch": 7]], expect: [.field("batch", 7)]),
    .init(
      "x", fields: ["source": "Kazinform"], options: ["rename": ["source": "outlet"]],
      expect: [.field("outlet", "Kazinform"), .field("source", nil)]),
  ]

  let values: [(String, JSONValue)]
  let copies: [(String, String)]
  let renames: [(String, String)]
  let overwrite: Bool

  public init(options: StageOptions) throws {
    values = options["fields"].objectValue?.members.map { ($0.key, $0.value) } ?? []
    func pairs(_ name: String) throws -> [(String, String)] {
      try (options[name].objectValue?.members ?? []).map { m in
        guard let to = m.value.stringValue, !to.isEmpty else {
          throw OptionError(option: name, path: [m.key], "expected a field name (string)")
        }
        return (m.key, to)
      }
    }
    copies = try pairs("copy")
    renames = try pairs("rename")
    for (from, to) in copies + renames where from == "text" || to == "text" {
      throw OptionError(
        option: copies.contains { $0 == (from, to) } ? "copy" : "rename", path: [from],
        "\"text\" cannot be copied or renamed")
    }
    overwrite = options.bool("overwrite")
  }

  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    for (k, v) in values where overwrite || document[k] == nil || document[k] == .null { document[k] = v }
    for (from, to) in copies {
      if let v = document[from], overwrite || document[to] == nil { document[to] = v }
    }
    for (from, to) in renames where document.fields[from] != nil {
      if !overwrite, document.fields[to] != nil { continue }
      document.fields.rename(from, to: to)
    }
    return .keep
  }
}
