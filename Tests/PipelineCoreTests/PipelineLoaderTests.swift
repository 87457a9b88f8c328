import Foundation
import PipelineCore
import Testing

@Suite struct PipelineLoaderTests {
  func loader(_ dir: TempDir, bundled: [String: String] = [:]) -> PipelineLoader {
    PipelineLoader(
      registry: testRegistry, locator: PipelineLocator(directories: [(dir.path, "test")], bundled: bundled))
  }

  func diagnostics(_ text: String, files: [String: String] = [:]) -> [String] {
    let dir = TempDir()
    for (n, t) in files { dir.write(n, t) }
    let path = dir.write("p.json5", text)
    do {
      _ = try loader(dir).load(path)
      return []
    } catch {
      return error.diagnostics.map { $0.description.replacingOccurrences(of: dir.path + "/", with: "") }
    }
  }

  @Test func loadsStagesInOrderWithOptions() throws {
    let dir = TempDir()
    dir.write("p.json5", "{ description: 'd', stages: ['upper', { stage: 'set-tag', options: { value: 'x' } }] }")
    let p = try loader(dir).load("p")
    #expect(p.description == "d")
    #expect(p.steps.map(\.name) == ["upper", "set-tag"])
    var doc = Document(text: "abc")
    var ctx = StageContext()
    _ = p.process(&doc, context: &ctx)
    #expect(doc.text == "ABC")
    #expect(doc["tag"] == "x")
  }

  @Test func unknownStageGetsDidYouMeanAndLocation() {
    #expect(
      diagnostics("{\n  stages: [\n    'uper',\n  ],\n}") == [
        #"p.json5:3:5: error: stages[0]: unknown stage "uper"; did you mean "upper"? (available: set-tag, upper, word-file)"#
      ])
  }

  @Test func reportsEveryProblemAtOnce() {
    let d = diagnostics(
      """
      {
        stages: [
          { stage: 'set-tag', options: { value: 3, feild: 'x' } },
          { stage: 'set-tag', options: { value: 'v', times: 1.5, mode: 'c' } },
          { stage: 'upper', optons: {} },
        ],
        descripton: 'x',
      }
      """)
    #expect(d.count == 6, "\(d)")
    #expect(
      d.contains(
        #"p.json5:3:36: error: stages[0] (set-tag): option "value" of set-tag expects string, got the number 3"#))
    #expect(
      d.contains {
        $0.hasPrefix(
          "p.json5:3:46: error: stages[0] (set-tag): unknown option \"feild\" for stage set-tag; did you mean \"field\"?"
        )
      })
    #expect(
      d.contains(
        #"p.json5:4:48: error: stages[1] (set-tag): option "times" of set-tag expects integer, got the number 1.5"#))
    #expect(
      d.contains {
        $0.hasPrefix("p.json5:4:60: error: stages[1] (set-tag): option \"mode\" of set-tag expects one of \"a\", \"b\"")
      })
    #expect(
      d.contains { $0.hasPrefix("p.json5:5:23: error: stages[2]: unknown key \"optons\"; did you mean \"options\"?") })
    #expect(
      d.contains {
        $0.hasPrefix("p.json5:7:3: error: pipeline file: unknown key \"descripton\"; did you mean \"description\"?")
      })
  }

  @Test func optionErrorsFromInitPointAtTheOption() {
    let d = diagnostics("{ stages: [{ stage: 'word-file', options: { file: 'missing.txt' } }] }")
    #expect(d.count == 1)
    #expect(
      d.first?.hasPrefix("p.json5:1:45: error: stages[0] (word-file): option \"file\": file not found:") == true, "\(d)"
    )
    let required = diagnostics("{ stages: [{ stage: 'set-tag' }] }")
    #expect(required == [#"p.json5:1:21: error: stages[0] (set-tag): option "value": is required"#])
  }

  @Test func syntaxErrorsAndDuplicateKeys() {
    #expect(
      diagnostics("{ stages: ['upper' 'upper'] }") == [
        "p.json5:1:20: error: expected ',' or ']' after an array item, found '''"
      ])
    #expect(
      diagnostics("{ stages: [], stages: [] }") == [
        #"p.json5:1:15: error: duplicate key "stages" (first at line 1); remove one"#
      ])
    #expect(diagnostics("") == ["p.json5:1:1: error: the file is empty; expected a JSON5 value"])
    #expect(
      diagnostics("[1]") == [#"p.json5:1:1: error: a pipeline file must be an object with "stages", found array"#])
    #expect(
      diagnostics("{ version: 9, stages: [] }") == [
        "p.json5:1:12: error: version 9 is not supported (this pipe reads up to version 1)"
      ])
  }

  @Test func includePrependsStagesAndDetectsCycles() throws {
    let dir = TempDir()
    dir.write("base.json5", "{ stages: ['upper'] }")
    dir.write("child.json5", "{ include: 'base', stages: [{ stage: 'set-tag', options: { value: 'v' } }] }")
    let p = try loader(dir).load("child")
    #expect(p.steps.map(\.name) == ["upper", "set-tag"])
    let cyc = diagnostics("{ include: 'p.json5', stages: [] }")
    #expect(cyc.count == 1 && cyc[0].contains("include cycle"), "\(cyc)")
    let missing = diagnostics("{ include: 'nope', stages: [] }")
    #expect(missing.first?.contains("include \"nope\": no pipeline named \"nope\"") == true, "\(missing)")
  }

  @Test func namesResolveInOrderDirectoriesThenBundled() throws {
    let dir = TempDir()
    let bundled = ["news": "{ description: 'bundled', stages: [] }", "only": "{ description: 'b2', stages: [] }"]
    dir.write("news.json5", "{ description: 'local', stages: [] }")
    let l = loader(dir, bundled: bundled)
    #expect(try l.load("news").description == "local")
    #expect(try l.load("only").description == "b2")
    #expect(l.locator.available().map(\.name) == ["news", "only"])
    #expect(throws: PipelineLoadError.self) { try l.load("nwes") }
  }
}
