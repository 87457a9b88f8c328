/// The shape of a text's lines, as far as choosing a publication date needs it: where each line
/// starts and ends, which lines are prose (sentences of an article) and which are short
/// metadata-like lines (menus, datelines, bylines).
struct TextLayout {
  /// One line, trimmed of surrounding whitespace.
  struct Line {
    var start: Int
    var end: Int
    var length: Int { end - start }
  }

  /// The text.
  let p: UnsafeBufferPointer<UInt8>
  /// Where each line starts (the line's first byte, before any indentation).
  let lineStarts: [Int]
  /// For each measured line: how many prose lines come before it (bits 2 and up), whether it
  /// is long enough to be a paragraph by itself (bit 1), and whether it is prose (bit 0): a
  /// long line of sentences (not a list item), a paragraph of the article or a teaser. One
  /// array, so a page's layout costs one allocation.
  private let lines: [Int]
  /// The first line of the body: the first prose line followed closely by more prose, or the
  /// first prose line, or the number of measured lines when there is no prose.
  let bodyStart: Int

  /// Measures the lines of `p` up to line `lastLine` and a few after it (enough to tell where
  /// the body starts, when it starts there); later lines are not needed.
  init(text p: UnsafeBufferPointer<UInt8>, lineStarts: [Int], through lastLine: Int) {
    self.p = p
    self.lineStarts = lineStarts
    let measured = min(lineStarts.count, lastLine + TextLayout.bodyWindow + 1)
    var lines = [Int](repeating: 0, count: measured)
    var prose = 0
    for index in 0..<measured {
      lines[index] = prose << 2
      // Only a long line can be prose: short ones are not even trimmed.
      let rawEnd = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : p.count
      guard rawEnd - lineStarts[index] >= TextLayout.proseLength else { continue }
      let line = TextLayout.trim(p, lineStarts[index], rawEnd)
      if TextLayout.isProse(p, line.start, line.end) {
        lines[index] |= 1
        prose += 1
      }
      if line.length >= TextLayout.paragraphLength { lines[index] |= 2 }
    }
    var body = measured
    var firstProse = -1
    search: for i in 0..<measured where lines[i] & 1 != 0 {
      if firstProse < 0 { firstProse = i }
      if lines[i] & 2 != 0 {
        body = i
        break
      }
      for k in (i + 1)..<max(i + 1, min(measured, i + TextLayout.bodyWindow)) where lines[k] & 1 != 0 {
        body = i
        break search
      }
    }
    if body == measured, firstProse >= 0 { body = firstProse }
    self.lines = lines
    self.bodyStart = body
  }

  /// How many lines were measured (line indices below this can be asked about).
  var measuredCount: Int { lines.count }

  /// Whether measured line `index` is prose.
  func isProseLine(_ index: Int) -> Bool { lines[index] & 1 != 0 }

  /// How many prose lines come before measured line `index`.
  func proseLinesBefore(_ index: Int) -> Int { lines[index] >> 2 }

  /// Line `index`, trimmed.
  func line(_ index: Int) -> Line {
    let rawEnd = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : p.count
    return TextLayout.trim(p, lineStarts[index], rawEnd)
  }

  /// `[start, end)` without surrounding spaces, tabs and no-break spaces.
  static func trim(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ rawEnd: Int) -> Line {
    var s = start
    var end = rawEnd
    if let base = p.baseAddress {
      // Deep indentation: eight spaces at a time.
      while s + 8 <= end,
        UnsafeRawPointer(base + s).loadUnaligned(as: UInt64.self) == SWAR.splat(32)
      {
        s += 8
      }
    }
    while s < end, TextLayout.isSpace(p, s) { s += TextLayout.spaceWidth(p, s) }
    while end > s, p[end - 1] == 32 || p[end - 1] == 9 || p[end - 1] == 13 { end -= 1 }
    return Line(start: s, end: end)
  }

  /// A prose line has at least this many bytes.
  static let proseLength = 100
  /// A prose line this long is a paragraph by itself: the body starts there.
  static let paragraphLength = 400

  /// How many lines after a prose line are searched for more prose to confirm the body starts.
  static let bodyWindow = 8

  /// How many bytes of a long line are looked at.
  static let sample = 160

