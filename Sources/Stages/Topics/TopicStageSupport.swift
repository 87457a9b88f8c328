import PipelineCore

/// What `tag-topics` and `keywords` share: reading the taxonomy options, scoring options and
/// writing the result fields.
enum TopicStageSupport {
  /// The options both stages take (each stage adds its own defaults).
  static func commonOptions(field: String, threshold: Double) -> [OptionSpec] {
    [
      OptionSpec(
        "taxonomy", .string,
        help:
          "JSON5 taxonomy file (same format as the bundled one, see docs/taxonomy.md), relative to the pipeline file"
      ),
      OptionSpec(
        "topics", .any,
        help:
          "inline topics: an object by id ({ visa: { terms: [...] } }) or an array of topics with \"id\"; merged over the taxonomy"
      ),
      OptionSpec(
        "only", .strings,
        help:
          "tag only these topic ids (the taxonomy's other topics are ignored), e.g. [\"visa\", \"trade\"]"
      ),
      OptionSpec(
        "field", .string, default: .string(field), help: "output field for the sorted topic ids"),
      OptionSpec(
        "threshold", .number, default: .double(threshold),
        help: "score a topic needs (topics may set their own \"threshold\")"),
      OptionSpec(
        "scores", .boolean, default: false,
        help:
          "also write the score of every topic with evidence (field topic_scores, or FIELD_scores)"),
      OptionSpec(
        "evidence", .boolean, default: false,
        help:
          "also write the matches per topic with byte and character offsets (field topic_evidence, or FIELD_evidence)"
      ),
      OptionSpec(
        "titleField", .string, default: "title",
        help: "a record field holding the headline; when present it is scored as the headline"),
    ]
  }

  /// The taxonomy for a stage: `base`, then the `taxonomy` file, then inline `topics`.
  static func taxonomy(_ options: StageOptions, base: Taxonomy) throws -> Taxonomy {
    var taxonomy = base
    if options.isSet("taxonomy") {
      let text = try options.readFile(option: "taxonomy")
      let name = options.path("taxonomy") ?? "taxonomy"
      do {
        taxonomy = taxonomy.merging(try TaxonomyFile.parse(text, file: name))
      } catch {
        throw OptionError(option: "taxonomy", error.description)
      }
    }
    if options.isSet("topics") {
      do {
        taxonomy = taxonomy.merging(try TaxonomyParser.parseTopics(options["topics"]))
      } catch {
        throw OptionError(option: "topics", path: error.path, error.message)
      }
    }
    if options.isSet("only") {
      let ids = taxonomy.topics.map(\.id)
      for (i, id) in options.strings("only").enumerated() where !ids.contains(id) {
        var message = "no topic \"\(id)\" in the taxonomy"
        if let guess = DidYouMean.best(id, among: ids) { message += "; did you mean \"\(guess)\"?" }
        throw OptionError(option: "only", path: [String(i)], message)
      }
      let keep = Set(options.strings("only"))
      taxonomy.topics.removeAll { !keep.contains($0.id) }
    }
    return taxonomy
  }

  /// The threshold option, checked.
  static func threshold(_ options: StageOptions) throws -> Double {
    guard let t = options.double("threshold"), t > 0, t.isFinite else {
      throw OptionError(option: "threshold", "must be a positive number")
    }
    return t
  }

  /// Compiles the tagger, pointing errors at the option the bad term came from.
  static func tagger(_ taxonomy: Taxonomy, scoring: TopicScoring, options: StageOptions) throws
    -> TopicTagger
  {
    do {
      return try TopicTagger(taxonomy: taxonomy, scoring: scoring)
    } catch {
      let option =
        options.isSet("topics") ? "topics" : (options.isSet("taxonomy") ? "taxonomy" : "topics")
      throw OptionError(option: option, path: error.path, error.message)
    }
  }

  /// The names of the fields a stage writes (a class: shared, not copied, per document).
  final class Fields: Sendable {
    let topics: String
    let scores: String?
    let evidence: String?
    let title: String?
    /// The `--stats` counter of each topic, by taxonomy index.
    let counterNames: [String]
    /// Each topic's place among the topic ids sorted, by taxonomy index.
    let idRank: [Int]

