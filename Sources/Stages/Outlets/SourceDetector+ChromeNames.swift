/// Breaking near ties between sites named by their domains: the site's own name stands alone in
/// the short lines of its header and footer (`+ BLINKER`, `Wir Malteser`, `Malteser Suche`);
/// a site linked from the page does not.
extension SourceDetector {
  /// Candidates scoring at least this share of the best one count as a near tie.
  static let nearTieShare = 1 / 1.6
  /// Header and footer lines with at most this many words are the page's chrome.
  static let chromeLineWords = 6

  /// The index in `ranking` (of its first four) of a site named by its domain that ties nearly
  /// with the best candidate and whose name stands in more chrome lines than the best one's;
  /// `nil` when the best stays.
  func chromeTieBreak(
    _ p: UnsafeBufferPointer<UInt8>, _ scan: TextScan, _ layout: Layout,
    _ ranking: [SourceTally.Ranked], _ tally: SourceTally
  ) -> Int? {
    guard ranking.count >= 2 else { return nil }
    let top = ranking[0].score
    let near = ranking.indices.prefix(4).dropFirst().filter { i in
      ranking[i].score >= top * Self.nearTieShare
        && ranking[i].kinds.contains { $0.0 == .domain || $0.0 == .siteDomain }
    }
    guard !near.isEmpty else { return nil }
    let chrome = chromeLines(p, scan, layout)
    var best = 0
    var bestCount = Self.chromeMentions(p, chrome, of: ranking[0].name)
    for i in near {
      let count = Self.chromeMentions(p, chrome, of: tally.name(of: ranking[i]))
      // Ties go to the higher score, which comes first.
      if count > bestCount {
        best = i
        bestCount = count
      }
    }
    return best == 0 ? nil : best
  }

  /// The short lines of the page header and footer, as byte ranges.
  func chromeLines(_ p: UnsafeBufferPointer<UInt8>, _ scan: TextScan, _ layout: Layout)
    -> [Range<Int>]
  {
    var lines: [Range<Int>] = []
    for line in 0..<scan.lineCount where line < layout.headEnd || line >= layout.tailStart {
      let (s, e) = lineRange(scan, line)
      guard e > s, LineTokens.count(p, s, e, cap: Self.chromeLineWords) <= Self.chromeLineWords
      else { continue }
      lines.append(s..<e)
    }
    return lines
  }

  /// The number of `lines` that hold the name (a domain's first label, `blinker` for
  /// `Blinker.de`) as a word of its own: ASCII letters compared without case, not glued to a
  /// letter, digit or dot (so not the domain itself). Names shorter than four bytes count 0.
  static func chromeMentions(
    _ p: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>], of name: String
  ) -> Int {
    var label = Array(name.utf8)
    if !label.contains(0x20), let dot = label.firstIndex(of: 0x2E) { label.removeSubrange(dot...) }
    guard label.count >= 4 else { return 0 }
    let folded = label.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    @inline(__always) func glued(_ b: UInt8) -> Bool {
      CaseFold.isASCIIWord(b) || b >= 0x80 || b == 0x2E || b == 0x5F
    }
    var count = 0
    for line in lines where line.count >= folded.count {
      var i = line.lowerBound
      let last = line.upperBound - folded.count
      var found = false
      while i <= last && !found {
        var k = 0
        while k < folded.count {
          let b = p[i + k]
          if (b &- 0x41 < 26 ? b | 0x20 : b) != folded[k] { break }
          k += 1
        }
        if k == folded.count && (i == line.lowerBound || !glued(p[i - 1]))
          && (i + k == line.upperBound || !glued(p[i + k]))
        {
          found = true
        }
        i += 1
      }
      if found { count += 1 }
    }
    return count
  }
}
