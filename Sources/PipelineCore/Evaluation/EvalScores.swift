/// Which fields a scoring scores: a field is scored when the predictions carry it and the gold
/// has it (any gold record has the key), so a date-only gold file reports only dates.
public struct ScoredFields: Sendable, Equatable {
  /// Publication date: predictions carry `date` and a gold record has the key.
  public var date = false
  /// Time of day: predictions carry `date` and some gold record has a non-null `time`.
  public var time = false
  /// Outlet: predictions carry `source`; a gold record has `source`, `domain` or `aliases`.
  public var source = false
  /// Topics: predictions carry `topics` and a gold record has the key.
  public var topics = false
  /// Boilerplate removal: predictions carry `text` and the gold has `with` snippets.
  public var text = false

  /// Chooses the fields by hand.
  public init(
    date: Bool = false, time: Bool = false, source: Bool = false, topics: Bool = false,
    text: Bool = false
  ) {
    self.date = date
    self.time = time
    self.source = source
    self.topics = topics
    self.text = text
  }

  /// The fields `predictionFields` and `gold` have in common.
  public init(gold: [JSONObject], predictionFields: Set<String>) {
    let inGold = Self(gold: gold)
    date = inGold.date && predictionFields.contains("date")
    time = inGold.time && predictionFields.contains("date")
    source = inGold.source && predictionFields.contains("source")
    topics = inGold.topics && predictionFields.contains("topics")
    text = inGold.text && predictionFields.contains("text")
  }

  /// The fields `gold` can score.
  public init(gold: [JSONObject]) {
    func goldHas(_ keys: String...) -> Bool {
      gold.contains { g in keys.contains { g[$0] != nil } }
    }
    date = goldHas("date")
    time = gold.contains { $0["time"]?.isTruthy == true }
    source = goldHas("source", "domain", "aliases")
    topics = goldHas("topics")
    text = goldHas("with")
  }

  /// The names of the fields scored (`date`, `time`, `source`, `topics`, `text`).
  public var names: [String] {
    [("date", date), ("time", time), ("source", source), ("topics", topics), ("text", text)]
      .filter(\.1).map(\.0)
  }
}

/// The scores of one group of gold documents (all of them, or those with `lang` = `de`, ...).
public struct EvalScores: Sendable, Equatable {
  /// Gold documents in the group.
  public var documents = 0
  /// Of those, how many the run gave a record for.
  public var answered = 0
  /// Each field's scores, or `nil` when the field is not scored.
  public var date: DateScore?
  /// See ``date``.
  public var time: TimeScore?
  /// See ``date``.
  public var source: SourceScore?
  /// See ``date``.
  public var topics: TopicScore?
  /// See ``date``.
  public var text: TextScore?

  /// Scores `gold` against `predictions` for the fields in `fields`.
  /// `topicLabels`, when given, limits topic scoring to those topics (see ``TopicScore``).
  public init(gold: [JSONObject], predictions: PredictionSet, fields: ScoredFields, topicLabels: Set<String>? = nil) {
    if fields.date { date = DateScore() }
    if fields.time { time = TimeScore() }
    if fields.source { source = SourceScore() }
    if fields.topics { topics = TopicScore(labels: topicLabels) }
    if fields.text { text = TextScore() }
    for g in gold {
      documents += 1
      let prediction = g["id"].flatMap { predictions.record(id: $0) }
      if prediction != nil { answered += 1 }
      date?.add(gold: g, prediction: prediction)
      time?.add(gold: g, prediction: prediction)
      source?.add(gold: g, prediction: prediction)
      topics?.add(gold: g, prediction: prediction)
      text?.add(gold: g, prediction: prediction)
    }
  }

  /// The scores as one JSON object: the reference scorer's keys (`documents`, `answered`,
  /// `date_accuracy`, ..., `with_kept`, `f1`, `tp`, ...) with `pipe eval`'s extra metrics
  /// after each field's.
  public var json: JSONObject {
    var out = JSONObject()
    out["documents"] = .int(documents)
    out["answered"] = .int(answered)
    date?.json(into: &out)
    time?.json(into: &out)
    source?.json(into: &out)
    topics?.json(into: &out)
    text?.json(into: &out)
    return out
  }

  /// The table rows, field by field.
  public var rows: [EvalRow] {
    var rows: [EvalRow] = []
    rows += date?.rows ?? []
    rows += time?.rows ?? []
    rows += source?.rows ?? []
    rows += topics?.rows ?? []
    rows += text?.rows ?? []
    return rows
  }
}
