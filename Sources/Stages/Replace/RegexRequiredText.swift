/// A run of bytes that every match contains (`(Photo: ` in `\s+\(Photo: [^)]*\)`), possibly with
/// ASCII letters in either case. When the text holds no such run from some position on, no match
/// can start there, so a search stops without running the VM: most documents are rejected by one
/// fast scan.
struct RegexRequiredText: Sendable, Equatable {
  /// Shortest run worth looking for, in bytes.
  static let minLength = 3

  /// The run: at each position, the two bytes accepted (the same byte twice for an exact byte).
  let pairs: [UInt8]

  /// The longest required run of `root`, or nil when there is none of ``minLength`` bytes.
  init?(_ root: RegexNode) {
    var best: [UInt8] = []
    var run: [UInt8] = []
    for item in RegexRequiredText.mandatoryItems(root) {
      if let bytes = item.flatMap(RegexRequiredText.pairs) {
        run += bytes
        if run.count > best.count { best = run }
      } else {
        run = []
      }
    }
    guard best.count >= 2 * RegexRequiredText.minLength else { return nil }
    pairs = best
  }

  /// The items that every match goes through, in order; nil stands for a part that is not a
  /// single literal or case pair (it breaks a run).
  static func mandatoryItems(_ node: RegexNode) -> [RegexNode?] {
    switch node {
    case .literal, .set: return [node]
    case .capture(_, let body): return mandatoryItems(body)
    case .concat(let items): return items.flatMap(mandatoryItems)
    case .repetition(let body, let min, let max, _) where min == max && min <= 16:
      return Array(repeating: mandatoryItems(body), count: min).flatMap { $0 }
    case .repetition(let body, let min, _, _) where min > 0:
      return [nil] + mandatoryItems(body) + [nil]
    default: return [nil]
    }
  }

  /// The byte pairs of a literal, or of a set of one ASCII letter in both cases.
  static func pairs(_ node: RegexNode) -> [UInt8]? {
    switch node {
    case .literal(let v):
      guard let scalar = Unicode.Scalar(v) else { return nil }
      return Array(String(scalar).utf8).flatMap { [$0, $0] }
    case .set(let s):
      guard !s.negated, s.properties.isEmpty, s.ranges.count == 2, s.ranges[0].count == 1, s.ranges[1].count == 1
      else { return nil }
      let (a, b) = (s.ranges[0].lowerBound, s.ranges[1].lowerBound)
      guard b < 0x80, a | 0x20 == b else { return nil }
      return [UInt8(a), UInt8(b)]
    default: return nil
    }
  }

  /// The first position at or after `from` where the run occurs, or nil.
  func find(from: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let m = pairs.count / 2
    let n = bytes.count
    var p = from
    while p + m <= n {
      guard let q = RegexPrefilter.find(pairs[0], pairs[1], from: p, in: bytes), q + m <= n else { return nil }
      var k = 1
      while k < m, bytes[q + k] == pairs[2 * k] || bytes[q + k] == pairs[2 * k + 1] { k += 1 }
      if k == m { return q }
      p = q + 1
    }
    return nil
  }
}
