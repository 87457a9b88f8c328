/// The gold records of an evaluation, in file order, as read from a JSON Lines file: one object
/// per line, each with an `id` (a string, or any JSON value) matching the id of a document.
public struct GoldSet: Sendable {
  /// The records in file order (duplicates included, as the reference scorer counts them).
  public var records: [JSONObject]
  /// Where they were read from.
  public var path: String

  /// Gold records made in code.
  public init(records: [JSONObject], path: String = "<gold>") {
    self.records = records
    self.path = path
  }

  /// Reads the gold file at `path`. Throws with the line number of the first bad line (not
  /// JSON, not an object, or no `id`), or when the file cannot be read or has no record.
  public static func load(path: String) throws(EvalFileError) -> GoldSet {
    var records: [JSONObject] = []
    try JSONLinesFile.forEachRecord(path: path) { (record, line) throws(EvalFileError) in
      guard record["id"] != nil else {
        throw EvalFileError(path: path, line: line, "the gold record has no \"id\"")
      }
      records.append(record)
    }
    if records.isEmpty {
      throw EvalFileError(path: path, "no gold records (expected one JSON object per line)")
    }
    return GoldSet(records: records, path: path)
  }

  /// The ids (as ``EvalID/key(_:)`` gives them) of the records with `with` snippets: the only
  /// documents whose output text is scored.
  public var idsWithSnippets: Set<String> {
    Set(records.filter { $0["with"]?.isTruthy == true }.compactMap { $0["id"].map(EvalID.key) })
  }

  /// For each id, the members `names` that its gold record has (for `pipe eval --fields`).
  public func fields(_ names: [String]) -> [String: JSONObject] {
    var table: [String: JSONObject] = [:]
    for record in records {
      guard let id = record["id"] else { continue }
      var picked = JSONObject()
      for name in names {
        if let value = record[name] { picked[name] = value }
      }
      if picked.count > 0 { table[EvalID.key(id)] = picked }
    }
    return table
  }
}
