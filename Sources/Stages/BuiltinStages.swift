import PipelineCore

/// The stages that ship with `pipe`, registered in one place.
public enum BuiltinStages {
  /// Every built-in stage. Add your own with `BuiltinStages.registry.adding(MyStage.self)`.
  public static let registry = StageRegistry([
    NormaliseStage.self,
    DetectDateStage.self,
    DetectSourceStage.self,
    StripBoilerplateStage.self,
    TagTopicsStage.self,
    ReplaceStage.self,
    FilterStage.self,
    SetFieldsStage.self,
    RemoveFieldsStage.self,
    ExecStage.self,
    KeywordsStage.self,
  ])

  /// Commands that ship with the built-in stages (`pipe learn-boilerplate`, ...).
  public static let subcommands: [any Subcommand] = [LearnBoilerplateCommand()]

  /// The pipelines compiled into the binary, by name, so `pipe run news` works anywhere.
  public static let bundledPipelines: [String: String] = [
    "news": String(decoding: PackageResources.news_json5, as: UTF8.self)
  ]
}
