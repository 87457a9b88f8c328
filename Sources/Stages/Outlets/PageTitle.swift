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

  /// The longest brand line (a short name on a line of its own), in bytes.
  static let brandBytes = 48

  /// Reads the line `start..<end`.
  static func read(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Reading? {
    guard end - start <= 300 else { return nil }
    // Longer than a brand line and without a separator: nothing to read.
    if end - start > brandBytes && !mayHaveSeparator(p, start: start, end: end) { return nil }
    // Segments between separators: their number, and the first and the last one (token counts
    // and their first and last tokens); no arrays, this runs on every page's first lines.
    var count = 0
    var segments = 0
    var segStart = 0
    var current: (first: Token, last: Token)? = nil
    var first: Segment? = nil
    var last: Segment? = nil
    func close() {
      guard count > segStart, let current else { return }
      let segment = Segment(count: count - segStart, first: current.first, last: current.last)
      if first == nil { first = segment }
      last = segment
      segments += 1
    }
    var pos = start
    while let t = LineTokens.next(p, from: pos, limit: end), count < 40 {
      pos = t.end
      if LineTokens.isSeparator(p, t) {
        close()
        segStart = count
        current = nil
        continue
      }
      current = (current?.first ?? t, t)
      count += 1
    }
    close()
    guard let first, let last else { return nil }
    if segments == 1 {
      guard first.count <= 4, end - start <= brandBytes else { return nil }
      return whole(p, first).map { .brand($0) }
    }
    let rest = count - first.count
    if last.count <= 4 && count - last.count >= 3 && first.count >= 3 {
      return whole(p, last).map { .title($0, suffix: true) }
    }
    if first.count <= 3 && (rest >= 3 || last.count <= 3) {
      return whole(p, first).map { .title($0, suffix: false) }
    }
    return nil
  }

  /// A run of tokens between separators: how many, and the first and the last.
  private struct Segment {
    var count: Int
    var first: Token
    var last: Token
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
  private static func whole(_ p: UnsafeBufferPointer<UInt8>, _ segment: Segment) -> NameSpan? {
    let s = segment.first
    let e = segment.last
    guard let read = NameReader.after(p, from: s.start, limit: e.end, maxWords: 5) else {
      return nil
    }
    guard read.name.end >= e.coreEnd, read.name.start <= s.coreEnd else { return nil }
    return read.name
  }
}
