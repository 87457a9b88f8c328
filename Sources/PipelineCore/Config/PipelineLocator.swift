import FoundationEssentials

/// The text of a pipeline file and where it came from.
public struct PipelineSource: Sendable {
  /// The pipeline's name (the file name without `.json5`).
  public var name: String
  /// A path for messages: the file's path, or `<bundled>/NAME.json5`.
  public var displayPath: String
  /// Where it was found: `file`, `./pipelines`, `PIPE_PATH`, or `bundled`.
  public var origin: String
  /// The directory relative paths in the file resolve against (`nil` for bundled pipelines).
  public var directory: String?
  public var text: String

  public init(name: String, displayPath: String, origin: String, directory: String?, text: String) {
    self.name = name
    self.displayPath = displayPath
    self.origin = origin
    self.directory = directory
    self.text = text
  }
}

/// Finds pipeline files by name: `./pipelines/NAME.json5`, then each directory of `PIPE_PATH`,
/// then the pipelines bundled into the binary. A path to a file is used as it is.
public struct PipelineLocator: Sendable {
  /// Directories searched in order, each with a label for `pipe list`.
  public var directories: [(path: String, label: String)]
  /// Pipelines compiled into the binary, by name.
  public var bundled: [String: String]

  public init(directories: [(path: String, label: String)], bundled: [String: String]) {
    self.directories = directories
    self.bundled = bundled
  }

  /// The standard search order for the current directory and environment.
  public static func standard(bundled: [String: String]) -> PipelineLocator {
    var dirs: [(String, String)] = [("pipelines", "./pipelines")]
    if let env = ProcessInfo.processInfo.environment["PIPE_PATH"] {
      for d in env.split(separator: ":") where !d.isEmpty { dirs.append((String(d), "PIPE_PATH")) }
    }
    return PipelineLocator(directories: dirs, bundled: bundled)
  }

  /// Whether `reference` names a file rather than a pipeline.
  public static func looksLikePath(_ reference: String) -> Bool {
    reference.contains("/") || reference.hasSuffix(".json5") || reference.hasSuffix(".json")
  }

  /// Finds the pipeline `reference` (a name or a path); `near` is a directory searched first
  /// (the including file's, for `include`).
  public func resolve(_ reference: String, near: String? = nil) throws(Diagnostic) -> PipelineSource {
    let fm = FileManager.default
    if Self.looksLikePath(reference) {
      let path = StageOptions.resolve(reference, relativeTo: near)
      return try read(path: path, name: Self.name(of: path), origin: "file")
    }
    var candidates: [(String, String)] = []
    if let near { candidates.append((near, "file")) }
    candidates += directories
    for (dir, label) in candidates {
      for ext in ["json5", "json"] {
        let path = FilePath.join(dir, "\(reference).\(ext)")
        if fm.fileExists(atPath: path) { return try read(path: path, name: reference, origin: label) }
      }
    }
    if let text = bundled[reference] {
      return PipelineSource(
        name: reference, displayPath: "<bundled>/\(reference).json5", origin: "bundled",
        directory: nil, text: text)
    }
    var message = "no pipeline named \"\(reference)\""
    let known = Array(Set(available().map(\.name))).sorted()
    if let guess = DidYouMean.best(reference, among: known) { message += "; did you mean \"\(guess)\"?" }
    let looked = candidates.map { $0.0 } + ["the pipelines bundled into pipe"]
    message += " (looked in \(looked.joined(separator: ", ")); available: \(known.joined(separator: ", "))"
    throw Diagnostic(file: reference, location: nil, message: message)
  }

  private static func name(of path: String) -> String {
    let base = FilePath.lastComponent(path)
    for ext in [".json5", ".json"] where base.hasSuffix(ext) { return String(base.dropLast(ext.count)) }
    return base
  }

  private func read(path: String, name: String, origin: String) throws(Diagnostic) -> PipelineSource {
    guard let kind = FilePath.kind(path) else {
      throw Diagnostic(file: path, location: nil, message: "pipeline file not found")
    }
    if kind == .directory {
      throw Diagnostic(file: path, location: nil, message: "is a directory, expected a pipeline file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Diagnostic(file: path, location: nil, message: "cannot read the pipeline file (permission denied?)")
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw Diagnostic(file: path, location: nil, message: "the pipeline file is not valid UTF-8")
    }
    // Relative paths in the file resolve against its directory, made absolute so that a stage
    // that changes directory (exec) still finds them.
    let dir = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
    return PipelineSource(name: name, displayPath: path, origin: origin, directory: dir, text: text)
  }

  /// Every pipeline that a name can reach, first match per name winning, in search order.
  public func available() -> [PipelineSource] {
    var seen = Set<String>()
    var out: [PipelineSource] = []
    for (dir, label) in directories {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
      for f in files.sorted() where f.hasSuffix(".json5") || f.hasSuffix(".json") {
        let name = Self.name(of: f)
        guard !seen.contains(name) else { continue }
        let path = FilePath.join(dir, f)
        if let src = try? read(path: path, name: name, origin: label) {
          seen.insert(name)
          out.append(src)
        }
      }
    }
    for (name, text) in bundled.sorted(by: { $0.key < $1.key }) where !seen.contains(name) {
      out.append(
        PipelineSource(
          name: name, displayPath: "<bundled>/\(name).json5", origin: "bundled", directory: nil, text: text))
    }
    return out
  }
}
