/// The records of a run (or of a `pipe run` output file) indexed by id, ready to be scored.
///
/// Only the fields `pipe eval` scores are kept from each record (`date`, `source`, `topics`,
/// and `text` when the gold needs it), so scoring a large run does not hold every record whole.
/// Later records with the same id replace earlier ones, as in the reference scorer.
public struct PredictionSet: Sendable {
  /// Every field name seen on any record: a field no record carries is not scored.
  public private(set) var fields: Set<String> = []
  /// The number of records added (including ones without an id).
  public private(set) var count = 0
  /// Records without an `id`: they cannot be matched with gold and are not scored.
  public private(set) var withoutID = 0
  private var byKey: [String: JSONObject] = [:]
  private let textNeeded: Set<String>?

  /// The fields kept from each record.
  static let scoredFields = ["date", "source", "topics", "text"]

  /// An empty set. `textFor` lists the ids (as ``EvalID/key(_:)`` gives them) whose text is
  /// kept; `nil` keeps every text.
  public init(keepingTextFor textFor: Set<String>? = nil) {
    textNeeded = textFor
  }

  /// A set of `records`, keeping every text.
  public init(_ records: [JSONObject]) {
    self.init()
    for r in records { add(r) }
  }

  /// Adds one output record.
  public mutating func add(_ record: JSONObject) {
    count += 1
    for key in record.keys { fields.insert(key) }
    guard let id = record["id"] else {
      withoutID += 1
      return
    }
    let key = EvalID.key(id)
    var kept = JSONObject()
    for name in Self.scoredFields {
      guard let value = record[name] else { continue }
      if name == "text", let needed = textNeeded, !needed.contains(key) { continue }
      kept[name] = value
    }
    byKey[key] = kept
  }

  /// The record whose id is `id`, or `nil` (no answer).
  public func record(id: JSONValue) -> JSONObject? { byKey[EvalID.key(id)] }

  /// The ids (as keys) of all records.
  public var keys: Dictionary<String, JSONObject>.Keys { byKey.keys }
}

/// Matching records by id.
public enum EvalID {
  /// The key under which a record with this id is matched: the id's JSON text, so the string
  /// `"1"` and the number `1` stay different ids, as they are for the reference scorer.
  public static func key(_ id: JSONValue) -> String {
    JSONWriter.string(id)
  }
}
