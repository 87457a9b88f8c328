/// Suggests the closest known name for a misspelt one ("detect-dates" -> "detect-date").
public enum DidYouMean {
  /// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo.
  public static func best(_ name: String, among candidates: [String]) -> String? {
    let a = Array(name.lowercased().utf8)
    var best: (String, Int)?
    for c in candidates {
      let d = distance(a, Array(c.lowercased().utf8))
      if d <= max(2, a.count / 3), d < (best?.1 ?? Int.max) { best = (c, d) }
    }
    return best?.0
  }

  /// Levenshtein distance over bytes.
  public static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&prev, &cur)
    }
    return prev[b.count]
  }
}
