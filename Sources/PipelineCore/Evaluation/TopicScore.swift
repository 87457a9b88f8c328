/// Topic-tagging scores over all gold documents.
///
/// A document is exactly right when every required topic and no topic outside required +
/// optional (`topics_optional`) is given. Micro precision and recall ignore optional topics: a
/// given optional topic is neither a true nor a false positive, a missing one is not a miss.
public struct TopicScore: Sendable, Equatable {
  /// Gold documents scored (all of them).
  public var documents = 0
  /// Documents whose topics are exactly right.
  public var exact = 0
  /// Required topics given (true positives), over all documents.
  public var truePositives = 0
  /// Topics given that are neither required nor optional.
  public var falsePositives = 0
  /// Required topics not given.
  public var falseNegatives = 0
  /// The same counts for each topic.
  public var perTopic: [String: Counts] = [:]

  /// True positives, false positives and false negatives of one topic.
  public struct Counts: Sendable, Equatable {
    /// Documents where the topic is required and given.
    public var truePositives = 0
    /// Documents where it is given but neither required nor optional.
    public var falsePositives = 0
    /// Documents where it is required but not given.
    public var falseNegatives = 0

    /// Empty counts.
    public init() {}

    /// tp / (tp + fp).
    public var precision: Share { Share(truePositives, of: truePositives + falsePositives) }
    /// tp / (tp + fn).
    public var recall: Share { Share(truePositives, of: truePositives + falseNegatives) }
    /// 2tp / (2tp + fp + fn), the harmonic mean of precision and recall.
    public var f1: Share {
      Share(2 * truePositives, of: 2 * truePositives + falsePositives + falseNegatives)
    }
  }

  /// When set, only these topics are scored: predicted topics outside the set are ignored.
  public var labels: Set<String>?

  /// Empty counts, scoring every topic, or only `labels` when given.
  public init(labels: Set<String>? = nil) { self.labels = labels }

  /// Every topic the gold labels: the union of the records' `topics` and `topics_optional`.
  public static func vocabulary(of gold: [JSONObject]) -> Set<String> {
    gold.reduce(into: Set<String>()) { $0.formUnion(topics($1["topics"]).union(topics($1["topics_optional"]))) }
  }

  /// Share of documents whose topics are exactly right.
  public var exactRate: Share { Share(exact, of: documents) }
  /// Micro precision: tp / (tp + fp) over all documents.
  public var precision: Share { Share(truePositives, of: truePositives + falsePositives) }
  /// Micro recall: tp / (tp + fn) over all documents.
  public var recall: Share { Share(truePositives, of: truePositives + falseNegatives) }
  /// Micro F1: 2tp / (2tp + fp + fn).
  public var f1: Share {
    Share(2 * truePositives, of: 2 * truePositives + falsePositives + falseNegatives)
  }

  /// Counts one gold document and its prediction (`nil` when the run gave none).
  public mutating func add(gold: JSONObject, prediction: JSONObject?) {
    documents += 1
    let need = Self.topics(gold["topics"])
    let may = Self.topics(gold["topics_optional"])
    var got = Self.topics(prediction?["topics"])
    if let labels { got.formIntersection(labels) }
    if need.isSubset(of: got) && got.isSubset(of: need.union(may)) { exact += 1 }
    for topic in got.intersection(need) {
      truePositives += 1
      perTopic[topic, default: Counts()].truePositives += 1
    }
    for topic in got.subtracting(need).subtracting(may) {
      falsePositives += 1
      perTopic[topic, default: Counts()].falsePositives += 1
    }
    for topic in need.subtracting(got) {
      falseNegatives += 1
      perTopic[topic, default: Counts()].falseNegatives += 1
    }
  }

  /// The topics of a `topics` value as Python's `set(value or [])` sees them: the members of
  /// an array (strings as themselves, other values as their JSON text), the characters of a
  /// string, the keys of an object.
  static func topics(_ value: JSONValue?) -> Set<String> {
    guard let value, value.isTruthy else { return [] }
    switch value {
    case .array(let items):
      return Set(items.map { $0.stringValue ?? JSONWriter.string($0) })
    case .string(let s):
      return Set(s.unicodeScalars.map { String($0) })
    case .object(let o):
      return Set(o.keys)
    default:
      return [JSONWriter.string(value)]
    }
  }

  func json(into out: inout JSONObject) {
    out["topics_exact"] = exactRate.json
    out["topics_precision"] = precision.json
    out["topics_recall"] = recall.json
    out["topics_f1"] = f1.json
    var each = JSONObject()
    for (topic, c) in perTopic.sorted(by: { $0.key < $1.key }) {
      each[topic] = [
        "precision": c.precision.json, "recall": c.recall.json, "f1": c.f1.json,
        "tp": .int(c.truePositives), "fp": .int(c.falsePositives), "fn": .int(c.falseNegatives),
      ]
    }
    out["topics_per_topic"] = .object(each)
  }

  var rows: [EvalRow] {
    [
      EvalRow("topics", "exact", exactRate),
      EvalRow("topics", "precision (micro)", precision),
      EvalRow("topics", "recall (micro)", recall),
      EvalRow("topics", "f1 (micro)", f1, n: truePositives + falsePositives + falseNegatives),
    ]
  }

  /// A table of each topic's precision, recall and F1, with how often it was given and how
  /// often the gold requires it.
  var perTopicTable: [String] {
    guard !perTopic.isEmpty else { return [] }
    let width = max(5, perTopic.keys.map(\.count).max() ?? 0) + 2
    func cell(_ s: String, _ n: Int) -> String {
      String(repeating: " ", count: max(1, n - s.count)) + s
    }
    var lines = [
      "topic".padded(to: width)
        + cell("precision", 10) + cell("recall", 8) + cell("f1", 8) + cell("given", 7)
        + cell("gold", 6)
    ]
    for (topic, c) in perTopic.sorted(by: { $0.key < $1.key }) {
      lines.append(
        topic.padded(to: width)
          + cell(c.precision.formatted, 10)
          + cell(c.recall.formatted, 8) + cell(c.f1.formatted, 8)
          + cell("\(c.truePositives + c.falsePositives)", 7)
          + cell("\(c.truePositives + c.falseNegatives)", 6))
    }
    return lines
  }
}
