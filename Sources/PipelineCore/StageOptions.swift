import FoundationEssentials

/// The declaration of one stage option: its name, type, default and help text.
public struct OptionSpec: Sendable {
  /// The type an option's value must have.
  public enum Kind: Sendable, Equatable, CustomStringConvertible {
    case string
    case integer
    case number
    case boolean
    /// An array of strings.
    case strings
    /// One of a fixed set of strings.
    case choice([String])
    /// A JSON object (the stage validates its contents).
    case object
    /// Any JSON value (the stage validates it).
    case any

    public var description: String {
      switch self {
      case .string: return "string"
      case .integer: return "integer"
      case .number: return "number"
      case .boolean: return "boolean"
      case .strings: return "array of strings"
      case .choice(let values): return "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
      case .object: return "object"
      case .any: return "any value"
      }
    }

    /// Whether `value` has this kind.
    public func accepts(_ value: JSONValue) -> Bool {
      switch (self, value) {
      case (.string, .string), (.boolean, .bool), (.number, .number), (.object, .object), (.any, _):
        return true
      case (.integer, .number): return value.intValue != nil
      case (.strings, .array(let items)): return items.allSatisfy { $0.stringValue != nil }
      case (.choice(let values), .string(let s)): return values.contains(s)
      default: return false
      }
    }
  }

  public var name: String
  public var kind: Kind
  /// The value used when a pipeline file does not set the option; `.null` means "not set".
  public var defaultValue: JSONValue
  public var help: String

  public init(_ name: String, _ kind: Kind, default defaultValue: JSONValue = .null, help: String) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    self.help = help
  }
}

/// An error in an option's value, thrown from a stage's `init(options:)`.
///
/// `path` goes below the option into its value (`["topics", "visa", "terms"]` relative to the
/// option), so the pipeline loader can point at the exact line.
public struct OptionError: Error, Sendable, CustomStringConvertible {
  public var option: String
  public var path: [String]
  public var message: String

  public init(option: String, path: [String] = [], _ message: String) {
    self.option = option
    self.path = path
    self.message = message
  }

  public var description: String {
    "option \"\(([option] + path).joined(separator: "."))\": \(message)"
  }
}

/// What a run is allowed to do beyond reading and writing records.
public struct Permissions: Sendable {
  /// Run external programs named in pipeline files (`pipe run --allow-exec`).
  public var allowExec: Bool
  /// Directories whose pipeline files may run programs without `--allow-exec`
  /// (from `PIPE_TRUSTED_DIRS`, colon-separated).
  public var trustedDirectories: [String]

  public init(allowExec: Bool = false, trustedDirectories: [String] = []) {
    self.allowExec = allowExec
    self.trustedDirectories = trustedDirectories
  }

  /// Whether a pipeline file in `directory` may run programs.
  public func mayExec(from directory: String?) -> Bool {
    if allowExec { return true }
    guard let directory else { return false }
    let dir = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
    return trustedDirectories.contains { t in
      let trusted = URL(fileURLWithPath: t).standardizedFileURL.resolvingSymlinksInPath().path
      return dir == trusted || dir.hasPrefix(trusted + "/")
    }
  }
}

/// The validated options of one stage instance, with the declared defaults filled in.
public struct StageOptions: Sendable {
  /// The values set in the pipeline file (or programmatically), by option name.
  public let values: [String: JSONValue]
  /// The declared options of the stage.
  public let specs: [OptionSpec]
  /// The directory of the pipeline file that configured the stage; relative paths resolve here.
  public let baseDirectory: String?
  /// What the user allowed this run to do (e.g. run programs named in pipeline files).
  public let permissions: Permissions

  /// Options from values that have already been checked against `specs`.
  public init(
    values: [String: JSONValue], specs: [OptionSpec], baseDirectory: String? = nil,
    permissions: Permissions = Permissions()
  ) {
    self.values = values
    self.specs = specs
    self.baseDirectory = baseDirectory
    self.permissions = permissions
  }

