import PipelineCore
import Testing

@Suite struct ArgumentsTests {
  let options: [Arguments.Option] = [
    .init("jobs", short: "j", value: "N", help: ""), .init("stats", help: ""),
    .init("output", short: "o", value: "F", help: ""),
  ]

  @Test func parsesFlagsValuesAndPositionals() throws {
    let a = try Arguments(["news", "--jobs", "4", "-", "--stats", "-ojsonl", "--", "--file"], options: options)
    #expect(a.positionals == ["news", "-", "--file"])
    #expect(try a.int("jobs", in: 1...8) == 4)
    #expect(a.has("stats"))
    #expect(a.value("output") == "jsonl")
  }

  @Test func equalsFormAndLastValueWins() throws {
    let a = try Arguments(["--jobs=2", "-j", "3"], options: options)
    #expect(a.value("jobs") == "3")
  }

  @Test func unknownOptionSuggestsTheClosest() {
    #expect {
      _ = try Arguments(["--job", "2"], options: options)
    } throws: { ($0 as? UsageError)?.message == "unknown option --job; did you mean --jobs?" }
  }

  @Test func missingValueAndBadIntegerAreUsageErrors() throws {
    #expect(throws: UsageError.self) { _ = try Arguments(["--jobs"], options: options) }
    let a = try Arguments(["--jobs", "many"], options: options)
    #expect(throws: UsageError.self) { _ = try a.int("jobs", in: 1...8) }
  }
}
