import Testing

@testable import PipelineCore

/// The output records of the automaton: each state with outputs has its first output in a head
/// record at a fixed place, and the others (flag `moreOutputs`) after it; the hybrid layout keeps
/// a placeholder head (flag `noOutput`) for the states without outputs.
@Suite struct AhoCorasickOutputHeadsTests {
  /// "new york city", "york city" and "city" all end in the state after "new york city": three
  /// outputs, longest first.
  let patterns = ["new york city", "york city", "city", "york", "new"].map {
    AhoCorasick.Pattern($0)
  }

  @Test func denseHeadsHoldTheFirstOutputOfEveryOutputState() throws {
    let a = try AhoCorasick(patterns).automaton
    #expect(a.isDense)
    let outputStates = a.stateCount - a.firstOutputState
    #expect(a.outputHeads.count == 4 * outputStates)
    #expect(a.outputStart.count == outputStates + 1)
    for o in 0..<outputStates {
      // In the dense layout every state from firstOutputState on has outputs.
      #expect(UInt8(a.outputHeads[4 * o + 3]) & Automaton.noOutput == 0)
    }
    // "new york city" and "york city" have outputs beyond their first; the extra records follow
    // in order, longest first.
    let more = (0..<outputStates).filter {
      UInt8(a.outputHeads[4 * $0 + 3]) & Automaton.moreOutputs != 0
    }
    let extras = more.map { o in
      (Int(a.outputStart[o])..<Int(a.outputStart[o + 1])).map { a.outputRecords[4 * $0] }
    }
    #expect(more.map { a.outputHeads[4 * $0] }.sorted() == [0, 1])
    #expect(
      Dictionary(uniqueKeysWithValues: zip(more.map { a.outputHeads[4 * $0] }, extras))
        == [0: [1, 2], 1: [2]])
    #expect(a.outputRecords.count == 3 * 4)
  }

  @Test func hybridHeadsHavePlaceholdersForStatesWithoutOutputs() throws {
    let a = try AhoCorasick(patterns, denseLimit: 64).automaton
    #expect(!a.isDense)
    #expect(a.firstOutputState == 0)
    #expect(a.outputHeads.count == 4 * a.stateCount)
    for s in 0..<a.stateCount {
      let none = UInt8(a.outputHeads[4 * s + 3]) & Automaton.noOutput != 0
      #expect(none == !a.hasOutput[s])
    }
  }

  @Test func everyOutputOfAStateIsReportedInBothLayouts() throws {
    let text = "New York City, new  york city and York."
    let expected: [AhoCorasick.Match] = [
      .init(pattern: 4, start: 0, end: 3), .init(pattern: 3, start: 4, end: 8),
      .init(pattern: 0, start: 0, end: 13), .init(pattern: 1, start: 4, end: 13),
      .init(pattern: 2, start: 9, end: 13), .init(pattern: 4, start: 15, end: 18),
      .init(pattern: 3, start: 20, end: 24), .init(pattern: 0, start: 15, end: 29),
      .init(pattern: 1, start: 20, end: 29), .init(pattern: 2, start: 25, end: 29),
      .init(pattern: 3, start: 34, end: 38),
    ]
    #expect(try AhoCorasick(patterns).matches(in: text) == expected)
    #expect(try AhoCorasick(patterns, denseLimit: 64).matches(in: text) == expected)
  }
}