    init(_ options: StageOptions, taxonomy: Taxonomy) throws {
      counterNames = taxonomy.topics.map { "topic \($0.id)" }
      let ids = taxonomy.topics.map(\.id)
      var idRank = [Int](repeating: 0, count: ids.count)
      for (rank, t) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { idRank[t] = rank }
      self.idRank = idRank
      guard let field = options.string("field"), !field.isEmpty, field != "text" else {
        throw OptionError(option: "field", "must be a field name other than \"text\"")
      }
      topics = field
      let stem = field == "topics" ? "topic" : field
      scores = options.bool("scores") ? stem + "_scores" : nil
      evidence = options.bool("evidence") ? stem + "_evidence" : nil
      title = options.string("titleField").flatMap { $0.isEmpty ? nil : $0 }
    }
  }

  /// Tags `document` and writes the fields.
  static func process(
    _ document: inout Document, tagger: TopicTagger, fields: Fields, context: inout StageContext
  ) {
    let title = fields.title.flatMap { document.fields[$0]?.stringValue }
    let results = tagger.score(
      text: document.text, title: title, evidence: fields.evidence != nil,
      exactScores: fields.scores != nil)
    let topics = tagger.taxonomy.topics
    var assigned: [Int] = []
    for r in results where r.assigned {
      assigned.append(r.topic)
      context.count(fields.counterNames[r.topic])
    }
    // Sorted by id (the ranks are the ids' order, computed once); an insertion sort, as there
    // are only a few.
    if assigned.count > 1 {
      for x in 1..<assigned.count {
        let t = assigned[x]
        var y = x
        while y > 0 && fields.idRank[t] < fields.idRank[assigned[y - 1]] {
          assigned[y] = assigned[y - 1]
          y -= 1
        }
        assigned[y] = t
      }
    }
    let ids = assigned.map { JSONValue.string(topics[$0].id) }
    context.count(ids.isEmpty ? "documents without topics" : "documents with topics")
    document[fields.topics] = .array(ids)
    if let name = fields.scores {
      let sorted = results.sorted { topics[$0.topic].id < topics[$1.topic].id }
      document[name] = .object(
        JSONObject(sorted.map { (topics[$0.topic].id, .double(rounded($0.score))) }))
    }
    if let name = fields.evidence {
      let sorted = results.sorted { topics[$0.topic].id < topics[$1.topic].id }
      var text = document.text
      let object: JSONObject = text.withUTF8 { bytes in
        let titleBytes = Array((title ?? "").utf8)
        return titleBytes.withUnsafeBufferPointer { titleBuffer in
          let textOffsets = ScalarOffsets(bytes)
          let titleOffsets = ScalarOffsets(titleBuffer)
          return JSONObject(
            sorted.map { r in
              let topic = topics[r.topic]
              return (
                topic.id,
                .array(
                  r.evidence.map { e in
                    evidenceJSON(
                      e, term: topic.terms[e.term].text, in: e.inTitle ? titleBuffer : bytes,
                      offsets: e.inTitle ? titleOffsets : textOffsets)
                  })
              )
            })
        }
      }
      document[name] = .object(object)
    }
  }

  static func evidenceJSON(
    _ e: TopicTagger.Evidence, term: String, in bytes: UnsafeBufferPointer<UInt8>,
    offsets: ScalarOffsets
  )
    -> JSONValue
  {
    var o: JSONObject = [
      "term": .string(term),
      "match": .string(
        String(decoding: UnsafeBufferPointer(rebasing: bytes[e.start..<e.end]), as: UTF8.self)),
      "start": .int(e.start),
      "end": .int(e.end),
      "charStart": .int(offsets.scalars(before: e.start)),
      "charEnd": .int(offsets.scalars(before: e.end)),
      "weight": .double(rounded(e.contribution)),
    ]
    if e.inTitle { o["in"] = "title" }
    return .object(o)
  }

  /// The number of Unicode scalars before byte `offset` (a Python string index), counted from
  /// the start: the definition that ``ScalarOffsets`` answers faster for many offsets.
  static func scalarOffset(_ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var n = 0
    for i in 0..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { n += 1 }
    return n
  }

  static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
