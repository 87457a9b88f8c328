import PipelineCore

/// Replaces literal strings or regular expressions in the text (or another string field).
///
/// Regular expressions use the ICU/Perl syntax (a subset: no backreferences or lookaround, which
/// are rejected when the pipeline loads) and run on a linear-time engine (``PikeVM``): no pattern
/// can backtrack catastrophically. A time limit per document stays as a safety net; a document
/// that exceeds it fails alone (an error record) instead of holding up the run.
///
/// ```json5
/// { stage: "replace", options: { rules: [
///     { find: "Click here to subscribe", with: "" },
///     { regex: "\\s*\\(Photo: [^)]*\\)", with: "", ignoreCase: true },
/// ] } }
/// ```
public struct ReplaceStage: Stage {
  public static let name = "replace"
  public static let summary =
    "Replaces literal text or regular expressions (linear-time engine, with a time limit) in the text or a field."
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
    .init(
      "Ставка 16,75% — решение ЦБ", options: ["rules": [["regex": "(?i)\\bцб\\b", "with": "Центробанк"]]],
      expect: [.text("Ставка 16,75% — решение Центробанк")]),
    .init(
      "Updated: 2024-03-05. Body.",
      options: ["rules": [["regex": "^Updated: (?<d>\\d{4}-\\d{2}-\\d{2})\\. ", "with": "[${d}] "]]],
      expect: [.text("[2024-03-05] Body.")]),
  ]

  /// One rule: a literal or a regular expression. A struct of optionals rather than an enum
  /// with payloads: Swift keeps a multi-payload enum's case in the spare bits of its pointers,
  /// which hides the rule's storage from LeakSanitizer while fuzzing (a false "leak").
  struct Rule: Sendable {
    var literal: (find: [UInt8], with: [UInt8], ignoreCase: Bool)?
    var regex: (program: RegexProgram, template: RegexReplacement, source: String)?
  }

  let rules: [Rule]
  let field: String
  let timeoutMs: Int

  public init(options: StageOptions) throws {
    field = options.string("field") ?? "text"
    timeoutMs = options.int("timeoutMs") ?? 200
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
        rules.append(Rule(literal: (Array(find.utf8), Array(with.utf8), ignoreCase)))
      case (nil, .string(let pattern)?):
        let program: RegexProgram
        do {
          program = try RegexProgram(pattern: pattern, ignoreCase: ignoreCase)
        } catch {
          throw OptionError(
            option: "rules", path: path + ["regex"], "invalid regular expression \"\(pattern)\": \(error)")
        }
        do {
          let template = try RegexReplacement(
            with, captureCount: program.captureCount, names: program.captureNames)
          rules.append(Rule(regex: (program, template, pattern)))
        } catch {
          throw OptionError(option: "rules", path: path + ["with"], "invalid replacement \"\(with)\": \(error)")
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
      if let (find, with, ignoreCase) = rule.literal {
        if let replaced = ByteSearch.replaceAll(in: value, find: find, with: with, ignoreCase: ignoreCase) {
          value = replaced.text
          context.count("replacements", replaced.count)
        }
      }
      if let (program, template, source) = rule.regex {
        let deadline = ContinuousClock.now + .milliseconds(timeoutMs)
        do {
          if let replaced = try template.replaceAll(in: value, using: PikeVM(program: program), deadline: deadline) {
            value = replaced.text
            context.count("replacements", replaced.count)
          }
        } catch {
          throw StageError("regular expression \(source) ran past its \(timeoutMs) ms limit")
        }
      }
    }
    document[field] = .string(value)
    return .keep
  }
}