  private static func isSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    let b = p[i]
    if b == 32 || b == 9 || b == 13 { return true }
    return b == 0xC2 && i + 1 < p.count && p[i + 1] == 0xA0
  }

  private static func spaceWidth(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    p[i] == 0xC2 ? 2 : 1
  }

  /// A lane mask as bytes: 0xFF where it holds, 0 elsewhere.
  @inline(__always)
  private static func bytes(_ m: SIMDMask<SIMD16<Int8>>) -> SIMD16<UInt8> {
    unsafeBitCast(m, to: SIMD16<UInt8>.self)
  }

  /// Whether the trimmed line `[s, e)` is prose.
  private static func isProse(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
    guard e - s >= proseLength else { return false }
    // List items ("* item", "+ item", "- item", "o item", "• item") are menus and teasers.
    if p[s + 1] == 32, p[s] == 42 || p[s] == 43 || p[s] == 45 || p[s] == 111 { return false }
    if p[s] == 0xE2, p[s + 1] == 0x80, p[s + 2] == 0xA2 { return false }
    // A sentence ends the line, or one ends in the sampled bytes (below).
    let last = p[e - 1]
    var sentenceEnd =
      last == 46 || last == 33 || last == 63 || last == 34 || last == 41 || last == 0x9D
      || last == 0xBB  // ” »
    // Long paragraphs are judged by their first bytes, counted sixteen at a time.
    let stop = min(e, s + TextLayout.sample)
    var spaces = 0
    var lower = 0
    var upper = 0
    var i = s
    if let base = p.baseAddress {
      // Per-lane counters (each lane counts at most sample / 16 < 256), summed at the end.
      var spaceLanes = SIMD16<UInt8>()
      var lowerLanes = SIMD16<UInt8>()
      var upperLanes = SIMD16<UInt8>()
      let zero = SIMD16<UInt8>()
      let space = SIMD16<UInt8>(repeating: 32)
      let a = SIMD16<UInt8>(repeating: 97)
      let capitalA = SIMD16<UInt8>(repeating: 65)
      let letters = SIMD16<UInt8>(repeating: 26)
      let dot = SIMD16<UInt8>(repeating: 46)
      let bang = SIMD16<UInt8>(repeating: 33)
      let question = SIMD16<UInt8>(repeating: 63)
      var found = SIMD16<UInt8>()
      // Sixteen bytes and the byte after them (for a full stop followed by a space). Masks are
      // used as bytes (0xFF where true): subtracting one adds 1 to a lane's count.
      while i + 17 <= stop {
        let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
        spaceLanes &-= TextLayout.bytes(v .== space)
        lowerLanes &-= TextLayout.bytes(v &- a .< letters)
        upperLanes &-= TextLayout.bytes(v &- capitalA .< letters)
        if !sentenceEnd {
          let next = UnsafeRawPointer(base + i + 1).loadUnaligned(as: SIMD16<UInt8>.self)
          let stops =
            TextLayout.bytes(v .== dot) | TextLayout.bytes(v .== bang)
            | TextLayout.bytes(v .== question)
          found |= stops & TextLayout.bytes(next .== space)
        }
        i += 16
      }
      // The last bytes (fewer than seventeen): the sixteen that end at `stop`, counting only the
      // lanes at or after `i`, each with the byte before it (a full stop before a space). The
      // line has at least `proseLength` bytes, so these start after `s`.
      if i < stop {
        let t = stop - 16
        let v = UnsafeRawPointer(base + t).loadUnaligned(as: SIMD16<UInt8>.self)
        let before = UnsafeRawPointer(base + t - 1).loadUnaligned(as: SIMD16<UInt8>.self)
        let lanes = SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
        let fresh = TextLayout.bytes(lanes .>= SIMD16(repeating: UInt8(i - t)))
        let spacesHere = TextLayout.bytes(v .== space) & fresh
        spaceLanes &-= spacesHere
        lowerLanes &-= TextLayout.bytes(v &- a .< letters) & fresh
        upperLanes &-= TextLayout.bytes(v &- capitalA .< letters) & fresh
        let stops =
          TextLayout.bytes(before .== dot) | TextLayout.bytes(before .== bang)
          | TextLayout.bytes(before .== question)
        found |= stops & spacesHere
      }
      if found != zero { sentenceEnd = true }
      spaces = Int(SIMD16<UInt16>(truncatingIfNeeded: spaceLanes).wrappedSum())
      lower = Int(SIMD16<UInt16>(truncatingIfNeeded: lowerLanes).wrappedSum())
      upper = Int(SIMD16<UInt16>(truncatingIfNeeded: upperLanes).wrappedSum())
    }
    // Without a buffer address (an empty text) there is nothing to count.
    return spaces >= 12 && sentenceEnd && lower > 3 * upper
  }

}
