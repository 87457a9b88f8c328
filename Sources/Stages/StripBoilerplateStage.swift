import PipelineCore

/// Scaffolding: replaced by the real stage.
public struct StripBoilerplateStage: Stage {
  public static let name = "strip-boilerplate"
  public static let summary = "(being built)"
  public init(options: StageOptions) throws {}
  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict { .keep }
}
