import PipelineCore
import Stages

PipeCommandLine(registry: BuiltinStages.registry, bundledPipelines: BuiltinStages.bundledPipelines).main()
