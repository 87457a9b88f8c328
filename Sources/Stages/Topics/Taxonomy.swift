import PipelineCore

/// A set of topics with the weighted terms that are evidence for them (the format is in
/// `docs/taxonomy.md`).
///
/// Taxonomies come from JSON5 data: the bundled default (`Resources/taxonomy.json5`), a file
/// named in a pipeline, or topics written inline in a pipeline. Later sources are merged over
/// earlier ones with ``merging(_:)``.
public struct Taxonomy: Sendable {
  /// One term of a topic, as written, with its weight and the patterns it expands to.
  public struct Term: Sendable, Equatable {
    /// The term as written in the taxonomy (`court{,s}`, `launch*`).
    public var text: String
    /// How much one occurrence counts (before position and repetition are taken into account).
    public var weight: Double
    /// The matcher patterns the term expands to.
    public var patterns: [AhoCorasick.Pattern]

    public init(text: String, weight: Double, patterns: [AhoCorasick.Pattern]) {
      self.text = text
      self.weight = weight
      self.patterns = patterns
    }
  }

  /// One topic.
  public struct Topic: Sendable, Equatable {
    /// The id written to the output (`visa`).
    public var id: String
    /// A human-readable name.
    public var label: String
    /// One line on what the topic covers.
    public var definition: String
    /// The nearest IPTC Media Topic code (8 digits), when there is one.
    public var iptc: String?
    /// The topic's own threshold; `nil` uses the stage's.
    public var threshold: Double?
    /// The evidence terms.
    public var terms: [Term]
    /// Phrases that cancel a term match lying inside them (`office space` for `space`).
    public var exclude: [Term]

    public init(
      id: String, label: String = "", definition: String = "", iptc: String? = nil,
      threshold: Double? = nil, terms: [Term] = [], exclude: [Term] = []
    ) {
      self.id = id
      self.label = label
      self.definition = definition
      self.iptc = iptc
      self.threshold = threshold
      self.terms = terms
      self.exclude = exclude
    }
  }

  /// The topics, in the order they were defined.
  public var topics: [Topic]

  public init(topics: [Topic] = []) { self.topics = topics }

  /// The topic with `id`.
  public func topic(_ id: String) -> Topic? { topics.first { $0.id == id } }

  /// This taxonomy with `patch` applied: new topics are appended; a topic with an existing id
  /// gets the patch's label, definition, iptc and threshold where set and the patch's terms and
  /// exclusions added to its own, or is replaced when the patch says `replace: true`, or removed
  /// when the patch is `false`.
  public func merging(_ patch: TaxonomyPatch) -> Taxonomy {
    var out = self
    for p in patch.topics {
      let existing = out.topics.firstIndex { $0.id == p.id }
      if p.remove {
        if let i = existing { out.topics.remove(at: i) }
        continue
      }
      if let i = existing, !p.replace {
        var t = out.topics[i]
        if let v = p.label { t.label = v }
        if let v = p.definition { t.definition = v }
        if let v = p.iptc { t.iptc = v }
        if let v = p.threshold { t.threshold = v }
        t.terms += p.terms
        t.exclude += p.exclude
        out.topics[i] = t
      } else {
        let t = Topic(
          id: p.id, label: p.label ?? p.id, definition: p.definition ?? "", iptc: p.iptc,
          threshold: p.threshold, terms: p.terms, exclude: p.exclude)
        if let i = existing { out.topics[i] = t } else { out.topics.append(t) }
      }
    }
    return out
  }
}

/// Topics read from one source, to be merged over a ``Taxonomy``.
public struct TaxonomyPatch: Sendable {
  /// One topic as written: fields that were not written are `nil`.
  public struct TopicPatch: Sendable {
    public var id: String
    public var label: String?
    public var definition: String?
    public var iptc: String?
    public var threshold: Double?
    public var terms: [Taxonomy.Term] = []
    public var exclude: [Taxonomy.Term] = []
    /// Replace an existing topic of the same id instead of extending it.
    public var replace = false
    /// Remove the topic of this id.
    public var remove = false
  }

  public var topics: [TopicPatch]
}

/// A problem in taxonomy data: where (a path of keys and indices) and what.
public struct TaxonomyError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Keys and array indices from the root of the parsed value.
  public var path: [String]
  public var message: String

  public init(path: [String], _ message: String) {
    self.path = path
    self.message = message
  }

  public var description: String {
    path.isEmpty ? message : "\(path.joined(separator: ".")): \(message)"
  }
}
