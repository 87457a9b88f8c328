/// Where things are on the page: lines, bullets, the article's lead, header and footer.
extension SourceDetector {
  /// Layout facts used to weigh evidence by where it is.
  struct Layout {
    var lineCount: Int
    /// Lines before this are the page header (navigation before the article).
    var headEnd: Int
    /// Lines from this on are the footer region.
    var tailStart: Int
    /// The last line of the article's lead (its first long paragraphs).
    var leadEnd: Int
    /// The first long lines, where datelines stand.
    var leadLines: [Int]
  }

  /// Whether a token is a list bullet (`*`, `+`, `-`, `o`, `•`, `·`, `>`, `|`, `1.`).
  static func isBullet(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    let len = t.end - t.start
    let b = p[t.start]
    if len == 1 {
      return b == 0x2A || b == 0x2B || b == 0x2D || b == 0x6F || b == 0x3E || b == 0x7C || b == 0x23
    }
    if len == 2 && b == 0xC2 { return p[t.start + 1] == 0xB7 || p[t.start + 1] == 0xBB }
    if len == 3 && b == 0xE2 && p[t.start + 1] == 0x80 {
      return p[t.start + 2] == 0xA2 || p[t.start + 2] == 0x93 || p[t.start + 2] == 0xBA
    }
    // Numbered items: `1.`, `12.`
    guard len >= 2 && len <= 4 && p[t.end - 1] == 0x2E else { return false }
    for k in t.start..<(t.end - 1) where p[k] < 0x30 || p[k] > 0x39 { return false }
    return true
  }

  /// The start of the line's first token after list bullets.
  static func afterBullets(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    var pos = start
    while let t = LineTokens.next(p, from: pos, limit: end), isBullet(p, t) { pos = t.end }
    return pos
  }

  /// Finds the article's first long lines and the header and footer regions.
  func makeLayout(_ p: UnsafeBufferPointer<UInt8>, _ scan: TextScan) -> Layout {
    let count = scan.lineCount
    var leadLines: [Int] = []
    leadLines.reserveCapacity(8)
    for line in 0..<count {
      let s = Int(scan.lineStarts[line])
      let e = Int(scan.lineEnds[line])
      if e - s >= 50 && LineTokens.count(p, s, e, cap: 10) >= 10 {
        leadLines.append(line)
        if leadLines.count == 8 { break }
      }
    }
    let headEnd = max(min(leadLines.first ?? count, count / 2), min(count, 12))
    let tailStart = max(count * 7 / 10, count - 40)
    let leadEnd = leadLines.count >= 3 ? leadLines[2] : (leadLines.last ?? count / 3)
    return Layout(
      lineCount: count, headEnd: headEnd, tailStart: tailStart, leadEnd: leadEnd,
      leadLines: leadLines)
  }

  /// Paragraphs of the article body longer than this (about fifteen words: longer than a menu,
  /// footer or teaser line) are not searched for names and cues, only for copyright signs and
  /// domains.
  static let bodyParagraphBytes = 100

  /// Per line, whether it is searched word by word: everything except long paragraphs of the
  /// article body (below the lead, above the footer region), where outlets are only quoted.
  func fullLines(_ scan: TextScan, _ layout: Layout) -> [Bool] {
    (0..<scan.lineCount).map { line in
      if line < layout.headEnd || line >= layout.tailStart || line <= layout.leadEnd { return true }
      return Int(scan.lineEnds[line] - scan.lineStarts[line]) < Self.bodyParagraphBytes
    }
  }

  /// The byte range of a line (without its newline).
  func lineRange(_ scan: TextScan, _ line: Int) -> (Int, Int) {
    (Int(scan.lineStarts[line]), Int(scan.lineEnds[line]))
  }

  /// Whether only list bullets and spaces stand between the line start and `at`.
  func opensLine(_ p: UnsafeBufferPointer<UInt8>, lineStart: Int, at: Int) -> Bool {
    var pos = lineStart
    while let t = LineTokens.next(p, from: pos, limit: at) {
      pos = t.end
      if !Self.isBullet(p, t) { return false }
    }
    return true
  }

  /// The text of a name span.
  func text(_ p: UnsafeBufferPointer<UInt8>, _ span: NameSpan) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: p[span.start..<span.end]), as: UTF8.self)
  }
}
