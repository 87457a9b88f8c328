import Foundation
import Testing

/// Commands, usage errors and pipeline-file errors on the built binary.
@Suite struct CommandLineTests {
  @Test func helpAndVersion() throws {
    let help = try PipeBinary.run(["--help"])
    #expect(help.status == 0 && help.stdout.contains("USAGE: pipe <command>"))
    let runHelp = try PipeBinary.run(["run", "-h"])
    #expect(runHelp.status == 0 && runHelp.stdout.contains("--jobs"))
    let version = try PipeBinary.run(["--version"])
    #expect(version.status == 0 && version.stdout.hasPrefix("pipe "))
    for cmd in ["list", "stages", "validate", "eval"] {
      let r = try PipeBinary.run([cmd, "--help"])
      #expect(r.status == 0, "\(cmd): \(r.stderr)")
    }
  }

  /// Every command is listed by its whole name, its summary after a space, all in one column
  /// (long names such as `learn-boilerplate` were once cut and glued to their summary).
  @Test func helpListsEveryCommandInFull() throws {
    let help = try PipeBinary.run(["--help"]).stdout
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(of: "COMMANDS:") else {
      Issue.record("no COMMANDS section in:\n\(help)")
      return
    }
    let rows = lines[(start + 1)...].prefix { !$0.isEmpty }
    let names = rows.map { $0.split(separator: " ").first.map(String.init) ?? "" }
    for name in ["run", "eval", "bench", "stats-merge", "learn-boilerplate", "validate"] {
      #expect(names.contains(name), "\(name) missing from:\n\(help)")
    }
    // The summaries start in the same column, after at least two spaces.
    let summaryColumns = Set(
      rows.map { row -> Int in
        let afterName = row.dropFirst(2).drop { $0 != " " }
        return row.count - afterName.drop { $0 == " " }.count
      })
    #expect(summaryColumns.count == 1, "summaries not aligned:\n\(help)")
  }

  @Test func usageErrorsExitTwo() throws {
    #expect(try PipeBinary.run([]).status == 2)
    let unknown = try PipeBinary.run(["rnu"])
    #expect(unknown.status == 2 && unknown.stderr.contains("did you mean \"run\""))
    let flag = try PipeBinary.run(["run", "news", "--jbos", "2"])
    #expect(flag.status == 2 && flag.stderr.contains("did you mean --jobs"))
    let jobs = try PipeBinary.run(["run", "news", "--jobs", "zero"])
    #expect(jobs.status == 2 && jobs.stderr.contains("--jobs expects an integer"))
    let missing = try PipeBinary.run(["run", "news", "/no/such/file.jsonl"])
    #expect(missing.status == 2 && missing.stderr.contains("input not found: /no/such/file.jsonl"))
    let pipeline = try PipeBinary.run(["run", "nwes"])
    #expect(pipeline.status == 2 && pipeline.stderr.contains("no pipeline named \"nwes\"; did you mean \"news\"?"))
  }

  @Test func listStagesAndValidate() throws {
    let list = try PipeBinary.run(["list"])
    #expect(list.status == 0 && list.stdout.contains("news"))
    let stages = try PipeBinary.run(["stages"])
    for name in ["normalise", "strip-boilerplate", "detect-date", "detect-source", "tag-topics"] {
      #expect(stages.stdout.contains(name))
    }
    let ok = try PipeBinary.run(["validate", "news"])
    #expect(ok.status == 0 && ok.stdout.contains("ok"))
  }

  @Test func bundledPipelineWorksFromAnyDirectory() throws {
    let s = Scratch()
    let r = try PipeBinary.run(["run", "news"], stdin: "{\"id\":1,\"text\":\"x\"}\n", directory: s.path)
    #expect(r.status == 0 && r.lines.count == 1, "\(r.stderr)")
    let list = try PipeBinary.run(["list"], directory: s.path)
    #expect(list.stdout.contains("bundled"))
  }

  @Test(arguments: [
    ("{ stages: [ 'normalise' 'detect-date' ] }", "p.json5:1:25: error: expected ',' or ']'"),
    (
      "{ stages: [ 'detect-dates' ] }",
      "p.json5:1:13: error: stages[0]: unknown stage \"detect-dates\"; did you mean \"detect-date\"?"
    ),
    (
      "{ stages: [ { stage: 'normalise', options: { nope: 1 } } ] }",
      "p.json5:1:46: error: stages[0] (normalise): unknown option \"nope\""
    ),
    ("{ stages: [] , stages: [] }", "p.json5:1:16: error: duplicate key \"stages\""),
    ("", "p.json5:1:1: error: the file is empty"),
    ("{ include: 'p', stages: [] }", "include cycle"),
  ])
  func badPipelineFilesGetOneLocatedMessageAndExitTwo(_ text: String, _ expected: String) throws {
    let s = Scratch()
    s.write("p.json5", text)
    let r = try PipeBinary.run(["run", "p.json5"], stdin: "", directory: s.path)
    #expect(r.status == 2)
    #expect(r.stderr.contains(expected), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func missingAndDirectoryPipelineFiles() throws {
    let s = Scratch()
    let missing = try PipeBinary.run(["run", "./nope.json5"], directory: s.path)
    #expect(missing.status == 2 && missing.stderr.contains("nope.json5: error: pipeline file not found"))
    try FileManager.default.createDirectory(atPath: s.path + "/d.json5", withIntermediateDirectories: true)
    let dir = try PipeBinary.run(["run", "./d.json5"], directory: s.path)
    #expect(dir.status == 2 && dir.stderr.contains("is a directory"))
  }
}
