import PipelineCore
import Testing

/// A stage's counters: found by the identity of their names, totalled by name like a
/// dictionary would, however the names were made.
@Suite struct StageCountersTests {
  @Test func countsByName() {
    var context = StageContext()
    context.count("dated")
    context.count("dated")
    context.count("undated", 3)
    context.count("entities-decoded-long-name", 2)
    context.count("entities-decoded-long-name")
    #expect(context.counters == ["dated": 2, "undated": 3, "entities-decoded-long-name": 3])
  }

  @Test func namesBuiltAtRunTimeAddUpWithLiterals() {
    var context = StageContext()
    context.count("topic:economy-and-finance")
    // The same text in a string built for each document: another string, the same counter.
    for _ in 0..<3 { context.count(["topic:", "economy-and-finance"].joined()) }
    context.count(String("ab".reversed()))
    context.count("ba")
    #expect(context.counters == ["topic:economy-and-finance": 4, "ba": 2])
  }

  @Test func emptyAndSettable() {
    var context = StageContext()
    #expect(context.counters.isEmpty)
    context.counters = ["kept": 5, "": 1]
    context.count("kept")
    context.count("")
    #expect(context.counters == ["kept": 6, "": 2])
  }

  /// Many names (the table grows several times), some spelled by distinct strings, against a
  /// dictionary.
  @Test func randomisedAgainstADictionary() {
    var random = SplitMix64(seed: 42)
    let literals: [String] = (0..<200).map { "counter-\($0)" }
    for round in 0..<20 {
      var context = StageContext()
      var reference: [String: Int] = [:]
      let names = 1 + Int(random.next() % UInt64(10 + round * 10))
      for _ in 0..<2_000 {
        let index = Int(random.next() % UInt64(names))
        let n = Int(random.next() % 5)
        // Half the time a fresh string with the same text.
        let name = random.next() % 2 == 0 ? literals[index] : "counter-" + String(index)
        context.count(name, n)
        reference[name, default: 0] += n
      }
      #expect(context.counters == reference, "round \(round)")
    }
  }
}
