// swift-tools-version:6.0
// A package that adds its own stage to pipe: it depends on pipe's PipelineCore and Stages
// libraries (here by relative path; from elsewhere use the repository URL) and copies none of
// pipe's code.
import PackageDescription

let package = Package(
  name: "CustomStage",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "pipe", path: "../..")],
  targets: [
    .target(
      name: "DatelineStage",
      dependencies: [.product(name: "PipelineCore", package: "pipe")]
    ),
    .executableTarget(
      name: "newspipe",
      dependencies: [
        "DatelineStage",
        .product(name: "PipelineCore", package: "pipe"),
        .product(name: "Stages", package: "pipe"),
      ]
    ),
    .testTarget(
      name: "DatelineStageTests",
      dependencies: ["DatelineStage", .product(name: "PipelineCore", package: "pipe")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
