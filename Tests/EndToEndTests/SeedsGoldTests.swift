import Foundation
import Testing

/// `pipe run news seeds/` against the hand-checked gold in ../shared/corpus/seeds.gold.jsonl.
@Suite struct SeedsGoldTests {
  struct Gold {
    var id: String
    var date: String
    var time: String?
    var sources: [String]
    var topics: Set<String>
    var optional: Set<String>
    var with: [String]
    var without: [String]
  }

  static func gold() throws -> [Gold]? {
    guard let shared = PipeBinary.shared else { return nil }
    let text = try String(contentsOfFile: shared + "/corpus/seeds.gold.jsonl", encoding: .utf8)
    return text.split(separator: "\n").map { line in
      let o = record(String(line))
      return Gold(
        id: o["id"] as? String ?? "", date: o["date"] as? String ?? "", time: o["time"] as? String,
        sources: [o["source"] as? String ?? ""] + (o["aliases"] as? [String] ?? []),
        topics: Set(o["topics"] as? [String] ?? []), optional: Set(o["topics_optional"] as? [String] ?? []),
        with: o["with"] as? [String] ?? [], without: o["without"] as? [String] ?? [])
    }
  }

  /// Folds a name the way the corpus scorer does: lowercase letters and digits, no leading "the".
  static func fold(_ s: String) -> String {
    var t = s.lowercased().replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe")
      .replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ß", with: "ss")
    t = t.decomposedStringWithCompatibilityMapping.unicodeScalars.filter {
      CharacterSet.alphanumerics.contains($0) && !CharacterSet.nonBaseCharacters.contains($0)
    }.map(String.init).joined()
    return t.hasPrefix("the") ? String(t.dropFirst(3)) : t
  }

  static func normalised(_ s: String) -> String {
    s.precomposedStringWithCompatibilityMapping
      .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "“", with: "\"")
      .replacingOccurrences(of: "”", with: "\"").replacingOccurrences(of: "–", with: "-")
      .replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: "\u{AD}", with: "")
      .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  @Test func newsPipelineMatchesTheSeedsGold() throws {
    guard let gold = try Self.gold() else { return }
    let r = try PipeBinary.run(["run", "news", "seeds/"])
    #expect(r.status == 0, "\(r.stderr)")
    let out = Dictionary(
      uniqueKeysWithValues: r.lines.map { l -> (String, [String: Any]) in
        let o = record(l)
        return (o["id"] as? String ?? "", o)
      })
    let designCard: Set<String> = ["visa", "trade", "legal", "space"]
    for g in gold {
      let o = try #require(out[g.id], "no output for \(g.id)")
      let date = o["date"] as? String ?? "null"
      let expectedDate = g.time.map { "\(g.date)T\($0)" } ?? g.date
      #expect(date == expectedDate, "\(g.id): date")
      let source = o["source"] as? String ?? ""
      #expect(g.sources.map(Self.fold).contains(Self.fold(source)), "\(g.id): source \(source) vs \(g.sources)")
      let topics = Set(o["topics"] as? [String] ?? [])
      #expect(g.topics.isSubset(of: topics), "\(g.id): topics \(topics) miss \(g.topics.subtracting(topics))")
      let extra = topics.intersection(designCard).subtracting(g.topics).subtracting(g.optional)
      #expect(extra.isEmpty, "\(g.id): unexpected topics \(extra)")
      let text = Self.normalised(o["text"] as? String ?? "")
      for line in g.with { #expect(text.contains(Self.normalised(line)), "\(g.id): lost \(line)") }
      for line in g.without { #expect(!text.contains(Self.normalised(line)), "\(g.id): kept \(line)") }
    }
  }
}
