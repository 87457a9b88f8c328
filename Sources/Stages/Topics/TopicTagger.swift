import PipelineCore

/// A compiled taxonomy: every term and exclusion of every topic in one ``AhoCorasick``
/// automaton, and the scoring that turns matches into topics. Immutable and thread-safe; build
/// it once per stage.
public struct TopicTagger: Sendable {
  /// One match that counts as evidence for a topic.
  public struct Evidence: Sendable, Equatable {
    /// Index of the term in the topic's ``Taxonomy/Topic/terms``.
    public var term: Int
    /// Byte range in the text (or in the title, when ``inTitle``).
    public var start: Int
    public var end: Int
    /// Whether the match is in the title field rather than the text.
    public var inTitle: Bool
    /// What the match added to the score (weight × position boost ÷ repetition).
    public var contribution: Double
  }

  /// The outcome for one topic that has evidence in a document.
  public struct Result: Sendable, Equatable {
    /// Index of the topic in the taxonomy.
    public var topic: Int
    /// The score after length scaling.
    public var score: Double
    /// Whether the topic is assigned.
    public var assigned: Bool
    /// The matches that count, in text order (title first).
    public var evidence: [Evidence]
  }

  public let taxonomy: Taxonomy
  public let scoring: TopicScoring
  let matcher: AhoCorasick
  // Per pattern: topic, term index, and whether it is an exclusion.
  let patternTopic: [Int32]
  let patternTerm: [Int32]
  let patternExcludes: [Bool]

  /// Compiles `taxonomy`; throws ``TaxonomyError`` (path `[topic id, "terms", index]`) for a term
  /// the matcher cannot use.
  public init(taxonomy: Taxonomy, scoring: TopicScoring) throws(TaxonomyError) {
    self.taxonomy = taxonomy
    self.scoring = scoring
    var patterns: [AhoCorasick.Pattern] = []
    var topicOf: [Int32] = []
    var termOf: [Int32] = []
    var excludes: [Bool] = []
    var origin: [[String]] = []
    for (t, topic) in taxonomy.topics.enumerated() {
      for (list, isExclude) in [(topic.terms, false), (topic.exclude, true)] {
        for (k, term) in list.enumerated() {
          for p in term.patterns {
            patterns.append(p)
            topicOf.append(Int32(t))
            termOf.append(Int32(k))
            excludes.append(isExclude)
            origin.append([topic.id, isExclude ? "exclude" : "terms", String(k)])
          }
        }
      }
    }
    do {
      matcher = try AhoCorasick(patterns)
    } catch {
      throw TaxonomyError(path: origin[error.index], error.message)
    }
    patternTopic = topicOf
    patternTerm = termOf
    patternExcludes = excludes
  }

  /// A match as collected during the scan.
  struct Hit {
    var topic: Int32
    var term: Int32
    var exclude: Bool
    var inTitle: Bool
    var start: Int
    var end: Int
  }

  /// Scores `text` (and an optional `title`, read as the headline) against every topic. Returns
  /// a result for each topic with at least one counting match, in taxonomy order.
  public func score(text: String, title: String? = nil) -> [Result] {
    var hits: [Hit] = []
    var text = text
    let layout = text.withUTF8 { bytes -> TextLayout in
      matcher.forEachMatch(in: bytes) { m in
        hits.append(
          Hit(
            topic: patternTopic[m.pattern], term: patternTerm[m.pattern],
            exclude: patternExcludes[m.pattern],
            inTitle: false, start: m.start, end: m.end))
      }
      return TextLayout(bytes, leadLength: scoring.leadLength, detectHeadline: title == nil)
    }
    if let title {
      matcher.forEachMatch(in: title) { m in
        hits.append(
          Hit(
            topic: patternTopic[m.pattern], term: patternTerm[m.pattern],
            exclude: patternExcludes[m.pattern],
            inTitle: true, start: m.start, end: m.end))
      }
    }
    guard !hits.isEmpty else { return [] }
    // Group by topic; title matches first, then by start, longer first.
    hits.sort {
      ($0.topic, $0.inTitle ? 0 : 1, $0.start, -$0.end) < (
        $1.topic, $1.inTitle ? 0 : 1, $1.start, -$1.end
      )
    }
    var results: [Result] = []
    var i = 0
    while i < hits.count {
      var j = i
      while j < hits.count && hits[j].topic == hits[i].topic { j += 1 }
      if let r = scoreTopic(Int(hits[i].topic), hits[i..<j], layout: layout) { results.append(r) }
      i = j
    }
    return results
  }

  private func scoreTopic(_ t: Int, _ hits: ArraySlice<Hit>, layout: TextLayout) -> Result? {
    let topic = taxonomy.topics[t]
    let excluded = hits.filter(\.exclude)
    var evidence: [Evidence] = []
    var counts: [Int32: Int] = [:]
    var lastEnd = -1
    var lastInTitle = true
    var raw = 0.0
    var specificInHeadline = false
    var distinct: Set<Int32> = []
    var specificRepeated = false
    for h in hits where !h.exclude {
      if excluded.contains(where: {
        $0.inTitle == h.inTitle && $0.start <= h.start && h.end <= $0.end
      }) {
        continue
      }
      // Overlaps within the topic: keep the leftmost, longest match.
      if h.inTitle == lastInTitle && h.start < lastEnd { continue }
      lastEnd = h.end
      lastInTitle = h.inTitle
      let weight = topic.terms[Int(h.term)].weight
      let inHeadline = h.inTitle || layout.headline.contains(h.start)
      let boost =
        inHeadline
        ? scoring.headlineBoost : (!h.inTitle && h.start < layout.leadEnd ? scoring.leadBoost : 1)
      var contribution = weight * boost
      if scoring.diminishingRepeats {
        let k = counts[h.term, default: 0] + 1
        counts[h.term] = k
        contribution /= Double(k)
      }
      if weight > 0 {
        if !distinct.insert(h.term).inserted && weight >= scoring.specificWeight {
          specificRepeated = true
        }
        if inHeadline && weight >= scoring.specificWeight { specificInHeadline = true }
      }
      raw += contribution
      evidence.append(
        Evidence(
          term: Int(h.term), start: h.start, end: h.end, inTitle: h.inTitle,
          contribution: contribution))
    }
    guard !evidence.isEmpty else { return nil }
    var score = raw
    if let reference = scoring.referenceLength, reference > 0, layout.characters > reference {
      score /= (Double(layout.characters) / Double(reference)).squareRoot()
    }
    let threshold = topic.threshold ?? scoring.threshold
    // Repeats of one term count once, except that a specific term mentioned again counts twice.
    let support = distinct.count + (specificRepeated ? 1 : 0)
    let enough = support >= scoring.minimumMatches || specificInHeadline
    return Result(
      topic: t, score: score, assigned: score >= threshold && enough, evidence: evidence)
  }
}
