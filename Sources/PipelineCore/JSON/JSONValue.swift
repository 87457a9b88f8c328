/// A JSON value as `pipe` reads and writes it.
///
/// Numbers keep their original spelling (`.number("1e400")`), so a field that no stage touches is
/// written back exactly as it arrived. Objects keep their key order.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number, kept as its JSON lexeme.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// The string payload, or `nil` for any other kind of value.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The number as a `Double`, or `nil` when this is not a number.
  public var doubleValue: Double? {
    if case .number(let n) = self { return Double(n) }
    return nil
  }

  /// The number as an `Int` when it is integral and in range.
  public var intValue: Int? {
    guard case .number(let n) = self else { return nil }
    if let i = Int(n) { return i }
    if let d = Double(n), d.rounded() == d, abs(d) < 9.0e15 { return Int(d) }
    return nil
  }

  /// The boolean payload, or `nil`.
  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The array payload, or `nil`.
  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// The object payload, or `nil`.
  public var objectValue: JSONObject? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// A short name of the value's kind, for messages ("string", "number", ...).
  public var kindName: String {
    switch self {
    case .null: return "null"
    case .bool: return "boolean"
    case .number: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }

  /// Makes a number value from an integer.
  public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

  /// Makes a number value from a double (integral doubles are written without a fraction).
  public static func double(_ value: Double) -> JSONValue {
    guard value.isFinite else { return .null }
    if value.rounded() == value, abs(value) < 1e15 { return .number(String(Int(value))) }
    return .number(String(value))
  }

  /// Makes an array of strings.
  public static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
}

/// A JSON object that keeps its keys in insertion order.
///
/// Records are small (a handful of keys), so lookup is a linear scan, which beats hashing here.
public struct JSONObject: Sendable, Equatable, Sequence {
  /// The members in order.
  public private(set) var members: [(key: String, value: JSONValue)]

  /// An empty object.
  public init() { members = [] }

  /// An object from members in order. Later duplicates replace earlier ones.
  public init(_ members: [(String, JSONValue)]) {
    self.members = []
    self.members.reserveCapacity(members.count)
    for (k, v) in members { self[k] = v }
  }

  /// An object from members whose keys the caller knows to be distinct, kept as they are.
  init(distinctMembers: [(key: String, value: JSONValue)]) {
    members = distinctMembers
  }

  /// The number of members.
  public var count: Int { members.count }

  /// The keys in order.
  public var keys: [String] { members.map(\.key) }

  /// Reads, replaces in place, appends, or (when set to `nil`) removes a member.
  public subscript(key: String) -> JSONValue? {
    get {
      for m in members where JSONObject.sameKey(m.key, key) { return m.value }
      return nil
    }
    set {
      if let i = members.firstIndex(where: { JSONObject.sameKey($0.key, key) }) {
        if let newValue { members[i].value = newValue } else { members.remove(at: i) }
      } else if let newValue {
        members.append((key, newValue))
      }
    }
  }

  /// Whether two keys are the same: keys of different lengths (most pairs) are told apart
  /// without a call into the string comparison.
  @inline(__always)
  static func sameKey(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a == b
  }

  /// Renames a member in place, keeping its position. Returns `false` when `from` is absent.
  @discardableResult
  public mutating func rename(_ from: String, to: String) -> Bool {
    guard let i = members.firstIndex(where: { $0.key == from }) else { return false }
    let value = members[i].value
    self[to] = nil
    if let j = members.firstIndex(where: { $0.key == from }) {
      members[j] = (to, value)
    }
    return true
  }

  public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
    members.makeIterator()
  }

  public static func == (a: JSONObject, b: JSONObject) -> Bool {
    a.members.count == b.members.count
      && zip(a.members, b.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }
}
