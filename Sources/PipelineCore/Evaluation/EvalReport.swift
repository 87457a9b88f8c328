/// The result of scoring a set of predictions against gold records: the scores of all gold
/// documents, then (with a `by` field) of each group of them, largest group first.
///
/// ```swift
/// let report = EvalReport(gold: goldRecords, predictions: PredictionSet(outputRecords), by: "lang")
/// print(report.table)
/// ```
public struct EvalReport: Sendable {
  /// The scores of one group of gold documents.
  public struct Group: Sendable {
    /// `all`, or `FIELD=VALUE` (`lang=de`) as the reference scorer names groups.
    public var name: String
    /// The group's scores.
    public var scores: EvalScores
  }

  /// `all` first, then one group per value of the `by` field.
  public var groups: [Group]
  /// The fields that were scored.
  public var fields: ScoredFields
  /// The topics scored (the gold's label set), or `nil` when every predicted topic counts.
  public var topicLabels: Set<String>?
  /// Prediction ids that are not in the gold file (they are not scored).
  public var unknownIDs: Int
  /// Fields the gold has but no record carries (`date` before a date stage is in the
  /// pipeline): not scored, and named under the table.
  public var unscored: [String]

  /// Scores `predictions` against `gold`, also per value of the gold field `by` when given.
  ///
  /// Topics are scored over the topics the gold labels (the union of every gold record's
  /// `topics` and `topics_optional`): a topic the gold never labels can be neither right nor
  /// wrong. Pass `allTopics: true` to count every predicted topic, as `score.py` does.
  public init(gold: [JSONObject], predictions: PredictionSet, by: String? = nil, allTopics: Bool = false) {
    let fields = ScoredFields(gold: gold, predictionFields: predictions.fields)
    let labels = allTopics ? nil : TopicScore.vocabulary(of: gold)
    topicLabels = labels
    self.fields = fields
    unscored = ScoredFields(gold: gold).names.filter { $0 != "time" && !fields.names.contains($0) }
    groups = [
      Group(name: "all", scores: EvalScores(gold: gold, predictions: predictions, fields: fields, topicLabels: labels))
    ]
    if let by {
      for (value, members) in Self.grouped(gold, by: by) {
        groups.append(
          Group(
            name: "\(by)=\(value)",
            scores: EvalScores(gold: members, predictions: predictions, fields: fields, topicLabels: labels)))
      }
    }
    let goldKeys = Set(gold.compactMap { $0["id"].map(EvalID.key) })
    unknownIDs = predictions.keys.filter { !goldKeys.contains($0) }.count
  }

  /// Gold records grouped by the text of their `by` field (`None` when absent or null), largest
  /// group first, ties in order of first appearance.
  static func grouped(_ gold: [JSONObject], by: String) -> [(String, [JSONObject])] {
    var order: [String] = []
    var members: [String: [JSONObject]] = [:]
    for g in gold {
      let value = g[by]?.pythonString ?? "None"
      if members[value] == nil { order.append(value) }
      members[value, default: []].append(g)
    }
    let groups = order.enumerated().map {
      (index: $0.offset, value: $0.element, records: members[$0.element] ?? [])
    }
    return groups.sorted { ($0.records.count, $1.index) > ($1.records.count, $0.index) }.map {
      ($0.value, $0.records)
    }
  }

  /// The report as the reference scorer's `--json` prints it: `{"all": {...}, "lang=de": {...}}`.
  public var json: JSONObject {
    JSONObject(groups.map { ($0.name, .object($0.scores.json)) })
  }

  /// A table for people: one section per group, one row per metric.
  public var table: String {
    var lines: [String] = []
    let allRows = groups.flatMap(\.scores.rows)
    let footer =
      unscored.isEmpty
      ? [] : ["", "not scored (no record carries the field): " + unscored.joined(separator: ", ")]
    guard !allRows.isEmpty else {
      let wanted =
        unscored.isEmpty ? "date, source, topics or text" : unscored.joined(separator: ", ")
      return "nothing to score: no record carries a field the gold can score (\(wanted))"
    }
    let fieldWidth = max(5, allRows.map(\.field.count).max() ?? 0) + 2
    let metricWidth = max(6, allRows.map(\.metric.count).max() ?? 0) + 2
    for (i, group) in groups.enumerated() {
      if i > 0 {
        lines.append("")
        lines.append(
          "[\(group.name)] \(group.scores.documents) documents, \(group.scores.answered) answered")
      }
      lines.append(
        pad("field", fieldWidth) + pad("metric", metricWidth) + lpad("value", 7) + lpad("n", 7))
      for row in group.scores.rows {
        lines.append(
          pad(row.field, fieldWidth) + pad(row.metric, metricWidth) + lpad(row.value, 7)
            + lpad("\(row.n)", 7))
      }
      if let perTopic = group.scores.topics?.perTopicTable, !perTopic.isEmpty {
        lines.append("")
        lines += perTopic
      }
    }
    return (lines + footer).joined(separator: "\n")
  }

  private func pad(_ s: String, _ n: Int) -> String {
    s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
  }

  private func lpad(_ s: String, _ n: Int) -> String {
    s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s
  }
}
