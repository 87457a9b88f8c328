import PipelineCore
import Testing

@Suite struct JSON5ParserTests {
  @Test func readsJSON5Features() throws {
    let text = """
      // comment
      {
        unquoted: 'single',   /* block */
        "quoted": [1, 2, +3, .5, 0x1F,],
        trailing: true,
      }
      """
    let (root, dups) = try JSON5Parser.parse(text)
    #expect(dups.isEmpty)
    #expect(root.json == ["unquoted": "single", "quoted": [1, 2, 3, 0.5, 31], "trailing": true])
  }

  @Test func recordsLocationsOfKeysAndValues() throws {
    let text = "{\n  stages: [\n    { stage: \"x\", options: { a: 1 } },\n  ],\n}"
    let (root, _) = try JSON5Parser.parse(text)
    #expect(root.location(of: ["stages", "0", "options", "a"]) == SourceLocation(line: 3, column: 30))
    #expect(root.location(of: ["stages", "0"]) == SourceLocation(line: 3, column: 5))
  }

  @Test func reportsDuplicateKeys() throws {
    let (_, dups) = try JSON5Parser.parse("{ a: 1,\n a: 2 }")
    #expect(
      dups == [
        JSON5DuplicateKey(key: "a", location: .init(line: 2, column: 2), firstLocation: .init(line: 1, column: 3))
      ])
  }

  @Test(arguments: [
    ("{ a: 1\n  b: 2 }", 2, 3, "expected ',' or '}'"),
    ("{ a: 'x }", 1, 6, "unterminated string"),
    ("[1, 2", 1, 1, "unclosed '['"),
    ("", 1, 1, "empty"),
    ("{ a: yes }", 1, 6, "unexpected word 'yes'"),
    ("{ a: 1 } }", 1, 10, "after the end"),
    ("/* open", 1, 1, "unterminated /* comment"),
  ])
  func syntaxErrorsHaveLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ message: String) {
    do {
      _ = try JSON5Parser.parse(text)
      Issue.record("expected an error")
    } catch {
      #expect(error.location == SourceLocation(line: line, column: column))
      #expect(error.message.contains(message), "\(error.message)")
    }
  }

  @Test func columnsCountCharactersNotBytes() {
    do {
      _ = try JSON5Parser.parse("{ ключ: 'значение' x }")
      Issue.record("expected an error")
    } catch {
      #expect(error.location.column == 20)
    }
  }
}
