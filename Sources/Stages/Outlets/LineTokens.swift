/// One whitespace-separated token of a line, as byte offsets into the text.
///
/// `start..<end` is the raw token; `coreStart..<coreEnd` drops surrounding quotes, brackets and
/// trailing punctuation, which are remembered in the flags.
struct Token: Sendable, Equatable {
  var start: Int
  var end: Int
  var coreStart: Int
  var coreEnd: Int
  /// The token ends with `,` `;` `:` `!` `?` `)` `]` or a closing quote: a name cannot go on past it.
  var closes: Bool
  /// The token ends with a full stop (after trimming, `Inc.` keeps its stop in the core).
  var endsSentence: Bool
  /// The token starts with an opening bracket or quote.
  var opens: Bool

  var isEmptyCore: Bool { coreStart >= coreEnd }
}

/// Tokenising lines on the fly, forwards or backwards from a position, without allocating.
enum LineTokens {
  /// Whether `b` separates tokens (space, tab, carriage return).
  @inline(__always)
  static func isSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let b = p[i]
    if b == 0x20 || b == 0x09 || b == 0x0D { return 1 }
    if b == 0xC2 && i + 1 < p.count && p[i + 1] == 0xA0 { return 2 }  // no-break space
    if b == 0xE2 && i + 2 < p.count && p[i + 1] == 0x80
      && (p[i + 2] == 0xAF || (p[i + 2] >= 0x80 && p[i + 2] <= 0x8B))
    {
      return 3  // narrow no-break space, en/em/thin spaces
    }
    return 0
  }

  /// The token starting at or after `i`, before `limit`; `nil` at the end of the range.
  static func next(_ p: UnsafeBufferPointer<UInt8>, from i: Int, limit: Int) -> Token? {
    var s = i
    while s < limit {
      let w = isSpace(p, s)
      if w == 0 { break }
      s += w
    }
    guard s < limit else { return nil }
    var e = s
    while e < limit && isSpace(p, e) == 0 { e += 1 }
    return make(p, s, e)
  }

  /// The token ending at or before `i` (exclusive), not before `floor`; `nil` when none.
  static func previous(_ p: UnsafeBufferPointer<UInt8>, before i: Int, floor: Int) -> Token? {
    var e = i
    while e > floor {
      // Step back over one space character (1 to 3 bytes).
      var k = e - 1
      while k > floor && p[k] & 0xC0 == 0x80 { k -= 1 }
      if isSpace(p, k) == 0 { break }
      e = k
    }
    guard e > floor else { return nil }
    var s = e
    while s > floor {
      var k = s - 1
      while k > floor && p[k] & 0xC0 == 0x80 { k -= 1 }
      if isSpace(p, k) != 0 { break }
      s = k
    }
    return make(p, s, e)
  }

  /// Builds a token for the raw range `s..<e`, trimming punctuation from the core.
  static func make(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Token {
    var cs = s
    var ce = e
    var opens = false
    var closes = false
    var endsSentence = false
    // Leading: ( [ { " ' * “ „ « ‹ ‘
    while cs < ce {
      let b = p[cs]
      if b == 0x28 || b == 0x5B || b == 0x7B || b == 0x22 || b == 0x27 || b == 0x2A {
        opens = true
        cs += 1
      } else if b == 0xE2 && cs + 2 < ce && p[cs + 1] == 0x80
        && (p[cs + 2] == 0x9C || p[cs + 2] == 0x9E || p[cs + 2] == 0x98)
      {
        opens = true
        cs += 3
      } else if b == 0xC2 && cs + 1 < ce && (p[cs + 1] == 0xAB || p[cs + 1] == 0xBB) {
        opens = true
        cs += 2
      } else {
        break
      }
    }
    // Trailing: ) ] } " ' , ; : ! ? . * ” » ’ …
    while ce > cs {
      let b = p[ce - 1]
      if b == 0x29 || b == 0x5D || b == 0x7D || b == 0x22 || b == 0x27 || b == 0x2C || b == 0x3B
        || b == 0x3A
        || b == 0x21 || b == 0x3F || b == 0x2A
      {
        closes = true
        ce -= 1
      } else if b == 0x2E {
        // A stop after an initial or an abbreviation (Inc., S.A., J.) stays in the core.
        if isAbbreviation(p, cs, ce - 1) { break }
        endsSentence = true
        ce -= 1
      } else if ce - cs >= 3 && p[ce - 3] == 0xE2 && p[ce - 2] == 0x80
        && (p[ce - 1] == 0x9D || p[ce - 1] == 0x99 || p[ce - 1] == 0xA6)
      {
        closes = true
        ce -= 3
      } else if ce - cs >= 2 && p[ce - 2] == 0xC2 && (p[ce - 1] == 0xBB || p[ce - 1] == 0xAB) {
        closes = true
        ce -= 2
      } else {
        break
      }
    }
    return Token(
      start: s, end: e, coreStart: cs, coreEnd: ce, closes: closes, endsSentence: endsSentence,
      opens: opens)
  }

  /// Whether `s..<e` (without its final stop) is an abbreviation that keeps its stop:
  /// `Inc`, `Ltd`, `Co`, `Corp`, `Bros`, or dotted capitals like `S.A`.
  private static func isAbbreviation(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
    let n = e - s
    if n <= 0 { return false }
    if n == 1 { return p[s] >= 0x41 && p[s] <= 0x5A }
    if n <= 6 {
      for k in s..<e where p[k] == 0x2E { return true }
    }
    if n > 4 { return false }
    var v: UInt32 = 0
    for k in s..<e { v = v << 8 | UInt32(CaseFold.lower(p[k])) }
    switch v {
    // inc ltd co corp bros st jr dr mr mrs ms prof nr
    case 0x69_6E63, 0x6C_7464, 0x636F, 0x636F_7270, 0x6272_6F73, 0x7374, 0x6A72, 0x6472, 0x6D72,
      0x6D_7273, 0x6D73,
      0x7072_6F66, 0x6E72:
      return true
    default: return false
    }
  }

  /// Whether the core of `t` is a lone separator: `|`, `-`, `–`, `—`, `·`, `•`, `/`, `>`, `»`, `::`.
  static func isSeparator(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    let len = t.end - t.start
    let s = t.start
    if len == 1 {
      let b = p[s]
      return b == 0x7C || b == 0x2D || b == 0x2F || b == 0x3E || b == 0x7E || b == 0x3A
    }
    if len == 2 {
      if p[s] == 0xC2 && (p[s + 1] == 0xB7 || p[s + 1] == 0xBB) { return true }  // · »
      if p[s] == 0x3A && p[s + 1] == 0x3A { return true }
      if p[s] == 0x2D && p[s + 1] == 0x2D { return true }
    }
    if len == 3 && p[s] == 0xE2 {
      let b1 = p[s + 1]
      let b2 = p[s + 2]
      // – — • ›
      if b1 == 0x80 && (b2 == 0x93 || b2 == 0x94 || b2 == 0xA2 || b2 == 0xBA) { return true }
      if b1 == 0x86 && b2 == 0x92 { return true }  // →
    }
    return false
  }

  /// The folded bytes of `t`'s core compared with an already folded word.
  @inline(__always)
  static func coreEquals(_ p: UnsafeBufferPointer<UInt8>, _ t: Token, _ folded: [UInt8]) -> Bool {
    var i = t.coreStart
    var k = 0
    while i < t.coreEnd {
      let (a, b, w) = CaseFold.unit(p, i, t.coreEnd)
      if k >= folded.count || folded[k] != a { return false }
      k += 1
      if b != 0 {
        if k >= folded.count || folded[k] != b { return false }
        k += 1
      }
      i += w
    }
    return k == folded.count
  }

  /// Whether the first letter of `t`'s core is upper case, or the core starts with a digit.
  static func startsUpper(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    guard t.coreStart < t.coreEnd else { return false }
    let b = p[t.coreStart]
    if b >= 0x30 && b <= 0x39 { return true }
    if b == 0x40 || b == 0x23 { return false }  // @handle, #tag
    let (a, c, _) = CaseFold.unit(p, t.coreStart, t.coreEnd)
    if b < 0x80 { return a != b }
    return c != 0 && (a != b || c != p[t.coreStart + 1])
  }

  /// Whether the core holds a letter.
  static func hasLetter(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    var i = t.coreStart
    while i < t.coreEnd {
      let b = p[i]
      if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { return true }
      if b >= 0xC3 && b < 0xE2 { return true }
      i += 1
    }
    return false
  }

  /// Counts the tokens of `s..<e`, stopping once `cap` is exceeded.
  static func count(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, cap: Int) -> Int {
    var n = 0
    var inWord = false
    var i = s
    while i < e {
      let w = isSpace(p, i)
      if w > 0 {
        inWord = false
        i += w
      } else {
        if !inWord {
          n += 1
          if n > cap { return n }
        }
        inWord = true
        i += 1
      }
    }
    return n
  }
}
