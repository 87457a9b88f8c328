import Foundation
import PipelineCore
import Testing

@testable import Stages

/// `tag-topics` without scores to write counts a text's characters only for topics that could
/// be assigned; the topics assigned (and their scores) must be those of the exact scoring.
@Suite struct TagTopicsLazyLengthTests {
  /// Compares the exact and the lazy scoring of `text`: same topics with evidence, same
  /// assignments, same scores for the assigned ones. Returns the number of assigned topics.
  @discardableResult
  func compare(_ tagger: TopicTagger, _ text: String, title: String? = nil) -> Int {
    let exact = tagger.score(text: text, title: title, evidence: false, exactScores: true)
    let lazy = tagger.score(text: text, title: title, evidence: false, exactScores: false)
    #expect(exact.map(\.topic) == lazy.map(\.topic))
    #expect(exact.map(\.assigned) == lazy.map(\.assigned), "\(text.prefix(60))")
    for (e, l) in zip(exact, lazy) where e.assigned {
      #expect(e.score == l.score)
    }
    #expect(tagger.score(text: text, title: title, evidence: false) == exact)
    return exact.filter(\.assigned).count
  }

  @Test func longAndShortTexts() throws {
    let tagger = try TopicTagger(taxonomy: TaxonomyFile.bundled.get(), scoring: .topics)
    let filler = String(repeating: "The weather was mild and the markets were calm. ", count: 60)
    let visa = "Visa regime eased\n\nThe two countries agreed to simplify visa procedures and e-visa rules."
    // Short and long (scaled) texts, with the evidence at the start or the end, with a title.
    var assigned = 0
    for text in [visa, visa + " " + filler, filler + visa, filler, "Визовый режим " + filler] {
      assigned += compare(tagger, text)
      assigned += compare(tagger, text, title: "Visa-free travel for students")
    }
    #expect(assigned >= 4)
  }

  @Test(
    .enabled(
      if: TagTopicsTestSupport.hasCorpusFile("topics.dev.jsonl"),
      "../shared/corpus/topics.dev.jsonl is missing"))
  func realPages() throws {
    let tagger = try TopicTagger(taxonomy: TaxonomyFile.bundled.get(), scoring: .topics)
    let records = try TagTopicsTestSupport.records(
      TagTopicsTestSupport.corpusFile("topics.dev.jsonl"))
    var assigned = 0
    for r in records { assigned += compare(tagger, r["text"]?.stringValue ?? "") }
    #expect(assigned > 100)
  }
}
