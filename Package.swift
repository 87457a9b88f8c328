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