  /// Checks `values` against `specs`: each problem names the option and what was expected.
  public static func problems(in values: JSONObject, specs: [OptionSpec], stage: String) -> [(
    option: String, message: String
  )] {
    var out: [(String, String)] = []
    for (key, value) in values {
      guard let spec = specs.first(where: { $0.name == key }) else {
        let names = specs.map(\.name)
        var msg = "unknown option \"\(key)\" for stage \(stage)"
        if let guess = DidYouMean.best(key, among: names) { msg += "; did you mean \"\(guess)\"?" }
        msg += names.isEmpty ? " (it takes no options)" : " (options: \(names.joined(separator: ", ")))"
        out.append((key, msg))
        continue
      }
      if !spec.kind.accepts(value) {
        out.append((key, "option \"\(key)\" of \(stage) expects \(spec.kind), got \(describe(value))"))
      }
    }
    return out
  }

  private static func describe(_ value: JSONValue) -> String {
    switch value {
    case .string(let s): return "the string \"\(s.prefix(40))\""
    case .number(let n): return "the number \(n)"
    case .bool(let b): return "\(b)"
    default: return "a value of type \(value.kindName)"
    }
  }

  /// Programmatic construction: validates `values` against the stage's declared options.
  public static func validated(
    for stage: any Stage.Type, _ values: JSONObject = JSONObject(), baseDirectory: String? = nil,
    permissions: Permissions = Permissions()
  ) throws -> StageOptions {
    let problems = problems(in: values, specs: stage.options, stage: stage.name)
    if let first = problems.first { throw OptionError(option: first.option, first.message) }
    var dict: [String: JSONValue] = [:]
    for (k, v) in values { dict[k] = v }
    return StageOptions(values: dict, specs: stage.options, baseDirectory: baseDirectory, permissions: permissions)
  }

  /// Same as ``validated(for:_:baseDirectory:)``.
  public static func validated(_ stage: any Stage.Type, _ values: JSONObject) throws -> StageOptions {
    try validated(for: stage, values)
  }

  /// The value of `name`, or its declared default.
  public subscript(name: String) -> JSONValue {
    if let v = values[name] { return v }
    return specs.first { $0.name == name }?.defaultValue ?? .null
  }

  /// Whether the pipeline file set `name` explicitly.
  public func isSet(_ name: String) -> Bool { values[name] != nil }

  public func string(_ name: String) -> String? { self[name].stringValue }
  public func bool(_ name: String) -> Bool { self[name].boolValue ?? false }
  public func int(_ name: String) -> Int? { self[name].intValue }
  public func double(_ name: String) -> Double? { self[name].doubleValue }
  public func strings(_ name: String) -> [String] {
    self[name].arrayValue?.compactMap(\.stringValue) ?? []
  }

  /// A path option resolved against the pipeline file's directory.
  public func path(_ name: String) -> String? {
    guard let p = string(name), !p.isEmpty else { return nil }
    return Self.resolve(p, relativeTo: baseDirectory)
  }

  /// Resolves `path` against `base` unless it is absolute.
  public static func resolve(_ path: String, relativeTo base: String?) -> String {
    if path.hasPrefix("/") { return path }
    if path.hasPrefix("~/") { return FilePath.expandingTilde(path) }
    guard let base, !base.isEmpty else { return path }
    return FilePath.join(base, path)
  }

  /// Reads a file named by the option `name`, throwing an ``OptionError`` that names the option
  /// when it cannot be read.
  public func readFile(option name: String) throws -> String {
    guard let path = path(name) else { throw OptionError(option: name, "no file given") }
    guard let kind = FilePath.kind(path) else {
      throw OptionError(option: name, "file not found: \(path)")
    }
    if kind == .directory { throw OptionError(option: name, "\(path) is a directory, expected a file") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw OptionError(option: name, "cannot read \(path) (permission denied?)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
