import Foundation
import Testing

/// A pipeline built only from configuration (include, replace, keywords, filter, set, remove),
/// run on the seeds: Examples/pipelines/kz-canada.json5.
@Suite struct ConfigOnlyPipelineTests {
  @Test func customisesNewsWithoutCode() throws {
    let r = try PipeBinary.run(["run", "Examples/pipelines/kz-canada.json5", "seeds/", "--stats"])
    #expect(r.status == 0, "\(r.stderr)")
    let records = r.lines.map(record)
    // filter: 004 (legal, visa) is not about trade or space: dropped and counted, not lost.
    #expect(records.map { $0["id"] as? String } == ["000_c63e95f784f01494.txt", "003_70a3e5ae23e05a3d.txt"])
    #expect(r.stderr.contains("dropped (off-topic): 1"))
    #expect(r.stderr.contains("records 3 = output 2 + dropped 1 + errors 0"))
    for rec in records {
      let text = rec["text"] as? String ?? ""
      // replace: literal and regular-expression rules.
      #expect(text.contains("Qazaqstan") && !text.contains("Kazakhstan"))
      #expect(!text.contains("Kazakh "))
      // set: a constant field and a rename; remove: the evidence fields.
      #expect(rec["collection"] as? String == "kz-canada")
      #expect(rec["outlet"] != nil && rec["source"] == nil)
      #expect(rec["date_evidence"] == nil && rec["source_evidence"] == nil)
    }
    // keywords: the client's watch-list, in its own field, next to the news topics.
    #expect(records[0]["watchlist"] as? [String] == ["ottawa"])
    #expect(records[1]["watchlist"] as? [String] == ["ottawa", "senate"])
    #expect((records[1]["topics"] as? [String])?.contains("space") == true)
  }
}
