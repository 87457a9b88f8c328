import PipelineCore

/// Tags documents with the keyword groups of a taxonomy you give it: the `tag-topics` engine
/// without a default taxonomy and with simple defaults (one match of a term is enough).
///
/// ```json5
/// { stage: "keywords", label: "brands", options: {
///     field: "brands",
///     topics: { apple: { terms: ["Apple", "iPhone*"], exclude: ["apple pie"] } },
/// } }
/// ```
///
/// Options: `topics` (inline, an object by id or an array with `id`) and/or `taxonomy` (a JSON5
/// file, format in docs/taxonomy.md) — at least one is required; `only` (a subset of the groups);
/// `field` (default `keywords`);
/// `threshold` (default 1: the summed weights of the matches a group needs; terms weigh 1 unless
/// they say otherwise); `scores` and `evidence` (write `FIELD_scores` and `FIELD_evidence`);
/// `titleField` (a record field matched too). No position boosts, repetition discounts or length
/// scaling apply.
public struct KeywordsStage: Stage {
  public static let name = "keywords"
  public static let summary = "Tags documents with keyword groups from an inline or file taxonomy"

  public static let options: [OptionSpec] = TopicStageSupport.commonOptions(
    field: "keywords", threshold: TopicScoring.keywords.threshold)

  public static let examples: [StageExample] = [
    StageExample(
      "The new iPhone and the Apple Watch were shown; grandma baked an apple pie.",
      options: [
        "topics": [
          "apple": ["terms": ["apple", "iphone*"], "exclude": ["apple pie"]],
          "pies": ["terms": ["pie{,s}"]],
        ]
      ],
      expect: [.field("keywords", ["apple", "pies"])]),
    StageExample(
      "Only an apple pie here.",
      options: [
        "topics": ["apple": ["terms": ["apple"], "exclude": ["apple pie"]]], "field": "brands",
      ],
      expect: [.field("brands", [])]),
    StageExample(
      "Визы, визы и ещё раз визы.",
      options: [
        "topics": [["id": "visa", "terms": ["виз{а,ы}"]]], "threshold": 3, "scores": true,
      ],
      expect: [.field("keywords", ["visa"]), .field("keywords_scores", ["visa": 3])]),
  ]

  let tagger: TopicTagger
  let fields: TopicStageSupport.Fields

  public init(options: StageOptions) throws {
    guard options.isSet("topics") || options.isSet("taxonomy") else {
      throw OptionError(
        option: "topics", "keywords needs \"topics\" (inline) or \"taxonomy\" (a file)")
    }
    let taxonomy = try TopicStageSupport.taxonomy(options, base: Taxonomy())
    guard !taxonomy.topics.isEmpty else {
      throw OptionError(
        option: options.isSet("topics") ? "topics" : "taxonomy", "no keyword groups defined")
    }
    var scoring = TopicScoring.keywords
    scoring.threshold = try TopicStageSupport.threshold(options)
    tagger = try TopicStageSupport.tagger(taxonomy, scoring: scoring, options: options)
    fields = try TopicStageSupport.Fields(options, taxonomy: taxonomy)
  }

  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    TopicStageSupport.process(&document, tagger: tagger, fields: fields, context: &context)
    return .keep
  }
}
