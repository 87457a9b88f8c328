// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "pipe",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "PipelineCore", targets: ["PipelineCore"]),
    .library(name: "Stages", targets: ["Stages"]),
    .executable(name: "pipe", targets: ["pipe"]),
  ],
  targets: [
    .target(name: "PipelineCore"),
    .target(
      name: "Stages",
      dependencies: ["PipelineCore"],
      resources: [
        .embedInCode("Resources/pipelines/news.json5"),
        .embedInCode("Resources/boilerplate/boilerplate_common.json5"),
        .embedInCode("Resources/boilerplate/boilerplate_en.json5"),
        .embedInCode("Resources/boilerplate/boilerplate_de.json5"),
        .embedInCode("Resources/boilerplate/boilerplate_fr.json5"),
        .embedInCode("Resources/boilerplate/boilerplate_es.json5"),
        .embedInCode("Resources/boilerplate/boilerplate_it.json5"),
        .embedInCode("Resources/boilerplate/boilerplate_pt.json5"),
        .embedInCode("Resources/boilerplate/boilerplate_ru.json5"),
        .embedInCode("Resources/boilerplate/boilerplate_pl.json5"),
        .embedInCode("Resources/outlets.json5"),
        .embedInCode("Resources/taxonomy.json5"),
      ]
    ),
    .executableTarget(name: "pipe", dependencies: ["PipelineCore", "Stages"]),
    .testTarget(name: "PipelineCoreTests", dependencies: ["PipelineCore"]),
    .testTarget(name: "StagesTests", dependencies: ["Stages", "PipelineCore"]),
    .testTarget(name: "EndToEndTests", dependencies: ["PipelineCore"]),
  ],
  swiftLanguageModes: [.v6]
)
