import Foundation
import PipelineCore
import Testing

/// `pipe eval` run as a user runs it: the built binary, its table, JSON and exit statuses.
@Suite(.enabled(if: EvalBinary.pipe != nil, "the pipe binary is not built (run swift build)"))
struct EvalCommandTests {
  let gold = """
    {"id": "a", "date": "2023-07-03", "source": "Example News", "domain": "example.org", "lang": "en", "with": ["Body line one."], "without": ["Share this"]}
    {"id": "b", "date": null, "source": "Beispiel", "domain": "beispiel.de", "lang": "de", "with": ["Zweite Zeile."], "without": []}

    """
  let input = """
    {"id": "a", "text": "Body line one.\\nShare this"}
    {"id": "b", "text": "Zweite Zeile."}

    """

  @Test(.enabled(if: EvalBinary.corpus != nil, "../shared/corpus is missing"))
  func scoresTheSeedsWithATable() throws {
    let r = try EvalBinary.run([
      "eval", "news", "--gold", "../shared/corpus/seeds.gold.jsonl", "seeds/",
    ])
    #expect(r.status == 0, "\(r.err)")
    let lines = r.out.split(separator: "\n").map(String.init)
    #expect(lines.first == "pipe eval news — 3 documents (gold: ../shared/corpus/seeds.gold.jsonl)")
    #expect(lines.contains("answered 3 of 3; the run gave 3 records of 3"))
    #expect(
      lines.contains { $0.hasPrefix("field") && $0.contains("metric") && $0.contains("value") })
    // The seed texts carry every 'with' snippet until a stage strips something.
    #expect(
      lines.contains { $0.hasPrefix("text") && $0.contains("with kept") && $0.hasSuffix("27") })
  }

  @Test func tableForEachGroupWithBy() throws {
    let goldPath = try EvalBinary.temporaryFile(gold)
    let inputPath = try EvalBinary.temporaryFile(input)
    // A pipeline that only normalises, so the copied source reaches the output unchanged.
    let pipeline = NSTemporaryDirectory() + "eval-plain-\(UUID().uuidString).json5"
    try "{ stages: ['normalise'] }".write(toFile: pipeline, atomically: true, encoding: .utf8)
    defer { remove(goldPath, inputPath, pipeline) }
    let r = try EvalBinary.run([
      "eval", pipeline, "--gold", goldPath, inputPath, "--by", "lang", "--fields", "source",
    ])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("[lang=en] 1 documents, 1 answered"))
    #expect(r.out.contains("[lang=de] 1 documents, 1 answered"))
    #expect(
      r.out.split(separator: "\n").contains {
        $0.hasPrefix("source") && $0.contains("accuracy") && $0.contains("1.0000")
      })
  }

  @Test func jsonIsOneObjectWithTheReferenceKeys() throws {
    let goldPath = try EvalBinary.temporaryFile(gold)
    let inputPath = try EvalBinary.temporaryFile(input)
    defer { remove(goldPath, inputPath) }
    // A pipeline that only normalises, so the numbers do not depend on the news stages.
    let pipeline = NSTemporaryDirectory() + "eval-plain-\(UUID().uuidString).json5"
    try "{ stages: ['normalise'] }".write(toFile: pipeline, atomically: true, encoding: .utf8)
    defer { remove(pipeline) }
    let r = try EvalBinary.run(["eval", pipeline, "--gold", goldPath, inputPath, "--json"])
    #expect(r.status == 0, "\(r.err)")
    let json = try #require(
      try JSONParser.parse(r.out.trimmingCharacters(in: .whitespacesAndNewlines)).objectValue)
    #expect(json.keys == ["all", "run"])
    let all = try #require(json["all"]?.objectValue)
    #expect(all["documents"] == 2 && all["answered"] == 2)
    #expect(all["with_kept"] == .number("1.0") && all["without_removed"] == .number("0.0"))
    #expect(all["date_accuracy"] == nil)  // the pipeline gives no dates: not scored
    #expect(json["run"]?.objectValue?["pipeline"] != nil)
  }

  @Test func fieldsAreCopiedFromTheGoldIntoTheInput() throws {
    let goldPath = try EvalBinary.temporaryFile(gold)
    let inputPath = try EvalBinary.temporaryFile(input)
    // A pipeline that only normalises, so the copied fields reach the output unchanged.
    let pipeline = NSTemporaryDirectory() + "eval-plain-\(UUID().uuidString).json5"
    try "{ stages: ['normalise'] }".write(toFile: pipeline, atomically: true, encoding: .utf8)
    defer { remove(goldPath, inputPath, pipeline) }
    let r = try EvalBinary.run([
      "eval", pipeline, "--gold", goldPath, inputPath, "--fields", "date, source", "--json",
    ])
    #expect(r.status == 0, "\(r.err)")
    let all = try #require(
      try JSONParser.parse(r.out.trimmingCharacters(in: .whitespacesAndNewlines)).objectValue?[
        "all"]?.objectValue)
    #expect(r.err.isEmpty)
    // The records now carry the gold's own date and source, so both score perfectly.
    #expect(all["date_accuracy"] == .number("1.0") && all["date_undated_given"] == .number("0.0"))
    #expect(all["source_accuracy"] == .number("1.0"))
  }

  @Test func warnsAboutAFieldNoGoldRecordHas() throws {
    let goldPath = try EvalBinary.temporaryFile(gold)
    let inputPath = try EvalBinary.temporaryFile(input)
    defer { remove(goldPath, inputPath) }
    let r = try EvalBinary.run(["eval", "news", "--gold", goldPath, inputPath, "--fields", "ulr"])
    #expect(r.status == 0)
    #expect(r.err.contains("warning: no gold record has the field \"ulr\""))
  }

  @Test func readsStdinAndTextDocuments() throws {
    let goldPath = try EvalBinary.temporaryFile(gold)
    defer { remove(goldPath) }
    let fromStdin = try EvalBinary.run(
      ["eval", "news", "--gold", goldPath, "--json"], stdin: input)
    #expect(fromStdin.status == 0 && fromStdin.out.contains("\"answered\":2"), "\(fromStdin.err)")

    let dir = NSTemporaryDirectory() + "pipe-eval-e2e-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { remove(dir) }
    try "Body line one.\nShare this\n".write(toFile: dir + "/a", atomically: true, encoding: .utf8)
    let fromDirectory = try EvalBinary.run(["eval", "news", "--gold", goldPath, dir, "--json"])
    #expect(fromDirectory.status == 0, "\(fromDirectory.err)")
    #expect(fromDirectory.out.contains("\"answered\":1"))
  }

  @Test func scoresAnExistingOutput() throws {
    let goldPath = try EvalBinary.temporaryFile(gold)
    let predictions = try EvalBinary.temporaryFile(
      "{\"id\": \"a\", \"date\": \"2023-07-03T09:00\", \"text\": \"Body line one.\"}\n{\"id\": \"zz\", \"date\": \"2020-01-01\"}\n"
    )
    defer { remove(goldPath, predictions) }
    let r = try EvalBinary.run(["eval", "--predictions", predictions, "--gold", goldPath])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("answered 1 of 2"))
    #expect(
      r.out.split(separator: "\n").contains {
        $0.hasPrefix("date") && $0.contains("accuracy") && $0.hasSuffix("1.0000      1")
      })
    #expect(r.err.contains("1 record ids are not in the gold file"))
  }

  @Test func failedRecordsStillGetScoresAndExitOne() throws {
    let goldPath = try EvalBinary.temporaryFile(gold)
    let inputPath = try EvalBinary.temporaryFile(
      "{\"id\": \"a\", \"text\": \"Body line one.\"}\n{\"id\": \"b\", \"text\": 3}\n")
    let errorsPath = NSTemporaryDirectory() + "pipe-eval-e2e-\(UUID().uuidString).errors"
    defer { remove(goldPath, inputPath, errorsPath) }
    let r = try EvalBinary.run([
      "eval", "news", "--gold", goldPath, inputPath, "--errors", errorsPath, "--jobs", "1",
    ])
    #expect(r.status == 1)
    #expect(r.out.contains("answered 1 of 2"))
    #expect(r.out.contains("with kept"))
    #expect(r.err.contains("1 of 2 records failed"))
    let errors = try String(contentsOfFile: errorsPath, encoding: .utf8)
    #expect(errors.contains("\"id\":\"b\"") && errors.contains("\"text\\\" must be a string"))
  }

  @Test func usageErrorsExitTwo() throws {
    let goldPath = try EvalBinary.temporaryFile(gold)
    let badGold = try EvalBinary.temporaryFile("{\"id\": \"a\"}\n{\"id\": \"b\" \"date\": null}\n")
    defer { remove(goldPath, badGold) }
    let noGold = try EvalBinary.run(["eval", "news", "seeds/"])
    #expect(noGold.status == 2 && noGold.err.contains("missing --gold"))
    let bad = try EvalBinary.run(["eval", "news", "--gold", badGold, "seeds/"])
    #expect(bad.status == 2 && bad.err.contains("\(badGold):2: not valid JSON"), "\(bad.err)")
    let unreadable = try EvalBinary.run([
      "eval", "news", "--gold", "/nonexistent/gold.jsonl", "seeds/",
    ])
    #expect(unreadable.status == 2 && unreadable.err.contains("/nonexistent/gold.jsonl"))
    let noPipeline = try EvalBinary.run(["eval", "--gold", goldPath])
    #expect(noPipeline.status == 2 && noPipeline.err.contains("missing PIPELINE"))
    let mixed = try EvalBinary.run(["eval", "news", "--predictions", goldPath, "--gold", goldPath])
    #expect(mixed.status == 2)
    let missingInput = try EvalBinary.run([
      "eval", "news", "--gold", goldPath, "/nonexistent/input.jsonl",
    ])
    #expect(missingInput.status == 2 && missingInput.err.contains("input not found"))
    let unknownPipeline = try EvalBinary.run([
      "eval", "no-such-pipeline", "--gold", goldPath, "seeds/",
    ])
    #expect(unknownPipeline.status == 2)
    let help = try EvalBinary.run(["eval", "--help"])
    #expect(help.status == 0 && help.out.contains("USAGE: pipe eval PIPELINE --gold GOLD.jsonl"))
  }

  private func remove(_ paths: String...) {
    for p in paths { try? FileManager.default.removeItem(atPath: p) }
  }
}
