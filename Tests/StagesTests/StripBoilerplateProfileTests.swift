import Foundation
import PipelineCore
import Testing

@testable import Stages

private let story =
  "The council approved the new budget on Monday after a long debate, and the mayor said that "
  + "the money for schools and roads would be paid out before the end of the year."

/// A document of outlet `host`: its recurring header and footer around a unique story.
private func page(_ n: Int, host: String) -> (text: String, url: String) {
  let text = [
    "\(host) - your city, your news", "Weather: sunny, 21 degrees", story + " Report number \(n).",
    "Tips? Write to the newsroom of \(host)",
  ].joined(separator: "\n")
  return (text, "https://www.\(host)/story/\(n)")
}

private func temporaryDirectory() throws -> URL {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bp-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir
}

@Suite struct StripBoilerplateProfileTests {
  @Test func learnerKeepsLinesRecurringInEnoughDocumentsPerGroup() throws {
    var learner = ProfileLearner()
    for n in 0..<4 {
      let p = page(n, host: "citynews.example")
      learner.add(text: p.text, group: BoilerplateProfile.host(of: p.url))
    }
    let q = page(9, host: "other.example")
    learner.add(text: q.text, group: BoilerplateProfile.host(of: q.url))
    learner.add(text: "no group", group: nil)
    let groups = learner.profileLines(minDocs: 3)
    #expect(groups.count == 1)
    #expect(groups.first?.group == "citynews.example")
    #expect(groups.first?.documents == 4)
    #expect(
      Set(groups.first?.lines ?? []) == [
        "citynews.example - your city, your news", "Weather: sunny, 21 degrees",
        "Tips? Write to the newsroom of citynews.example",
      ])
    #expect(learner.documents == 5)
    #expect(learner.skipped == 1)
  }

  @Test func learnerMemoryIsBoundedAndFrequentLinesSurvivePruning() throws {
    var learner = ProfileLearner(maxEntries: 50)
    for n in 0..<200 {
      let unique = (0..<5).map { "unique line \(n) \($0) of this document" }
      learner.add(text: (["Recurring footer line"] + unique).joined(separator: "\n"), group: "*")
    }
    #expect(learner.prunes > 0)
    let lines = learner.profileLines(minDocs: 10).first?.lines ?? []
    #expect(lines == ["Recurring footer line"])
  }

  @Test func profileHashIgnoresCaseIndentationAndSpacing() {
    #expect(
      BoilerplateProfile.hash("  Alle Rechte   vorbehalten ")
        == BoilerplateProfile.hash("alle rechte vorbehalten"))
    #expect(BoilerplateProfile.hash("ÜBER UNS") == BoilerplateProfile.hash("über uns"))
    #expect(BoilerplateProfile.hash("über uns") != BoilerplateProfile.hash("über sie"))
    #expect(BoilerplateProfile.host(of: "https://www.Example.com:8080/a?b") == "example.com")
  }

  /// Learns a profile with the command from JSON Lines, then strips with it: the outlet's
  /// recurring lines go (even the prose-like one), other outlets' documents are untouched.
  @Test func commandRoundTrip() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var jsonl = ""
    for n in 0..<5 {
      let p = page(n, host: "citynews.example")
      jsonl +=
        JSONWriter.string(
          .object(
            JSONObject([
              ("id", .string("d\(n)")), ("url", .string(p.url)), ("text", .string(p.text)),
            ]))) + "\n"
    }
    let input = dir.appendingPathComponent("crawl.jsonl")
    try jsonl.write(to: input, atomically: true, encoding: .utf8)
    let profilePath = dir.appendingPathComponent("profile.json5").path
    let cli = PipeCommandLine(
      registry: BuiltinStages.registry, subcommands: BuiltinStages.subcommands)
    let status = cli.run([
      "learn-boilerplate", input.path, "--group-by", "url", "--min-docs", "3", "-o", profilePath,
    ])
    #expect(status == 0)
    let profileText = try String(contentsOfFile: profilePath, encoding: .utf8)
    #expect(profileText.contains("\"citynews.example\""))
    #expect(profileText.contains("\"groupBy\": \"url\""))

    let stage = try StripBoilerplateStage.make(
      ["profile": "profile.json5"], baseDirectory: dir.path)
    let fresh = page(42, host: "citynews.example")
    let out = try stage.apply(to: fresh.text, fields: ["url": .string(fresh.url)]).document.text
    #expect(out == story + " Report number 42.")
    let other = page(7, host: "elsewhere.example")
    let untouched = try stage.apply(to: other.text, fields: ["url": .string(other.url)]).document
      .text
    #expect(untouched.contains("Weather: sunny, 21 degrees"))
    let noURL = try stage.apply(to: fresh.text).document.text
    #expect(noURL.contains("Weather: sunny, 21 degrees"))
  }

  @Test func commandRejectsMissingOutputAndInputs() throws {
    let cli = PipeCommandLine(
      registry: BuiltinStages.registry, subcommands: BuiltinStages.subcommands)
    #expect(cli.run(["learn-boilerplate", "/dev/null"]) == 2)
    #expect(cli.run(["learn-boilerplate", "/no/such/input.jsonl", "-o", "/tmp/x.json5"]) == 2)
  }

  @Test func badProfilesAreOptionErrors() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, text) in [
      ("a.json5", "{ groups: 3 }"), ("b.json5", "{ version: 9, groups: {} }"), ("c.json5", "[1"),
    ] {
      try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
      #expect(throws: OptionError.self) {
        try StripBoilerplateStage.make(["profile": .string(name)], baseDirectory: dir.path)
      }
    }
  }
}
