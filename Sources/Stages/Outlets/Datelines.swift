#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads wire datelines at the start of an article's first paragraphs:
/// `LONDON (Reuters) - …`, `BOSTON (WHDH) – …`, `(AP) — …`, `KÖLN. (hpd) …`, `ASTANA. KAZINFORM - …`.
enum Datelines {
  /// The outlet named by a dateline at the start of the line `start..<end`, and the dateline's span.
  static func read(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> (
    name: NameSpan, evidence: Range<Int>
  )? {
    let window = min(end, start + 140)
    let (bracket, dash) = marks(p, start: start, window: window)
    if bracket, let found = parenthesised(p, start: start, window: window, end: end) {
      return found
    }
    guard dash else { return nil }
    return capitals(p, start: start, window: window)
  }

  /// Whether `start..<window` holds an opening bracket (for `CITY (Outlet) -`) and a hyphen or an
  /// en or em dash (for `CITY. OUTLET -`): without them there is no dateline to read.
  private static func marks(_ p: UnsafeBufferPointer<UInt8>, start: Int, window: Int) -> (
    bracket: Bool, dash: Bool
  ) {
    guard let base = p.baseAddress, window > start else { return (false, false) }
    let from = base + start
    let count = window - start
    let bracket = memchr(from, 0x28, count) != nil
    if memchr(from, 0x2D, count) != nil { return (bracket, true) }
    // En and em dashes: E2 80 93 / E2 80 94.
    var i = start
    while i < window, let found = memchr(base + i, 0xE2, window - i) {
      let k = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if k + 2 < window && p[k + 1] == 0x80 && (p[k + 2] == 0x93 || p[k + 2] == 0x94) {
        return (bracket, true)
      }
      i = k + 1
    }
    return (bracket, false)
  }

  /// `CITY (Outlet) -` or `CITY. (outlet) Text`.
  private static func parenthesised(
    _ p: UnsafeBufferPointer<UInt8>, start: Int, window: Int, end: Int
  ) -> (name: NameSpan, evidence: Range<Int>)? {
    var i = start
    var tokensBefore = 0
    var inWord = false
    while i < window {
      let b = p[i]
      if b == 0x28 {
        var close = i + 1
        while close < end && close < i + 48 && p[close] != 0x29 && p[close] != 0x0A { close += 1 }
        guard close < end, p[close] == 0x29, close > i + 1 else { return nil }
        guard tokensBefore <= 8 else { return nil }
        // The text before must open with a capital (a place) or be empty.
        if tokensBefore > 0, let first = LineTokens.next(p, from: start, limit: i),
          !LineTokens.startsUpper(p, first)
        {
          return nil
        }
        var nameEnd = i + 1
        while nameEnd < close && p[nameEnd] != 0x2F && p[nameEnd] != 0x2C && p[nameEnd] != 0x3B {
          nameEnd += 1
        }
        let inner = LineTokens.make(p, i + 1, nameEnd)
        guard !inner.isEmptyCore, LineTokens.hasLetter(p, inner) else { return nil }
        let words = LineTokens.count(p, i + 1, nameEnd, cap: 5)
        guard words >= 1 && words <= 4 else { return nil }
        // After the bracket: a dash or colon, or the dateline ended with `CITY.` before it.
        var k = close + 1
        while k < end && (p[k] == 0x20 || p[k] == 0x09) { k += 1 }
        var dashEnd = -1
        if k < end && (p[k] == 0x2D || p[k] == 0x3A) { dashEnd = k + 1 }
        if k + 2 < end && p[k] == 0xE2 && p[k + 1] == 0x80 && (p[k + 2] == 0x93 || p[k + 2] == 0x94) {
          dashEnd = k + 3
        }
        if dashEnd < 0 {
          guard let prev = LineTokens.previous(p, before: i, floor: start),
            prev.endsSentence || prev.closes,
            isAllCaps(p, prev)
          else { return nil }
          dashEnd = close + 1
        }
        // Mixed-case names must start with a capital (`Reuters`); short lower-case agency
        // codes (`dpa`, `hpd`) are fine.
        if !LineTokens.startsUpper(p, inner) && nameEnd - (i + 1) > 5 { return nil }
        let name = NameSpan(start: inner.coreStart, end: inner.coreEnd, words: words)
        return (name, start..<dashEnd)
      }
      let space = LineTokens.isSpace(p, i)
      if space > 0 {
        inWord = false
        i += space
        continue
      }
      if !inWord { tokensBefore += 1 }
      inWord = true
      i += 1
    }
    return nil
  }

  /// `CITY. OUTLET -` with the outlet in capitals.
  private static func capitals(
    _ p: UnsafeBufferPointer<UInt8>, start: Int, window: Int
  ) -> (name: NameSpan, evidence: Range<Int>)? {
    var tokens: [Token] = []
    tokens.reserveCapacity(12)
    var pos = start
    while let t = LineTokens.next(p, from: pos, limit: window), tokens.count < 12 {
      pos = t.end
      if LineTokens.isSeparator(p, t), t.end - t.start >= 1, isDash(p, t) {
        // Name tokens: capitals right before the dash; the city token before them ends with . or ,
        var k = tokens.count - 1
        var nameTokens = 0
        while k >= 0 && nameTokens < 3 && isAllCaps(p, tokens[k]) && !tokens[k].endsSentence
          && !tokens[k].closes
        {
          k -= 1
          nameTokens += 1
        }
        guard nameTokens > 0, k >= 0 else { return nil }
        let city = tokens[k]
        guard city.endsSentence || city.closes, LineTokens.startsUpper(p, city) else { return nil }
        let first = tokens[k + 1]
        let last = tokens[tokens.count - 1]
        return (
          NameSpan(start: first.coreStart, end: last.coreEnd, words: nameTokens), city.start..<t.end
        )
      }
      tokens.append(t)
    }
    return nil
  }

  private static func isDash(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    let len = t.end - t.start
    if len == 1 { return p[t.start] == 0x2D }
    if len == 2 { return p[t.start] == 0x2D && p[t.start + 1] == 0x2D }
    return len == 3 && p[t.start] == 0xE2 && p[t.start + 1] == 0x80
      && (p[t.start + 2] == 0x93 || p[t.start + 2] == 0x94)
  }

  /// Whether every letter of the core is a capital (and there are at least two letters).
  static func isAllCaps(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    var letters = 0
    var i = t.coreStart
    while i < t.coreEnd {
      let (a, b, w) = CaseFold.unit(p, i, t.coreEnd)
      if w == 1 {
        let raw = p[i]
        if raw >= 0x61 && raw <= 0x7A { return false }
        if raw >= 0x41 && raw <= 0x5A { letters += 1 }
      } else if b != 0 {
        // Non-ASCII: upper case when folding changed it.
        if a == p[i] && b == p[i + 1] {
          if p[i] >= 0xC3 && p[i] <= 0xD4 { return false }
        } else {
          letters += 1
        }
      }
      i += w
    }
    return letters >= 2
  }
}
