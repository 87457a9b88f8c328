/// One document flowing through a pipeline: its text and every other field of its record.
///
/// `fields` holds the record's members in input order (including `id`, and `text` as a
/// placeholder); stages read and write fields by name, and fields no stage touches are written
/// back unchanged. `text` is kept apart because nearly every stage reads or rewrites it.
public struct Document: Sendable {
  /// The document's text, as the stages have left it so far.
  public var text: String
  /// Every field of the record, in order. The `text` member is replaced by ``text`` on output.
  public var fields: JSONObject
  /// Where the document came from, for error records.
  public var origin: Origin

  /// Where a document came from: an input name (file path or `-`) and a 1-based line or record.
  public struct Origin: Sendable, Equatable {
    public var input: String
    public var line: Int
    public init(input: String, line: Int) {
      self.input = input
      self.line = line
    }
  }

  /// A document from its text and fields.
  public init(text: String, fields: JSONObject = JSONObject(), origin: Origin = Origin(input: "-", line: 1)) {
    self.text = text
    self.fields = fields
    self.origin = origin
    if self.fields["text"] == nil { self.fields["text"] = .null }
  }

  /// A document from a decoded record whose `fields` already hold a `text` member (no lookup).
  init(text: String, recordFields fields: JSONObject, origin: Origin) {
    self.text = text
    self.fields = fields
    self.origin = origin
  }

  /// The record's `id` as a string (numbers as written), or `nil` when it has none.
  public var id: String? {
    switch fields["id"] {
    case .string(let s)?: return s
    case .number(let n)?: return n
    default: return nil
    }
  }

  /// Reads or writes a field. Writing `text` is the same as writing ``text``.
  public subscript(field: String) -> JSONValue? {
    get { field == "text" ? .string(text) : fields[field] }
    set {
      if field == "text" {
        text = newValue?.stringValue ?? ""
      } else {
        fields[field] = newValue
      }
    }
  }

  /// The whole record as a JSON object, with the current text in place.
  public var record: JSONObject {
    var out = fields
    out["text"] = .string(text)
    return out
  }
}

/// What a stage decided about a document.
public enum Verdict: Sendable, Equatable {
  /// Keep the document and pass it on.
  case keep
  /// Drop the document on purpose (it is counted under `reason`, never lost silently).
  case drop(reason: String)
}

/// Per-worker scratch space a stage may use while processing: counters that end up in `--stats`.
public struct StageContext: Sendable {
  /// The counters, found by the identity of their names (see ``StageCounters``).
  var table = StageCounters()

  public init() {}

  /// Named counters; the runner adds them up per stage across workers.
  public var counters: [String: Int] {
    get { table.dictionary }
    set {
      table = StageCounters(capacity: newValue.count)
      for (name, n) in newValue { table.add(name, n) }
    }
  }

  /// Adds `n` to the counter `name`.
  public mutating func count(_ name: String, _ n: Int = 1) {
    table.add(name, n)
  }
}
