/// How term matches add up to a topic decision.
///
/// Each match counts its term's weight, multiplied by ``headlineBoost`` in the headline and by
/// ``leadBoost`` in the lead (the first ``leadLength`` characters after the headline); with
/// ``diminishingRepeats`` the k-th occurrence of the same term counts 1/k of that, so ten
/// mentions of one word weigh less than several different terms. With ``referenceLength`` the sum
/// is divided by √(characters / referenceLength) for texts longer than the reference, so a long
/// article needs more evidence than a short one. A topic is assigned when the result reaches its
/// threshold *and* it rests on at least ``minimumMatches`` different terms (repeats of one term
/// count once, but a specific term — weight ``specificWeight`` or more — said twice counts as two),
/// unless a term of weight ``specificWeight`` or more is in the headline. Terms with
/// a negative weight (the context of a homonym: "credit card" for `visa`) subtract from the score
/// and never count as a match.
public struct TopicScoring: Sendable, Equatable {
  /// The score a topic needs (topics may set their own).
  public var threshold: Double
  /// Multiplier for matches in the headline (or the title field).
  public var headlineBoost: Double
  /// Multiplier for matches in the lead.
  public var leadBoost: Double
  /// Length of the lead in characters after the headline; 0 for none.
  public var leadLength: Int
  /// Text length (characters) above which scores are scaled down; `nil` for no scaling.
  public var referenceLength: Int?
  /// The number of different terms (with a positive weight) a topic needs.
  public var minimumMatches: Int
  /// A term at least this heavy, in the headline, is enough on its own.
  public var specificWeight: Double
  /// Whether repeated occurrences of one term count less and less (1, 1/2, 1/3, ...).
  public var diminishingRepeats: Bool

  public init(
    threshold: Double, headlineBoost: Double = 1, leadBoost: Double = 1, leadLength: Int = 0,
    referenceLength: Int? = nil, minimumMatches: Int = 1, specificWeight: Double = .infinity,
    diminishingRepeats: Bool = false
  ) {
    self.threshold = threshold
    self.headlineBoost = headlineBoost
    self.leadBoost = leadBoost
    self.leadLength = leadLength
    self.referenceLength = referenceLength
    self.minimumMatches = minimumMatches
    self.specificWeight = specificWeight
    self.diminishingRepeats = diminishingRepeats
  }

  /// The defaults of `tag-topics`: evidence weighed by position, repetition and length.
  public static let topics = TopicScoring(
    threshold: 5, headlineBoost: 3, leadBoost: 1.5, leadLength: 400, referenceLength: 2000,
    minimumMatches: 2, specificWeight: 3, diminishingRepeats: true)

  /// The defaults of `keywords`: one match of a weight-1 term is enough.
  public static let keywords = TopicScoring(threshold: 1)
}
