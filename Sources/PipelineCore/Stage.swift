/// A step of a pipeline: a small, immutable, thread-safe transformation of one document.
///
/// Conform a type, declare its options once in ``options``, build it from validated
/// ``StageOptions`` (precompute tables there, never per document), and register it:
///
/// ```swift
/// struct Shout: Stage {
///   static let name = "shout"
///   static let summary = "Upper-cases the text."
///   init(options: StageOptions) throws {}
///   func process(_ doc: inout Document, context: inout StageContext) throws -> Verdict {
///     doc.text = doc.text.uppercased()
///     return .keep
///   }
/// }
/// let registry = BuiltinStages.registry.adding(Shout.self)
/// ```
public protocol Stage: Sendable {
  /// The stage's name in pipeline files: stable, kebab-case (`detect-date`).
  static var name: String { get }
  /// One line on what the stage does, shown by `pipe stages`.
  static var summary: String { get }
  /// The options the stage accepts, with their types and defaults. Pipeline files are validated
  /// against this list before ``init(options:)`` runs.
  static var options: [OptionSpec] { get }
  /// Examples of input and expected output; they document the stage and run as tests.
  static var examples: [StageExample] { get }

  /// Builds the stage from validated options. Throw ``OptionError`` for a bad value (a missing
  /// file, an empty list) so the message points at the option in the pipeline file.
  init(options: StageOptions) throws

  /// Transforms one document. Throw to fail this document (it becomes an error record naming
  /// the stage and the message); return `.drop(reason:)` to drop it deliberately.
  func process(_ document: inout Document, context: inout StageContext) throws -> Verdict
}

extension Stage {
  public static var options: [OptionSpec] { [] }
  public static var examples: [StageExample] { [] }
}

/// A failure while processing one document, with a message for the error record.
public struct StageError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
