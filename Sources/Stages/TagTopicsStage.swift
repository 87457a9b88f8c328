import PipelineCore

/// Tags news documents with topics from a weighted-term taxonomy.
///
/// Terms of every topic are found in one pass (``AhoCorasick``: case-insensitive, whole words in
/// any script, inflections and stems). A topic is assigned when its evidence — term weights,
/// counted more in the headline and the lead, less for repeats, scaled down for long texts —
/// reaches the threshold and rests on at least two matches (one is enough for a specific term in
/// the headline). Phrases listed under a topic's `exclude` cancel the matches inside them
/// ("office space", "trade union").
///
/// The bundled taxonomy (`Resources/taxonomy.json5`, documented in `docs/taxonomy.md`) has
/// visa, trade, legal and space (with Russian and Kazakh terms) and a dozen general news topics;
/// pipelines extend or replace it with `taxonomy` (a file) and `topics` (inline).
public struct TagTopicsStage: Stage {
  public static let name = "tag-topics"
  public static let summary = "Tags topics (visa, trade, legal, space, ...) from weighted terms"

  public static let options: [OptionSpec] =
    TopicStageSupport.commonOptions(field: "topics", threshold: TopicScoring.topics.threshold) + [
      OptionSpec(
        "replaceDefault", .boolean, default: false,
        help: "start from an empty taxonomy instead of the bundled one"),
      OptionSpec(
        "minMatches", .integer, default: .int(TopicScoring.topics.minimumMatches),
        help: "matches a topic needs (a specific term in the headline is enough alone)"),
      OptionSpec(
        "headlineBoost", .number, default: .double(TopicScoring.topics.headlineBoost),
        help: "multiplier for matches in the headline"),
      OptionSpec(
        "leadBoost", .number, default: .double(TopicScoring.topics.leadBoost),
        help: "multiplier for matches in the lead (the first 400 characters after the headline)"),
    ]

  public static let examples: [StageExample] = [
    StageExample(
      "Kazakhstan and Canada ease visa regime\n\nThe two countries agreed to simplify visa procedures for business travellers and students.",
      expect: [.field("topics", ["visa"])]),
    StageExample(
      "Office space in demand\n\nLandlords report that office space is scarce and parking space costs more.",
      expect: [.field("topics", [])]),
    StageExample(
      "Union leaders meet\n\nThe trade union said members would strike; the trade unions want higher pay.",
      expect: [.field("topics", [])]),
    StageExample(
      "Суд вынес приговор\n\nГородской суд приговорил бывшего чиновника к пяти годам лишения свободы по уголовному делу.",
      expect: [.field("topics", ["legal"])]),
    StageExample(
      "Rocket launched\n\nThe rocket put a communications satellite into orbit.",
      options: ["scores": true],
      expect: [.field("topics", ["space"])]),
    StageExample(
      "Ministers discuss the weather.", options: ["field": "subjects"],
      expect: [.field("subjects", []), .field("topics", .null)]),
  ]

  let tagger: TopicTagger
  let fields: TopicStageSupport.Fields

  public init(options: StageOptions) throws {
    var base = Taxonomy()
    if !options.bool("replaceDefault") {
      switch TaxonomyFile.bundled {
      case .success(let t): base = t
      case .failure(let error):
        throw OptionError(option: "taxonomy", "the bundled taxonomy is broken: \(error)")
      }
    }
    let taxonomy = try TopicStageSupport.taxonomy(options, base: base)
    guard !taxonomy.topics.isEmpty else {
      throw OptionError(
        option: "topics", "no topics: with replaceDefault, give \"taxonomy\" or \"topics\"")
    }
    var scoring = TopicScoring.topics
    scoring.threshold = try TopicStageSupport.threshold(options)
    guard let minMatches = options.int("minMatches"), minMatches >= 1 else {
      throw OptionError(option: "minMatches", "must be a whole number of at least 1")
    }
    scoring.minimumMatches = minMatches
    for name in ["headlineBoost", "leadBoost"] {
      guard let v = options.double(name), v > 0, v.isFinite else {
        throw OptionError(option: name, "must be a positive number")
      }
      if name == "headlineBoost" { scoring.headlineBoost = v } else { scoring.leadBoost = v }
    }
    tagger = try TopicStageSupport.tagger(taxonomy, scoring: scoring, options: options)
    fields = try TopicStageSupport.Fields(options, taxonomy: taxonomy)
  }

  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    TopicStageSupport.process(&document, tagger: tagger, fields: fields, context: &context)
    return .keep
  }
}
