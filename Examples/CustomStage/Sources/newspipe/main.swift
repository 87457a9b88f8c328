import DatelineStage
import PipelineCore
import Stages

// pipe's whole command line (run, eval, list, stages, validate...) plus one stage.
PipeCommandLine(
  registry: BuiltinStages.registry.adding(DatelineStage.self),
  bundledPipelines: BuiltinStages.bundledPipelines,
  subcommands: BuiltinStages.subcommands,
  toolName: "newspipe"
).main()
