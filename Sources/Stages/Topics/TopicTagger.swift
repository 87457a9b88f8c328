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
    var start: Int
    var end: Int
    var topic: Int32
    /// The index in ``patterns``.
    var pattern: Int32
    var inTitle: Bool
    var exclude: Bool
  }

  /// Scores `text` (and an optional `title`, read as the headline) against every topic. Returns
  /// a result for each topic with at least one counting match, in taxonomy order; the results
  /// carry their ``Result/evidence`` only when `evidence` is true.
  public func score(text: String, title: String? = nil, evidence: Bool = true) -> [Result] {
    score(text: text, title: title, evidence: evidence, exactScores: true)
  }

  /// ``score(text:title:evidence:)``; with `exactScores` false, the score of a topic that is not
  /// assigned may be left unscaled by the text's length (which is then counted only for topics
  /// that could be assigned): for callers that use only ``Result/assigned``.
  func score(text: String, title: String?, evidence: Bool, exactScores: Bool) -> [Result] {
    var buffer = TopicHitBuffer()
    defer { buffer.release() }
    var text = text
    text.withUTF8 { collect(in: $0, inTitle: false, into: &buffer) }
    if var title {
      title.withUTF8 { collect(in: $0, inTitle: true, into: &buffer) }
    }
    guard buffer.count > 0 else { return [] }
    let all = buffer.hits
    var results: [Result] = []
    return text.withUTF8 { bytes in
      // The headline and lead, needed only to score hits; the length in characters only for
      // texts longer than the reference length (in characters, so at least as many bytes), and
      // counted when first needed.
      let layout = TopicTextLayout(
        bytes, leadLength: scoring.leadLength, detectHeadline: title == nil, countCharacters: false)
      var length = Length(bytes: bytes, reference: scoring.referenceLength)
      results.reserveCapacity(min(taxonomy.topics.count, 16))
      // Occurrences so far of each term of the topic being scored (zeroed after each topic).
      withUnsafeTemporaryAllocation(of: Hit.self, capacity: all.count) { grouped in
        groupByTopic(all, into: grouped)
        let hits = UnsafeBufferPointer(grouped)
        patterns.withUnsafeBufferPointer { patterns in
          withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(1, maxTerms)) { seen in
            seen.initialize(repeating: 0)
            var i = 0
            while i < hits.count {
              var j = i
              while j < hits.count && hits[j].topic == hits[i].topic { j += 1 }
              if let r = scoreTopic(
                hits, i..<j, patterns, seen: seen, layout: layout, length: &length,
                evidence: evidence, exactScores: exactScores)
              {
                results.append(r)
              }
              for x in i..<j { seen[Int(patterns[Int(hits[x].pattern)].term)] = 0 }
              i = j
            }
          }
        }
      }
      return results
    }
  }

  /// The text's length in characters where it matters: counted once, when first asked for, and
  /// only for texts longer (in bytes) than the reference.
  struct Length {
    let bytes: UnsafeBufferPointer<UInt8>
    let reference: Int?
    var counted: Int? = nil

    init(bytes: UnsafeBufferPointer<UInt8>, reference: Int?) {
      self.bytes = bytes
      self.reference = reference
    }

    /// The divisor of a topic's score: √(characters / reference) for texts longer than the
    /// reference, else `nil`.
    mutating func scale() -> Double? {
      guard let reference, reference > 0, bytes.count > reference else { return nil }
      let characters: Int
      if let counted {
        characters = counted
      } else {
        characters = bytes.count - TopicTextLayout.continuationBytes(bytes)
        counted = characters
      }
      guard characters > reference else { return nil }
      return (Double(characters) / Double(reference)).squareRoot()
    }
  }

  /// `hits` grouped by topic into `out` (a counting sort, in topic order; every slot written once)
  /// and, within a topic, ordered as the scoring reads them: title matches first, then by start,
  /// longer first. Hits arrive in scan order (by end), which is nearly that order, so one
  /// insertion sort over all of them (topic first) is cheap.
  private func groupByTopic(_ hits: UnsafeBufferPointer<Hit>, into out: UnsafeMutableBufferPointer<Hit>) {
    let topicCount = taxonomy.topics.count
    withUnsafeTemporaryAllocation(of: Int.self, capacity: topicCount + 1) { next in
      // Counts (topic t's at t + 1), then the start of each topic, then placed.
      next.initialize(repeating: 0)
      for h in hits { next[Int(h.topic) &+ 1] &+= 1 }
      for t in 0..<topicCount { next[t &+ 1] &+= next[t] }
      for h in hits {
        let t = Int(h.topic)
        out.initializeElement(at: next[t], to: h)
        next[t] &+= 1
      }
    }
    for x in 1..<max(1, hits.count) {
      let h = out[x]
      guard Self.before(h, out[x &- 1]) else { continue }
      var y = x
      repeat {
        out[y] = out[y &- 1]
        y &-= 1
      } while y > 0 && Self.before(h, out[y &- 1])
      out[y] = h
    }
  }

  /// The order of the scoring: by topic, title matches first, then by start, longer first.
  @inline(__always)
  static func before(_ a: Hit, _ b: Hit) -> Bool {
    if a.topic != b.topic { return a.topic < b.topic }
    if a.inTitle != b.inTitle { return a.inTitle }
    if a.start != b.start { return a.start < b.start }
    return a.end > b.end
  }

  /// Appends the matches in `bytes` to `hits`, a block of matches at a time.
  private func collect(
    in bytes: UnsafeBufferPointer<UInt8>, inTitle: Bool, into hits: inout TopicHitBuffer
  ) {
    patterns.withUnsafeBufferPointer { patterns in
      matcher.forEachMatchBlock(in: bytes) { block in
        hits.append(block.count) { k in
          let m = block[k]
          let p = patterns[m.pattern]
          return Hit(
            start: m.start, end: m.end, topic: p.topic,
            pattern: Int32(truncatingIfNeeded: m.pattern), inTitle: inTitle, exclude: p.exclude)
        }
      }
    }
  }

  /// Scores the hits of one topic (`range`, sorted by position).
  private func scoreTopic(
    _ hits: UnsafeBufferPointer<Hit>, _ range: Range<Int>, _ patterns: UnsafeBufferPointer<PatternInfo>,
    seen: UnsafeMutableBufferPointer<Int32>, layout: TopicTextLayout, length: inout Length,
    evidence: Bool, exactScores: Bool
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
      let p = patterns[Int(h.pattern)]
      // The how-many-th occurrence of this term.
      seen[Int(p.term)] += 1
      let k = Int(seen[Int(p.term)])
      let weight = p.weight
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
            term: Int(p.term), start: h.start, end: h.end, inTitle: h.inTitle,
            contribution: contribution))
      }
    }
    guard count > 0 else { return nil }
    let threshold = thresholds[t]
    // Repeats of one term count once, except that a specific term mentioned again counts twice.
    let support = distinct + (specificRepeated ? 1 : 0)
    let enough = support >= scoring.minimumMatches || specificInHeadline
    var score = raw
    // Scaling only lowers a score: one below the threshold, or without enough support, is not
    // assigned whatever the length.
    if exactScores || (enough && raw >= threshold), let divisor = length.scale() {
      score /= divisor
    }
    return Result(topic: t, score: score, assigned: score >= threshold && enough, evidence: list)
  }
}
