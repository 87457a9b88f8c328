import PipelineCore

/// Reads taxonomy data (parsed JSON or JSON5) into a ``TaxonomyPatch``, reporting every problem
/// with the path of the offending value so callers can turn it into a line and column.
public enum TaxonomyParser {
  /// The keys a topic may have.
  static let topicKeys = [
    "id", "label", "definition", "iptc", "threshold", "terms", "exclude", "replace",
  ]
  /// The keys a term object may have.
  static let termKeys = ["term", "terms", "weight"]
  /// The keys of a taxonomy file.
  static let fileKeys = ["version", "description", "topics"]

  /// The weight of a term written without one.
  public static let defaultWeight = 1.0

  /// Reads a taxonomy file's root object: `{ version: 1, description: "...", topics: {...} }`.
  /// Paths in errors start at the root (`["topics", "visa", "terms", "3"]`).
  public static func parseFile(_ root: JSONValue) throws(TaxonomyError) -> TaxonomyPatch {
    guard case .object(let members) = root else {
      throw TaxonomyError(
        path: [], "a taxonomy file must be an object with \"topics\", found \(root.kindName)")
    }
    try checkKeys(members, allowed: fileKeys, path: [], what: "taxonomy file")
    if let v = members["version"], v.intValue != 1 {
      throw TaxonomyError(
        path: ["version"],
        "unsupported taxonomy version \(JSONWriter.string(v)); this pipe reads version 1")
    }
    guard let topics = members["topics"] else {
      throw TaxonomyError(path: [], "missing \"topics\": an object of topics by id")
    }
    do {
      return try parseTopics(topics)
    } catch {
      throw TaxonomyError(path: ["topics"] + error.path, error.message)
    }
  }

  /// Reads topics written as an object by id (`{ visa: {...}, sport: false }`) or as an array of
  /// topics with an `id` each. Paths in errors start at `value`.
  public static func parseTopics(_ value: JSONValue) throws(TaxonomyError) -> TaxonomyPatch {
    var out: [TaxonomyPatch.TopicPatch] = []
    switch value {
    case .object(let members):
      for (id, spec) in members {
        out.append(try parseTopic(spec, id: id, path: [id]))
      }
    case .array(let items):
      for (i, item) in items.enumerated() {
        guard case .object(let o) = item else {
          throw TaxonomyError(
            path: [String(i)], "a topic must be an object with \"id\", found \(item.kindName)")
        }
        guard let id = o["id"]?.stringValue else {
          throw TaxonomyError(path: [String(i)], "a topic in an array needs an \"id\" string")
        }
        out.append(try parseTopic(item, id: id, path: [String(i)]))
      }
    default:
      throw TaxonomyError(
        path: [],
        "topics must be an object of topics by id or an array of topics, found \(value.kindName)")
    }
    var seen: Set<String> = []
    for t in out where !seen.insert(t.id).inserted {
      throw TaxonomyError(path: [], "topic \"\(t.id)\" is defined twice")
    }
    return TaxonomyPatch(topics: out)
  }

  static func parseTopic(_ value: JSONValue, id: String, path: [String]) throws(TaxonomyError)
    -> TaxonomyPatch.TopicPatch
  {
    guard isValidID(id) else {
      throw TaxonomyError(
        path: path, "topic id \"\(id)\" must be lower-case letters, digits, '-' or '_'")
    }
    var topic = TaxonomyPatch.TopicPatch(id: id)
    switch value {
    case .bool(false), .null:
      topic.remove = true
      return topic
    case .object(let members):
      try checkKeys(members, allowed: topicKeys, path: path, what: "topic \"\(id)\"")
      if let v = members["id"], v.stringValue != id {
        throw TaxonomyError(
          path: path + ["id"], "\"id\" must be the string \"\(id)\" (the topic's key)")
      }
      topic.label = try string(members["label"], path + ["label"])
      topic.definition = try string(members["definition"], path + ["definition"])
      if let code = try string(members["iptc"], path + ["iptc"]) {
        topic.iptc = try iptcCode(code, path + ["iptc"])
      }
      if let t = members["threshold"] {
        guard let d = t.doubleValue, d > 0, d.isFinite else {
          throw TaxonomyError(path: path + ["threshold"], "\"threshold\" must be a positive number")
        }
        topic.threshold = d
      }
      if let r = members["replace"] {
        guard let b = r.boolValue else {
          throw TaxonomyError(path: path + ["replace"], "\"replace\" must be true or false")
        }
        topic.replace = b
      }
      if let terms = members["terms"] {
        topic.terms = try parseTerms(terms, path: path + ["terms"], weighted: true)
      }
      if let exclude = members["exclude"] {
        topic.exclude = try parseTerms(exclude, path: path + ["exclude"], weighted: false)
      }
      if topic.terms.isEmpty && members["terms"] != nil {
        throw TaxonomyError(path: path + ["terms"], "\"terms\" is empty; list at least one term")
      }
      return topic
    default:
      throw TaxonomyError(
        path: path,
        "topic \"\(id)\" must be an object (or false to remove it), found \(value.kindName)")
    }
  }

