/// A usage error on the command line (exit status 2).
public struct UsageError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// A small command-line argument parser: flags (`--jobs 4`, `--jobs=4`, `-j 4`), switches
/// (`--stats`), repeated flags, positionals, and `--` to end options. Every flag is declared,
/// so an unknown or misspelt one is an error with a suggestion.
public struct Arguments {
  /// A declared option.
  public struct Option: Sendable {
    public var long: String
    public var short: Character?
    /// Whether the option takes a value (`--jobs N`) or is a switch (`--stats`).
    public var takesValue: Bool
    public var valueName: String
    public var help: String

    public init(_ long: String, short: Character? = nil, value: String? = nil, help: String) {
      self.long = long
      self.short = short
      self.takesValue = value != nil
      self.valueName = value ?? ""
      self.help = help
    }
  }

  /// Values given for each option, in order.
  public private(set) var values: [String: [String]] = [:]
  /// Positional arguments.
  public private(set) var positionals: [String] = []

  /// Parses `args` against `options`.
  public init(_ args: [String], options: [Option]) throws(UsageError) {
    var i = 0
    var onlyPositionals = false
    while i < args.count {
      let arg = args[i]
      i += 1
      if onlyPositionals || arg == "-" || !arg.hasPrefix("-") {
        positionals.append(arg)
        continue
      }
      if arg == "--" {
        onlyPositionals = true
        continue
      }
      var name: String
      var inline: String?
      let option: Option?
      if arg.hasPrefix("--") {
        name = String(arg.dropFirst(2))
        if let eq = name.firstIndex(of: "=") {
          inline = String(name[name.index(after: eq)...])
          name = String(name[..<eq])
        }
        option = options.first { $0.long == name }
      } else {
        let chars = Array(arg.dropFirst())
        guard chars.count >= 1 else { throw UsageError("invalid option \(arg)") }
        name = String(chars[0])
        option = options.first { $0.short == chars[0] }
        if chars.count > 1 { inline = String(chars.dropFirst()) }
      }
      guard let option else {
        var msg = "unknown option \(arg)"
        if let guess = DidYouMean.best(name, among: options.map(\.long)) { msg += "; did you mean --\(guess)?" }
        throw UsageError(msg)
      }
      if option.takesValue {
        let value: String
        if let inline {
          value = inline
        } else {
          guard i < args.count else { throw UsageError("option --\(option.long) needs a value (\(option.valueName))") }
          value = args[i]
          i += 1
        }
        values[option.long, default: []].append(value)
      } else {
        if inline != nil { throw UsageError("option --\(option.long) takes no value") }
        values[option.long, default: []].append("")
      }
    }
  }

  /// Whether the switch or option was given.
  public func has(_ long: String) -> Bool { values[long] != nil }

  /// The last value given for `long`.
  public func value(_ long: String) -> String? { values[long]?.last }

  /// An integer value within `range`, or `nil` when absent.
  public func int(_ long: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
    guard let v = value(long) else { return nil }
    guard let n = Int(v), range.contains(n) else {
      throw UsageError(
        "option --\(long) expects an integer from \(range.lowerBound) to \(range.upperBound), got \"\(v)\"")
    }
    return n
  }

  /// A value that must be one of an enum's raw values.
  public func choice<T: RawRepresentable & CaseIterable>(_ long: String, as: T.Type) throws(UsageError) -> T?
  where T.RawValue == String {
    guard let v = value(long) else { return nil }
    guard let c = T(rawValue: v) else {
      throw UsageError(
        "option --\(long) expects one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(v)\"")
    }
    return c
  }

  /// Help text for `options`, one per line.
  public static func help(_ options: [Option]) -> String {
    options.map { o in
      var left = "  "
      if let s = o.short { left += "-\(s), " } else { left += "    " }
      left += "--\(o.long)"
      if o.takesValue { left += " \(o.valueName)" }
      let pad = max(2, 30 - left.count)
      return left + String(repeating: " ", count: pad) + o.help
    }.joined(separator: "\n")
  }
}
