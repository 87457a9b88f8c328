/// A loaded pipeline: stage instances in order, ready to process documents.
public struct Pipeline: Sendable {
  /// One configured stage instance.
  public struct Step: Sendable {
    /// The stage's registered name (`detect-date`).
    public let name: String
    /// Its position in the pipeline, from 0.
    public let index: Int
    /// A label for stats and errors: the name, or the `label` the pipeline file gave it.
    public let label: String
    public let stage: any Stage

    public init(name: String, index: Int, label: String, stage: any Stage) {
      self.name = name
      self.index = index
      self.label = label
      self.stage = stage
    }
  }

  /// The pipeline's name (`news`).
  public let name: String
  public let description: String
  /// Where the pipeline file was found (a path or `<bundled>/news.json5`).
  public let displayPath: String
  public let steps: [Step]

  public init(name: String, description: String, displayPath: String, steps: [Step]) {
    self.name = name
    self.description = description
    self.displayPath = displayPath
    self.steps = steps
  }

  /// A pipeline built in code from stage instances.
  public init(name: String = "inline", _ stages: [any Stage]) {
    self.name = name
    self.description = ""
    self.displayPath = "<code>"
    self.steps = stages.enumerated().map { i, s in
      Step(name: type(of: s).name, index: i, label: type(of: s).name, stage: s)
    }
  }

  /// The result of running a document through the pipeline.
  public enum Outcome: Sendable {
    case kept
    case dropped(step: Int, reason: String)
    case failed(step: Int, message: String)
  }

  /// Runs every step on `document` in order, stopping at a drop or a failure.
  public func process(_ document: inout Document, context: inout StageContext) -> Outcome {
    for step in steps {
      do {
        switch try step.stage.process(&document, context: &context) {
        case .keep: continue
        case .drop(let reason): return .dropped(step: step.index, reason: reason)
        }
      } catch {
        return .failed(step: step.index, message: Self.describe(error))
      }
    }
    return .kept
  }

  /// A message for an error thrown by a stage.
  public static func describe(_ error: any Error) -> String {
    if let e = error as? StageError { return e.message }
    return String(describing: error)
  }
}