  /// Reads a list of terms: strings, `{ term: "...", weight: 2 }` or `{ terms: [...], weight: 2 }`.
  static func parseTerms(_ value: JSONValue, path: [String], weighted: Bool) throws(TaxonomyError)
    -> [Taxonomy.Term]
  {
    guard case .array(let items) = value else {
      throw TaxonomyError(path: path, "expected an array of terms, found \(value.kindName)")
    }
    var out: [Taxonomy.Term] = []
    for (i, item) in items.enumerated() {
      // The path of this item, built only for an error message.
      func here() -> [String] { path + [String(i)] }
      switch item {
      case .string(let s):
        out.append(try term(s, weight: defaultWeight, path: here()))
      case .object(let members):
        try checkKeys(
          members, allowed: weighted ? termKeys : ["term", "terms"], path: here(), what: "term")
        var weight = defaultWeight
        if let w = members["weight"] {
          guard let d = w.doubleValue, d != 0, d.isFinite else {
            throw TaxonomyError(
              path: here() + ["weight"],
              "\"weight\" must be a non-zero number (negative for counter-evidence)")
          }
          weight = d
        }
        switch (members["term"], members["terms"]) {
        case (.string(let s)?, nil):
          out.append(try term(s, weight: weight, path: here() + ["term"]))
        case (nil, .array(let list)?):
          guard !list.isEmpty else {
            throw TaxonomyError(path: here() + ["terms"], "\"terms\" is empty")
          }
          for (j, t) in list.enumerated() {
            guard case .string(let s) = t else {
              throw TaxonomyError(
                path: here() + ["terms", String(j)], "a term must be a string, found \(t.kindName)")
            }
            out.append(try term(s, weight: weight, path: here() + ["terms", String(j)]))
          }
        case (nil, nil):
          throw TaxonomyError(
            path: here(), "a term object needs \"term\" (a string) or \"terms\" (an array)")
        case (.some, .some):
          throw TaxonomyError(path: here(), "give either \"term\" or \"terms\", not both")
        case (.some(let v), nil):
          throw TaxonomyError(
            path: here() + ["term"], "\"term\" must be a string, found \(v.kindName)")
        case (nil, .some(let v)):
          throw TaxonomyError(
            path: here() + ["terms"], "\"terms\" must be an array of strings, found \(v.kindName)")
        }
      default:
        throw TaxonomyError(
          path: here(), "a term must be a string or an object, found \(item.kindName)")
      }
    }
    return out
  }

  static func term(_ text: String, weight: Double, path: @autoclosure () -> [String])
    throws(TaxonomyError) -> Taxonomy.Term
  {
    do {
      return Taxonomy.Term(text: text, weight: weight, patterns: try TermSyntax.expand(text))
    } catch {
      throw TaxonomyError(path: path(), error.message)
    }
  }

  static func string(_ value: JSONValue?, _ path: [String]) throws(TaxonomyError) -> String? {
    guard let value else { return nil }
    guard case .string(let s) = value else {
      throw TaxonomyError(path: path, "expected a string, found \(value.kindName)")
    }
    return s
  }

  /// An IPTC Media Topic code: 8 digits, optionally written `medtop:12345678`.
  static func iptcCode(_ text: String, _ path: [String]) throws(TaxonomyError) -> String {
    let code = text.hasPrefix("medtop:") ? String(text.dropFirst(7)) : text
    guard code.utf8.count == 8, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      throw TaxonomyError(
        path: path, "an IPTC Media Topic code has 8 digits (\"04000000\"), got \"\(text)\"")
    }
    return code
  }

  static func isValidID(_ id: String) -> Bool {
    !id.isEmpty
      && id.utf8.allSatisfy { b in
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
      }
  }

  static func checkKeys(
    _ members: JSONObject, allowed: [String], path: @autoclosure () -> [String], what: String
  ) throws(TaxonomyError) {
    for key in members.keys where !allowed.contains(key) {
      var message = "unknown key \"\(key)\" in \(what)"
      if let guess = DidYouMean.best(key, among: allowed) {
        message += "; did you mean \"\(guess)\"?"
      }
      message += " (allowed: \(allowed.joined(separator: ", ")))"
      throw TaxonomyError(path: path() + [key], message)
    }
  }
}
