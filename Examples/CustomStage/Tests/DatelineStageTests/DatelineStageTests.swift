import DatelineStage
import PipelineCore
import Testing

@Suite struct DatelineStageTests {
  @Test(arguments: [
    ("ASTANA. KAZINFORM - Chairman of the Senate held a meeting.", "ASTANA"),
    ("Prosecutor General Seeks Ties\n\nDaulbayevOTTAWA – Kazakhstan’s Prosecutor General visited.", "OTTAWA"),
    ("Astana, Kazakhstan • 03 July, 2023 | 12:37\n1 min read", "Astana, Kazakhstan"),
    ("LONDON (Reuters) - Shares fell on Monday.", "LONDON"),
    ("NEW YORK — Stocks rose.", "NEW YORK"),
  ])
  func findsTheDatelinePlace(_ text: String, _ place: String) throws {
    #expect(try DatelineStage.make().apply(to: text).document["dateline"] == .string(place))
  }

  @Test func prose_with_dashes_is_not_a_dateline() throws {
    #expect(try DatelineStage.make().apply(to: "He said - twice - that it was fine.").document["dateline"] == .null)
  }

  @Test func optionsAreValidatedLikeBuiltInStages() {
    #expect(throws: OptionError.self) { try DatelineStage.make(["maxLines": 0]) }
    #expect(throws: OptionError.self) { try DatelineStage.make(["feild": "x"]) }
  }

  @Test func examplesHold() throws {
    for example in DatelineStage.examples {
      let doc = try DatelineStage.make(example.options).apply(to: example.input).document
      for case .field(let name, let value) in example.expectations {
        #expect(doc[name] ?? .null == value, "line \(example.line)")
      }
    }
  }
}
