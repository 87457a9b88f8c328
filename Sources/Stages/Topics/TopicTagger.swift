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
  /// Per pattern: its topic and term, whether it is an exclusion, and the term's weight.
  let patterns: [PatternInfo]
  /// Per topic: the score it needs.
  let thresholds: [Double]
  /// The most terms (or exclusions) of one topic.
  let maxTerms: Int

  struct PatternInfo {
    var topic: Int32
    var term: Int32
    var exclude: Bool
    var weight: Double
  }

  /// Compiles `taxonomy`; throws ``TaxonomyError`` (path `[topic id, "terms", index]`) for a term
  /// the matcher cannot use.
  public init(taxonomy: Taxonomy, scoring: TopicScoring) throws(TaxonomyError) {
    self.taxonomy = taxonomy
    self.scoring = scoring
    var patterns: [AhoCorasick.Pattern] = []
    var info: [PatternInfo] = []
    for (t, topic) in taxonomy.topics.enumerated() {
      for (list, isExclude) in [(topic.terms, false), (topic.exclude, true)] {
        for (k, term) in list.enumerated() {
          for p in term.patterns {
            patterns.append(p)
            info.append(
              PatternInfo(topic: Int32(t), term: Int32(k), exclude: isExclude, weight: term.weight))
          }
        }
      }
    }
    do {
      matcher = try AhoCorasick(patterns)
    } catch {
      let p = info[error.index]
      let path = [
        taxonomy.topics[Int(p.topic)].id, p.exclude ? "exclude" : "terms", String(p.term),
      ]
      throw TaxonomyError(path: path, error.message)
    }
    self.patterns = info
    thresholds = taxonomy.topics.map { $0.threshold ?? scoring.threshold }
    maxTerms = taxonomy.topics.map { max($0.terms.count, $0.exclude.count) }.max() ?? 0
  }

  /// A match as collected during the scan.
  struct Hit {
    var topic: Int32
    var term: Int32
    var exclude: Bool
    var inTitle: Bool
    var weight: Double
    var start: Int
    var end: Int
  }

  /// Scores `text` (and an optional `title`, read as the headline) against every topic. Returns
  /// a result for each topic with at least one counting match, in taxonomy order; the results
  /// carry their ``Result/evidence`` only when `evidence` is true.
  public func score(text: String, title: String? = nil, evidence: Bool = true) -> [Result] {
    var hits: [Hit] = []
    hits.reserveCapacity(64)
    var text = text
    text.withUTF8 { collect(in: $0, inTitle: false, into: &hits) }
    if var title {
      title.withUTF8 { collect(in: $0, inTitle: true, into: &hits) }
    }
    guard !hits.isEmpty else { return [] }
    // The headline, lead and length, needed only to score hits.
    let layout = text.withUTF8 { bytes -> TopicTextLayout in
      // Characters matter only for texts longer than the reference length (in characters, so
      // at least as many bytes).
      let count = (scoring.referenceLength.map { bytes.count > $0 }) ?? false
      return TopicTextLayout(
        bytes, leadLength: scoring.leadLength, detectHeadline: title == nil, countCharacters: count)
    }
    let grouped = groupedByTopic(hits)
    var results: [Result] = []
    results.reserveCapacity(taxonomy.topics.count)
    // Occurrences so far of each term of the topic being scored (zeroed again after each topic).
    grouped.withUnsafeBufferPointer { hits in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(1, maxTerms)) { seen in
        seen.initialize(repeating: 0)
        var i = 0
        while i < hits.count {
          var j = i
          while j < hits.count && hits[j].topic == hits[i].topic { j += 1 }
          if let r = scoreTopic(hits, i..<j, seen: seen, layout: layout, evidence: evidence) {
            results.append(r)
          }
          for x in i..<j { seen[Int(hits[x].term)] = 0 }
          i = j
        }
      }
    }
    return results
  }

  /// `hits` grouped by topic (a counting sort, in topic order) and, within a topic, ordered as
  /// the scoring reads them: title matches first, then by start, longer first. Hits arrive in scan
  /// order (by end), which is nearly that order, so the insertion sort per topic is cheap.
  private func groupedByTopic(_ hits: [Hit]) -> [Hit] {
    let topicCount = taxonomy.topics.count
    return [Hit](unsafeUninitializedCapacity: hits.count) { out, initialized in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * topicCount + 1) { buffer in
        let starts = UnsafeMutableBufferPointer(rebasing: buffer[0...topicCount])
        let next = UnsafeMutableBufferPointer(rebasing: buffer[(topicCount + 1)...])
        for k in starts.indices { starts[k] = 0 }
        for h in hits { starts[Int(h.topic) + 1] += 1 }
        for t in 0..<topicCount { starts[t + 1] += starts[t] }
        for t in 0..<topicCount { next[t] = starts[t] }
        for h in hits {
          out.initializeElement(at: next[Int(h.topic)], to: h)
          next[Int(h.topic)] += 1
        }
        func before(_ a: Hit, _ b: Hit) -> Bool {
          if a.inTitle != b.inTitle { return a.inTitle }
          if a.start != b.start { return a.start < b.start }
          return a.end > b.end
        }
        for t in 0..<topicCount where starts[t + 1] - starts[t] > 1 {
          for x in (starts[t] + 1)..<starts[t + 1] {
            let h = out[x]
            var y = x
            while y > starts[t] && before(h, out[y - 1]) {
              out[y] = out[y - 1]
              y -= 1
            }
            out[y] = h
          }
        }
      }
      initialized = hits.count
    }
  }

  private func collect(in bytes: UnsafeBufferPointer<UInt8>, inTitle: Bool, into hits: inout [Hit]) {
    patterns.withUnsafeBufferPointer { patterns in
      matcher.forEachMatch(in: bytes) { m in
        let p = patterns[m.pattern]
        hits.append(
          Hit(
            topic: p.topic, term: p.term, exclude: p.exclude, inTitle: inTitle, weight: p.weight,
            start: m.start, end: m.end))
      }
    }
  }

  /// Scores the hits of one topic (`range`, sorted by position).
  private func scoreTopic(
    _ hits: UnsafeBufferPointer<Hit>, _ range: Range<Int>, seen: UnsafeMutableBufferPointer<Int32>,
    layout: TopicTextLayout, evidence: Bool
  )
    -> Result?
  {
    let t = Int(hits[range.lowerBound].topic)
    var list: [Evidence] = []
    var lastEnd = -1
    var lastInTitle = true
    var raw = 0.0
    var count = 0
    var distinct = 0
    var specificInHeadline = false
    var specificRepeated = false
    var hasExclusions = false
    for x in range where hits[x].exclude {
      hasExclusions = true
      break
    }
    for x in range where !hits[x].exclude {
      let h = hits[x]
      // A match inside an excluded phrase does not count.
      var excluded = false
      if hasExclusions {
        for y in range where hits[y].exclude && hits[y].inTitle == h.inTitle {
          if hits[y].start <= h.start && h.end <= hits[y].end {
            excluded = true
            break
          }
        }
      }
      if excluded { continue }
      // Overlaps within the topic: keep the leftmost, longest match.
      if h.inTitle == lastInTitle && h.start < lastEnd { continue }
      lastEnd = h.end
      lastInTitle = h.inTitle
      count += 1
      // The how-many-th occurrence of this term.
      seen[Int(h.term)] += 1
      let k = Int(seen[Int(h.term)])
      let weight = h.weight
      let inHeadline = h.inTitle || layout.headline.contains(h.start)
      let boost =
        inHeadline
        ? scoring.headlineBoost : (!h.inTitle && h.start < layout.leadEnd ? scoring.leadBoost : 1)
      var contribution = weight * boost
      if scoring.diminishingRepeats { contribution /= Double(k) }
      if weight > 0 {
        if k == 1 {
          distinct += 1
        } else if weight >= scoring.specificWeight {
          specificRepeated = true
        }
        if inHeadline && weight >= scoring.specificWeight { specificInHeadline = true }
      }
      raw += contribution
      if evidence {
        list.append(
          Evidence(
            term: Int(h.term), start: h.start, end: h.end, inTitle: h.inTitle,
            contribution: contribution))
      }
    }
    guard count > 0 else { return nil }
    var score = raw
    if let reference = scoring.referenceLength, reference > 0, layout.characters > reference {
      score /= (Double(layout.characters) / Double(reference)).squareRoot()
    }
    let threshold = thresholds[t]
    // Repeats of one term count once, except that a specific term mentioned again counts twice.
    let support = distinct + (specificRepeated ? 1 : 0)
    let enough = support >= scoring.minimumMatches || specificInHeadline
    return Result(topic: t, score: score, assigned: score >= threshold && enough, evidence: list)
  }
}
