/// Reads site names from the first lines of a page: a title suffix (`Headline | Site Name`,
/// `Headline - Site Name`), a tagline prefix (`Site.de - mit Cleantech die Klimakrise bekämpfen`)
/// or a short brand line on its own (`ABC News`).
enum PageTitle {
  /// What a first line says about the site.
  enum Reading: Equatable {
    /// The name ends a title (`… | WHDH 7News`, `suffix`) or opens a tagline.
    case title(NameSpan, suffix: Bool)
    /// The whole line is a short name.
    case brand(NameSpan)
  }

  /// Reads the line `start..<end`.
  static func read(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Reading? {
    guard end - start <= 300 else { return nil }
    // Longer than a brand line and without a separator: nothing to read.
    if end - start > 48 && !mayHaveSeparator(p, start: start, end: end) { return nil }
    // Segments between separators, as token index ranges.
    var tokens: [Token] = []
    var segments: [Range<Int>] = []
    var segStart = 0
    var pos = start
    while let t = LineTokens.next(p, from: pos, limit: end), tokens.count < 40 {
      pos = t.end
      if LineTokens.isSeparator(p, t) {
        if tokens.count > segStart { segments.append(segStart..<tokens.count) }
        segStart = tokens.count
        continue
      }
      tokens.append(t)
    }
    if tokens.count > segStart { segments.append(segStart..<tokens.count) }
    guard let first = segments.first, let last = segments.last else { return nil }
    if segments.count == 1 {
      guard first.count <= 4, end - start <= 48 else { return nil }
      return whole(p, tokens, first).map { .brand($0) }
    }
    let rest = tokens.count - first.count
    if last.count <= 4 && tokens.count - last.count >= 3 && first.count >= 3 {
      return whole(p, tokens, last).map { .title($0, suffix: true) }
    }
    if first.count <= 3 && (rest >= 3 || last.count <= 3) {
      return whole(p, tokens, first).map { .title($0, suffix: false) }
    }
    return nil
  }

  /// Whether `start..<end` holds a byte that can begin a separator token (``LineTokens/isSeparator(_:_:)``).
  private static func mayHaveSeparator(
    _ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int
  ) -> Bool {
    for i in start..<end {
      switch p[i] {
      case 0x7C, 0x2D, 0x2F, 0x3E, 0x7E, 0x3A, 0xC2, 0xE2: return true
      default: continue
      }
    }
    return false
  }

  /// The segment as a name, if the name reader accepts all of it.
  private static func whole(
    _ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ segment: Range<Int>
  ) -> NameSpan? {
    let s = tokens[segment.lowerBound]
    let e = tokens[segment.upperBound - 1]
    guard let read = NameReader.after(p, from: s.start, limit: e.end, maxWords: 5) else {
      return nil
    }
    guard read.name.end >= e.coreEnd, read.name.start <= s.coreEnd else { return nil }
    return read.name
  }
}
