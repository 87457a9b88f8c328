/// A located problem in a pipeline file, printed GCC-style so editors can jump to it:
/// `pipelines/news.json5:9:14: error: stages[2] (detect-date): unknown option "x"`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file the problem is in (a path, or `<bundled>/NAME.json5`).
  public var file: String
  /// Where in the file, when known.
  public var location: SourceLocation?
  /// What is wrong, including the stage position and name where there is one.
  public var message: String

  public init(file: String, location: SourceLocation?, message: String) {
    self.file = file
    self.location = location
    self.message = message
  }

  public var description: String {
    if let location { return "\(file):\(location.line):\(location.column): error: \(message)" }
    return "\(file): error: \(message)"
  }
}

/// Every problem found while loading a pipeline; loading reports them all at once.
public struct PipelineLoadError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
