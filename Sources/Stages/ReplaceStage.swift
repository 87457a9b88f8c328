import Foundation
import PipelineCore

/// Replaces literal strings or regular expressions in the text (or another string field).
///
/// Regular expressions run with a time limit per document, so a pattern that backtracks
/// catastrophically fails that one document (an error record) instead of hanging the run.
///
/// ```json5
/// { stage: "replace", options: { rules: [
///     { find: "Click here to subscribe", with: "" },
///     { regex: "\\s*\\(Photo: [^)]*\\)", with: "", ignoreCase: true },
/// ] } }
/// ```
public struct ReplaceStage: Stage {
  public static let name = "replace"
  public static let summary = "Replaces literal text or regular expressions (with a time limit) in the text or a field."
  public static let options: [OptionSpec] = [
    .init(
      "rules", .any,
      help:
        "array of { find: LITERAL | regex: PATTERN, with: REPLACEMENT (default \"\"), ignoreCase: BOOL }, applied in order"
    ),
    .init("field", .string, default: "text", help: "the string field to rewrite"),
    .init("timeoutMs", .integer, default: 200, help: "time limit per regular expression per document, in milliseconds"),
  ]
  public static let examples: [StageExample] = [
    .init(
      "Read more at example.com. Real text.", options: ["rules": [["find": "Read more at example.com. ", "with": ""]]],
      expect: [.text("Real text.")]),
    .init(
      "Price: 10 USD, 20 usd", options: ["rules": [["regex": "(\\d+) usd", "with": "$1 dollars", "ignoreCase": true]]],
      expect: [.text("Price: 10 dollars, 20 dollars")]),
  ]

  enum Rule: Sendable {
    case literal(find: [UInt8], with: [UInt8], ignoreCase: Bool)
    case regex(NSRegularExpressionBox, template: String, source: String)
  }

  let rules: [Rule]
  let field: String
  let timeout: Double

  public init(options: StageOptions) throws {
    field = options.string("field") ?? "text"
    timeout = Double(options.int("timeoutMs") ?? 200) / 1000
    guard case .array(let items) = options["rules"] else {
      throw OptionError(option: "rules", "expected an array of rules, e.g. [{ find: \"x\", with: \"y\" }]")
    }
    var rules: [Rule] = []
    for (i, item) in items.enumerated() {
      let path = [String(i)]
      guard let o = item.objectValue else {
        throw OptionError(option: "rules", path: path, "each rule must be an object")
      }
      for key in o.keys where !["find", "regex", "with", "ignoreCase"].contains(key) {
        var msg = "unknown key \"\(key)\" in a rule (allowed: find, regex, with, ignoreCase)"
        if let g = DidYouMean.best(key, among: ["find", "regex", "with", "ignoreCase"]) {
          msg += "; did you mean \"\(g)\"?"
        }
        throw OptionError(option: "rules", path: path + [key], msg)
      }
      let with: String
      switch o["with"] {
      case nil: with = ""
      case .string(let s)?: with = s
      default: throw OptionError(option: "rules", path: path + ["with"], "\"with\" must be a string")
      }
      var ignoreCase = false
      if let v = o["ignoreCase"] {
        guard let b = v.boolValue else {
          throw OptionError(option: "rules", path: path + ["ignoreCase"], "must be true or false")
        }
        ignoreCase = b
      }
      switch (o["find"], o["regex"]) {
      case (.string(let find)?, nil):
        guard !find.isEmpty else { throw OptionError(option: "rules", path: path + ["find"], "must not be empty") }
        rules.append(.literal(find: Array(find.utf8), with: Array(with.utf8), ignoreCase: ignoreCase))
      case (nil, .string(let pattern)?):
        do {
          let re = try NSRegularExpression(pattern: pattern, options: ignoreCase ? [.caseInsensitive] : [])
          rules.append(.regex(NSRegularExpressionBox(re), template: with, source: pattern))
        } catch {
          throw OptionError(option: "rules", path: path + ["regex"], "invalid regular expression: \(pattern)")
        }
      default:
        throw OptionError(
          option: "rules", path: path,
          "a rule needs exactly one of \"find\" (a literal) or \"regex\" (a pattern), as a string")
      }
    }
    self.rules = rules
  }

  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    guard var value = document[field]?.stringValue else { return .keep }
    for rule in rules {
      switch rule {
      case .literal(let find, let with, let ignoreCase):
        if let replaced = ByteSearch.replaceAll(in: value, find: find, with: with, ignoreCase: ignoreCase) {
          value = replaced.text
          context.count("replacements", replaced.count)
        }
      case .regex(let box, let template, let source):
        value = try box.replace(in: value, template: template, timeout: timeout, pattern: source, context: &context)
      }
    }
    document[field] = .string(value)
    return .keep
  }
}

/// An `NSRegularExpression` (immutable and thread-safe once built) held in a `Sendable` box.
struct NSRegularExpressionBox: @unchecked Sendable {
  let regex: NSRegularExpression
  init(_ regex: NSRegularExpression) { self.regex = regex }

  /// Replaces every match of the pattern, failing with a ``StageError`` past `timeout` seconds.
  func replace(
    in text: String, template: String, timeout: Double, pattern: String, context: inout StageContext
  ) throws -> String {
    let ns = text as NSString
    let start = Date()
    var ranges: [NSTextCheckingResult] = []
    var timedOut = false
    regex.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(location: 0, length: ns.length)) {
      match, _, stop in
      if let match { ranges.append(match) }
      if Date().timeIntervalSince(start) > timeout {
        timedOut = true
        stop.pointee = true
      }
    }
    if timedOut {
      throw StageError(
        "regular expression \(pattern) ran past its \(Int(timeout * 1000)) ms limit (catastrophic backtracking?)")
    }
    guard !ranges.isEmpty else { return text }
    let out = NSMutableString(string: text)
    for match in ranges.reversed() {
      let replacement = regex.replacementString(for: match, in: text, offset: 0, template: template)
      out.replaceCharacters(in: match.range, with: replacement)
    }
    context.count("replacements", ranges.count)
    return out as String
  }
}
