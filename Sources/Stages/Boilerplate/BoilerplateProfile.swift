import PipelineCore

/// Lines learned to recur across many documents of one outlet (`pipe learn-boilerplate`), which
/// strip-boilerplate removes whatever they say.
///
/// The file is JSON5:
///
/// ```json5
/// {
///   version: 1,
///   groupBy: "source",   // the field that named each document's group; null: one group "*"
///   minDocs: 3,
///   documents: 1200,
///   groups: {
///     "Example News": { documents: 340, lines: ["Startseite", "Alle Rechte vorbehalten"] },
///   },
/// }
/// ```
public struct BoilerplateProfile: Sendable {
  /// The field documents are grouped by (`source`, `url`, ...), or `nil` for a single group.
  public var groupBy: String?
  /// Line hashes by group key.
  public var groups: [String: Set<UInt64>]

  /// The group name used when a profile is not grouped.
  public static let allGroup = "*"

  public init(groupBy: String?, groups: [String: Set<UInt64>]) {
    self.groupBy = groupBy
    self.groups = groups
  }

  /// Reads a profile file's text; errors name `option`.
  public init(json5 text: String, option: String) throws {
    let root: JSONValue
    do { root = try JSON5Parser.parse(text).root.json } catch {
      throw OptionError(option: option, "not valid JSON5: \(error.location): \(error.message)")
    }
    guard let object = root.objectValue else {
      throw OptionError(option: option, "a profile is an object with \"groups\"")
    }
    if let version = object["version"]?.intValue, version != 1 {
      throw OptionError(option: option, "profile version \(version) is not supported (expected 1)")
    }
    groupBy = object["groupBy"]?.stringValue
    guard let groupObject = object["groups"]?.objectValue else {
      throw OptionError(option: option, path: ["groups"], "missing \"groups\" object")
    }
    var groups: [String: Set<UInt64>] = [:]
    for (name, group) in groupObject {
      guard let lines = group.objectValue?["lines"]?.arrayValue else {
        throw OptionError(option: option, path: ["groups", name], "expected { lines: [...] }")
      }
      var hashes = Set<UInt64>()
      for line in lines {
        if let s = line.stringValue { hashes.insert(Self.hash(s)) }
      }
      groups[name] = hashes
    }
    self.groups = groups
  }

  /// The group of a document: the `groupBy` field's value (a URL counts by its host, without
  /// `www.`), or ``allGroup`` when the profile is not grouped; `nil` when the field is missing.
  public static func groupKey(of fields: JSONObject, groupBy: String?) -> String? {
    guard let groupBy else { return allGroup }
    guard let value = fields[groupBy]?.stringValue, !value.isEmpty else { return nil }
    if groupBy == "url" || value.contains("://") { return host(of: value) }
    return value
  }

  /// The lower-cased host of a URL, without `www.`.
  public static func host(of url: String) -> String {
    var rest = Substring(url)
    if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }.lowercased()
    return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
  }

  /// The normalised hash of a line: case folded, whitespace collapsed, indentation ignored.
  public static func hash(_ line: String) -> UInt64 {
    let bytes = Array(line.utf8)
    return bytes.withUnsafeBufferPointer { hash($0, 0, $0.count) }
  }

  /// The normalised hash of `p[start..<end]`.
  static func hash(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
    var h = TextScanner.seed
    var i = start
    var pendingSpace = false
    var any = false
    while i < end {
      let b = p[i]
      if TextScanner.isBlank(b) || b == 0x0A {
        pendingSpace = any
        i += 1
        continue
      }
      let (cp, n) = b < 0x80 ? (UInt32(b), 1) : TextScanner.decode(p, i, end)
      i += n
      let (kind, folded) = TextScanner.classify(cp)
      if kind == .ignorable || cp == 0xA0 {
        if cp == 0xA0 { pendingSpace = any }
        continue
      }
      if pendingSpace { h = TextScanner.add(h, 0x20) }
      pendingSpace = false
      any = true
      h = TextScanner.add(h, folded)
    }
    return h
  }
}
