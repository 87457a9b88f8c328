/// Byte-level case folding and word classes for UTF-8 text, for the outlet matcher's hot loop.
///
/// Folds ASCII, Latin-1 (`Ü` → `ü`), Latin Extended-A (`Ł` → `ł`) and Cyrillic (`Т` → `т`)
/// letters without building strings, and reads typographic apostrophes as `'`, so patterns and
/// text compare byte by byte.
enum CaseFold {
  /// The byte with ASCII letters lower-cased.
  @inline(__always)
  static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

  /// Whether a byte is an ASCII letter or digit.
  @inline(__always)
  static func isASCIIWord(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }

  /// The folded form of the character starting at `i` (at most two bytes) and how many bytes of
  /// the text it spans. `p` must hold `n` bytes.
  @inline(__always)
  static func unit(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> (UInt8, UInt8, Int) {
    let b = p[i]
    if b < 0x80 { return (lower(b), 0, 1) }
    guard i + 1 < n else { return (b, 0, 1) }
    let c = p[i + 1]
    switch b {
    case 0xC3:
      // À..Þ (not ×) → à..þ
      if c >= 0x80 && c <= 0x9E && c != 0x97 { return (0xC3, c + 0x20, 2) }
      return (0xC3, c, 2)
    case 0xC4, 0xC5:
      let cp = (Int(b & 0x1F) << 6) | Int(c & 0x3F)
      let lower = latinExtendedALower(cp)
      return (UInt8(0xC0 | (lower >> 6)), UInt8(0x80 | (lower & 0x3F)), 2)
    case 0xD0:
      if c >= 0x90 && c <= 0x9F { return (0xD0, c + 0x20, 2) }  // А..П
      if c >= 0xA0 && c <= 0xAF { return (0xD1, c - 0x20, 2) }  // Р..Я
      if c >= 0x80 && c <= 0x8F { return (0xD1, c + 0x10, 2) }  // Ѐ..Џ
      return (0xD0, c, 2)
    case 0xE2:
      // ’ and ‘ read as an ASCII apostrophe.
      if c == 0x80, i + 2 < n, p[i + 2] == 0x99 || p[i + 2] == 0x98 { return (0x27, 0, 3) }
      return (b, 0, 1)
    default:
      if b >= 0xC2 && b <= 0xDF { return (b, c, 2) }
      return (b, 0, 1)
    }
  }

  /// The lower-case code point for U+0100..U+017F (pairs alternate upper, lower).
  @inline(__always)
  private static func latinExtendedALower(_ cp: Int) -> Int {
    if (0x100...0x137).contains(cp) || (0x14A...0x177).contains(cp) { return cp | 1 }
    if (0x139...0x148).contains(cp) || (0x179...0x17E).contains(cp) {
      return cp & 1 == 1 ? cp + 1 : cp
    }
    if cp == 0x178 { return 0xFF }  // Ÿ → ÿ, kept in Latin-1
    return cp
  }

  /// Folds a whole string into the byte form the matcher compares (for patterns, at init).
  static func fold(_ s: String) -> [UInt8] {
    let bytes = Array(s.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    bytes.withUnsafeBufferPointer { p in
      var i = 0
      while i < p.count {
        let (a, b, w) = unit(p, i, p.count)
        out.append(a)
        if b != 0 { out.append(b) }
        i += w
      }
    }
    return out
  }

  /// Whether the character whose lead byte is `b` counts as part of a word: ASCII letters and
  /// digits, and letters of other scripts. Symbols (`©`, `«`, no-break space), general
  /// punctuation (`–`, `“`) and emoji do not.
  @inline(__always)
  static func isWordLead(_ b: UInt8) -> Bool {
    if b < 0x80 { return isASCIIWord(b) }
    if b == 0xC2 || b == 0xE2 || b >= 0xF0 { return false }
    return b >= 0xC3
  }

  /// Whether the character ending just before `i` is part of a word.
  @inline(__always)
  static func wordBefore(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    var j = i - 1
    while j >= 0 && p[j] & 0xC0 == 0x80 { j -= 1 }
    return j >= 0 && isWordLead(p[j])
  }

  /// Whether the character starting at `i` is part of a word.
  @inline(__always)
  static func wordAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    i < p.count && isWordLead(p[i])
  }
}
