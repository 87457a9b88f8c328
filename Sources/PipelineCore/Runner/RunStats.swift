/// Counts for one run: per stage and in total. Every input record ends up in exactly one of
/// `output`, `dropped` or `errors`, so `records == output + dropped + errors`.
public struct RunStats: Sendable, Equatable {
  /// Counts for one stage of the pipeline.
  public struct StageStats: Sendable, Equatable {
    public var name: String
    public var label: String
    /// Documents that reached the stage.
    public var documents = 0
    /// Documents the stage dropped, by reason.
    public var dropped: [String: Int] = [:]
    /// Documents the stage failed on.
    public var errors = 0
    /// Time spent in the stage, in nanoseconds.
    public var nanoseconds: Int64 = 0
    /// The stage's own counters (`StageContext.count`).
    public var counters: [String: Int] = [:]

    public init(name: String, label: String) {
      self.name = name
      self.label = label
    }
  }

  /// Records read (JSON lines, text documents, and inputs that could not be read).
  public var records = 0
  /// Records written to the output.
  public var output = 0
  /// Records dropped on purpose by a stage.
  public var dropped = 0
  /// Records that became error records.
  public var errors = 0
  /// Of `errors`, those that failed before any stage: unreadable, not JSON, no `text`...
  public var inputErrors = 0
  /// Strings whose invalid UTF-8 was replaced by U+FFFD.
  public var repairedUTF8 = 0
  /// Bytes of input read.
  public var bytesRead = 0
  /// Wall-clock time of the run, in nanoseconds.
  public var wallNanoseconds: Int64 = 0
  public var stages: [StageStats]

  public init(stages: [StageStats]) { self.stages = stages }

  /// Adds `other` (from another worker or shard) to these counts.
  public mutating func merge(_ other: RunStats) {
    records += other.records
    output += other.output
    dropped += other.dropped
    errors += other.errors
    inputErrors += other.inputErrors
    repairedUTF8 += other.repairedUTF8
    bytesRead += other.bytesRead
    wallNanoseconds = max(wallNanoseconds, other.wallNanoseconds)
    for (i, s) in other.stages.enumerated() where i < stages.count {
      stages[i].documents += s.documents
      stages[i].errors += s.errors
      stages[i].nanoseconds += s.nanoseconds
      for (k, v) in s.dropped { stages[i].dropped[k, default: 0] += v }
      for (k, v) in s.counters { stages[i].counters[k, default: 0] += v }
    }
  }

  /// The stats as a JSON object (the `--stats-json` format).
  public var json: JSONValue {
    var root = JSONObject()
    root["records"] = .int(records)
    root["output"] = .int(output)
    root["dropped"] = .int(dropped)
    root["errors"] = .int(errors)
    root["input_errors"] = .int(inputErrors)
    root["repaired_utf8"] = .int(repairedUTF8)
    root["bytes_read"] = .int(bytesRead)
    root["wall_seconds"] = .double(Double(wallNanoseconds) / 1e9)
    root["stages"] = .array(
      stages.map { s in
        var o = JSONObject()
        o["stage"] = .string(s.name)
        o["label"] = .string(s.label)
        o["documents"] = .int(s.documents)
        o["dropped"] = .object(JSONObject(s.dropped.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
        o["errors"] = .int(s.errors)
        o["seconds"] = .double(Double(s.nanoseconds) / 1e9)
        o["counters"] = .object(JSONObject(s.counters.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
        return .object(o)
      })
    return .object(root)
  }

  /// Reads stats written by ``json`` (for merging shard stats files).
  public init?(json: JSONValue) {
    guard let root = json.objectValue, let stageList = root["stages"]?.arrayValue else { return nil }
    stages = []
    records = root["records"]?.intValue ?? 0
    output = root["output"]?.intValue ?? 0
    dropped = root["dropped"]?.intValue ?? 0
    errors = root["errors"]?.intValue ?? 0
    inputErrors = root["input_errors"]?.intValue ?? 0
    repairedUTF8 = root["repaired_utf8"]?.intValue ?? 0
    bytesRead = root["bytes_read"]?.intValue ?? 0
    wallNanoseconds = Int64((root["wall_seconds"]?.doubleValue ?? 0) * 1e9)
    for item in stageList {
      guard let o = item.objectValue, let name = o["stage"]?.stringValue else { return nil }
      var s = StageStats(name: name, label: o["label"]?.stringValue ?? name)
      s.documents = o["documents"]?.intValue ?? 0
      s.errors = o["errors"]?.intValue ?? 0
      s.nanoseconds = Int64((o["seconds"]?.doubleValue ?? 0) * 1e9)
      for (k, v) in o["dropped"]?.objectValue ?? JSONObject() { s.dropped[k] = v.intValue ?? 0 }
      for (k, v) in o["counters"]?.objectValue ?? JSONObject() { s.counters[k] = v.intValue ?? 0 }
      stages.append(s)
    }
  }

  /// A table for humans (`--stats`).
  public var table: String {
    let total = max(1, stages.reduce(Int64(0)) { $0 + $1.nanoseconds })
    var lines: [String] = []
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
    lines.append(
      pad("#", 3) + pad("stage", 22) + lpad("docs", 9) + lpad("dropped", 9) + lpad("errors", 8) + lpad("ms", 10)
        + lpad("time%", 7) + "  MB/s")
    let mb = Double(bytesRead) / 1e6
    for (i, s) in stages.enumerated() {
      let ms = Double(s.nanoseconds) / 1e6
      let share = 100 * Double(s.nanoseconds) / Double(total)
      let rate = s.nanoseconds > 0 ? mb / (Double(s.nanoseconds) / 1e9) : 0
      var line = pad("\(i)", 3) + pad(s.label, 22) + lpad("\(s.documents)", 9)
      line += lpad("\(s.dropped.values.reduce(0, +))", 9) + lpad("\(s.errors)", 8)
      line += lpad(String(format1(ms)), 10) + lpad(format1(share), 7) + "  " + format1(rate)
      lines.append(line)
      for (k, v) in s.counters.sorted(by: { $0.key < $1.key }) { lines.append("     \(k): \(v)") }
      for (k, v) in s.dropped.sorted(by: { $0.key < $1.key }) { lines.append("     dropped (\(k)): \(v)") }
    }
    lines.append(
      "records \(records) = output \(output) + dropped \(dropped) + errors \(errors)"
        + (inputErrors > 0 ? " (of which \(inputErrors) before any stage)" : "")
        + (repairedUTF8 > 0 ? "; invalid UTF-8 repaired in \(repairedUTF8) strings" : ""))
    let secs = Double(wallNanoseconds) / 1e9
    if secs > 0 {
      lines.append(
        "read \(format1(mb)) MB in \(format1(secs * 1000)) ms: \(format1(mb / secs)) MB/s, \(Int(Double(records) / secs)) records/s"
      )
    }
    return lines.joined(separator: "\n")
  }

  private func format1(_ x: Double) -> String {
    let r = (x * 10).rounded() / 10
    return String(r)
  }
}
