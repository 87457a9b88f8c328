import PipelineCore

/// A condition on a document's fields and text, read from a pipeline file.
///
/// All keys of one condition object must hold (AND); an array of condition objects holds when
/// any of them does (OR).
struct FilterCondition: Sendable {
  static let keys = [
    "hasTopic", "topicsField", "hasDate", "hasSource", "sourceIn", "minLength", "maxLength", "hasField", "fieldEquals",
    "textContains", "not",
  ]

  var anyOf: [Clause]

  struct Clause: Sendable {
    var hasTopic: [String]?
    var topicsField = "topics"
    var hasDate: Bool?
    var hasSource: Bool?
    var sourceIn: [String]?
    var minLength: Int?
    var maxLength: Int?
    var hasField: [String]?
    var fieldEquals: [(String, JSONValue)]?
    var textContains: [[UInt8]]?
    var not: FilterConditionBox?
  }

  /// Parses a condition; `option` and `path` locate errors.
  init(_ value: JSONValue, option: String, path: [String] = []) throws {
    switch value {
    case .object(let o): anyOf = [try Self.clause(o, option: option, path: path)]
    case .array(let items):
      anyOf = try items.enumerated().map { i, item in
        guard let o = item.objectValue else {
          throw OptionError(option: option, path: path + [String(i)], "expected a condition object")
        }
        return try Self.clause(o, option: option, path: path + [String(i)])
      }
    default: throw OptionError(option: option, path: path, "expected a condition object or an array of them")
    }
  }

  private static func strings(_ v: JSONValue, _ option: String, _ path: [String]) throws -> [String] {
    if let s = v.stringValue { return [s] }
    if let a = v.arrayValue, a.allSatisfy({ $0.stringValue != nil }) { return a.compactMap(\.stringValue) }
    throw OptionError(option: option, path: path, "expected a string or an array of strings")
  }

  private static func clause(_ o: JSONObject, option: String, path: [String]) throws -> Clause {
    var c = Clause()
    for (key, v) in o {
      let p = path + [key]
      switch key {
      case "hasTopic": c.hasTopic = try strings(v, option, p)
      case "topicsField":
        guard let s = v.stringValue else { throw OptionError(option: option, path: p, "expected a field name") }
        c.topicsField = s
      case "hasDate", "hasSource":
        guard let b = v.boolValue else { throw OptionError(option: option, path: p, "expected true or false") }
        if key == "hasDate" { c.hasDate = b } else { c.hasSource = b }
      case "sourceIn": c.sourceIn = try strings(v, option, p)
      case "minLength", "maxLength":
        guard let n = v.intValue, n >= 0 else {
          throw OptionError(option: option, path: p, "expected a non-negative integer")
        }
        if key == "minLength" { c.minLength = n } else { c.maxLength = n }
      case "hasField": c.hasField = try strings(v, option, p)
      case "fieldEquals":
        guard let obj = v.objectValue else {
          throw OptionError(option: option, path: p, "expected an object { field: value }")
        }
        c.fieldEquals = obj.members.map { ($0.key, $0.value) }
      case "textContains": c.textContains = try strings(v, option, p).map { Array($0.utf8).map(ByteSearch.fold) }
      case "not": c.not = FilterConditionBox(try FilterCondition(v, option: option, path: p))
      default:
        var msg = "unknown condition \"\(key)\" (allowed: \(keys.joined(separator: ", ")))"
        if let g = DidYouMean.best(key, among: keys) { msg = "unknown condition \"\(key)\"; did you mean \"\(g)\"?" }
        throw OptionError(option: option, path: p, msg)
      }
    }
    return c
  }

  func matches(_ doc: Document) -> Bool { anyOf.contains { $0.matches(doc) } }
}

/// Indirection for nested `not` conditions.
final class FilterConditionBox: Sendable {
  let condition: FilterCondition
  init(_ condition: FilterCondition) { self.condition = condition }
}

extension FilterCondition.Clause {
  private func present(_ v: JSONValue?) -> Bool {
    switch v {
    case nil, .null?: return false
    case .string(let s)?: return !s.isEmpty
    case .array(let a)?: return !a.isEmpty
    default: return true
    }
  }

  func matches(_ doc: Document) -> Bool {
    if let want = hasTopic {
      let topics = doc[topicsField]?.arrayValue?.compactMap(\.stringValue) ?? []
      if !want.contains(where: topics.contains) { return false }
    }
    if let want = hasDate, present(doc["date"]) != want { return false }
    if let want = hasSource, present(doc["source"]) != want { return false }
    if let list = sourceIn {
      guard let s = doc["source"]?.stringValue, list.contains(where: { $0.caseInsensitiveCompare(s) }) else {
        return false
      }
    }
    if minLength != nil || maxLength != nil {
      let n = doc.text.unicodeScalars.count
      if let m = minLength, n < m { return false }
      if let m = maxLength, n > m { return false }
    }
    if let fields = hasField, !fields.allSatisfy({ present(doc[$0]) }) { return false }
    if let pairs = fieldEquals, !pairs.allSatisfy({ doc[$0.0] == $0.1 }) { return false }
    if let needles = textContains, !needles.contains(where: { ByteSearch.contains(doc.text, $0) }) { return false }
    if let not, not.condition.matches(doc) { return false }
    return true
  }
}

extension String {
  fileprivate func caseInsensitiveCompare(_ other: String) -> Bool {
    self.lowercased() == other.lowercased()
  }
}
