/// The stages a pipeline file may name, looked up by ``Stage/name``.
///
/// The built-in stages are one list (`BuiltinStages.registry` in the `Stages` module); a custom
/// stage is one more line: `BuiltinStages.registry.adding(MyStage.self)`.
public struct StageRegistry: Sendable {
  /// The registered stage types, in registration order.
  public let stages: [any Stage.Type]

  /// A registry of `stages`. Later entries with the same name replace earlier ones.
  public init(_ stages: [any Stage.Type]) {
    var list: [any Stage.Type] = []
    for s in stages {
      if let i = list.firstIndex(where: { $0.name == s.name }) { list[i] = s } else { list.append(s) }
    }
    self.stages = list
  }

  /// This registry plus `stage`.
  public func adding(_ stage: any Stage.Type) -> StageRegistry { StageRegistry(stages + [stage]) }

  /// This registry plus `more`.
  public func adding(_ more: [any Stage.Type]) -> StageRegistry { StageRegistry(stages + more) }

  /// The stage type named `name`.
  public func stage(named name: String) -> (any Stage.Type)? {
    stages.first { $0.name == name }
  }

  /// All stage names, sorted.
  public var names: [String] { stages.map { $0.name }.sorted() }
}
