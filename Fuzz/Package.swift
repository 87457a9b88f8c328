// swift-tools-version:6.0
// libFuzzer targets for pipe. Build and run with Fuzz/run.sh (it passes -sanitize=fuzzer).
import PackageDescription

let package = Package(
  name: "PipeFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "pipe", path: "..")],
  targets: [
    .target(name: "FuzzSupport", dependencies: [.product(name: "PipelineCore", package: "pipe")]),
    .executableTarget(
      name: "FuzzJSONLines",
      dependencies: [
        "FuzzSupport", .product(name: "PipelineCore", package: "pipe"), .product(name: "Stages", package: "pipe"),
      ]),
    .executableTarget(
      name: "FuzzPipelineFile",
      dependencies: [
        "FuzzSupport", .product(name: "PipelineCore", package: "pipe"), .product(name: "Stages", package: "pipe"),
      ]),
    .executableTarget(
      name: "FuzzStage",
      dependencies: [
        "FuzzSupport", .product(name: "PipelineCore", package: "pipe"), .product(name: "Stages", package: "pipe"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)
