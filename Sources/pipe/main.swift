import PipelineCore
import Stages

PipeCommandLine(
  registry: BuiltinStages.registry,
  bundledPipelines: BuiltinStages.bundledPipelines,
  subcommands: BuiltinStages.subcommands
).main()
