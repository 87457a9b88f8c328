/// A set of Unicode scalars: what a character class, `.`, `\d` or a case-insensitive letter
/// matches.
///
/// Members are sorted ranges plus Unicode properties (`\d`, `\w`, `\s` and their negations), and
/// the whole set may be negated. Membership of ASCII (two words) and of the two-byte scalars
/// U+0080–U+07FF (a 2048-bit table: Latin, Greek, Cyrillic, Hebrew, Arabic) is precomputed, so only
/// scalars of three or four bytes ever search the ranges or ask the Unicode properties.
struct ScalarSet: Sendable, Equatable {
  /// The Unicode-aware shorthand classes.
  enum Property: UInt8, Sendable {
    /// `\d`: decimal digits of any script (general category Nd).
    case digit
    /// `\w`: letters (Alphabetic), marks, decimal digits, connector punctuation, ZWNJ and ZWJ.
    case word
    /// `\s`: the Unicode White_Space characters.
    case space
  }

  /// A property member of a class, possibly negated (`\D` inside `[...]`).
  struct PropertyItem: Sendable, Equatable {
    var property: Property
    var negated: Bool
  }

  /// Sorted, disjoint, non-adjacent ranges of scalar values.
  private(set) var ranges: [ClosedRange<UInt32>]
  /// Properties whose members belong to the set too.
  private(set) var properties: [PropertyItem]
  /// Whether the set is the complement of `ranges` and `properties`.
  private(set) var negated: Bool
  /// Membership of U+0000–U+003F (bit per scalar), negation applied.
  private(set) var asciiLow: UInt64 = 0
  /// Membership of U+0040–U+007F (bit per scalar), negation applied.
  private(set) var asciiHigh: UInt64 = 0
  /// Membership of U+0000–U+07FF, 32 words of 64 bits, negation applied (only U+0080 on are read).
  private(set) var twoByte: [UInt64] = []

  /// A set of `ranges` and `properties`, complemented when `negated`.
  init(ranges: [ClosedRange<UInt32>], properties: [PropertyItem] = [], negated: Bool = false) {
    self.ranges = ScalarSet.normalised(ranges)
    self.properties = properties
    self.negated = negated
    var words = [UInt64](repeating: 0, count: 32)
    for v in UInt32(0)..<0x800 where slowContains(v) {
      words[Int(v >> 6)] |= 1 << UInt64(v & 63)
    }
    asciiLow = words[0]
    asciiHigh = words[1]
    twoByte = words
  }

  /// The set of one scalar.
  init(scalar: UInt32) { self.init(ranges: [scalar...scalar]) }

  /// The set of one property (`\d`), or its complement (`\D`).
  init(property: Property, negated: Bool) {
    self.init(ranges: [], properties: [PropertyItem(property: property, negated: false)], negated: negated)
  }

  /// `.`: every scalar but the line terminators (`\n`, `\r`, VT, FF, U+0085, U+2028, U+2029), or
  /// every scalar when `dotAll`.
  static func dot(dotAll: Bool) -> ScalarSet {
    dotAll
      ? ScalarSet(ranges: [], negated: true)
      : ScalarSet(ranges: [0x0A...0x0D, 0x85...0x85, 0x2028...0x2029], negated: true)
  }

  /// Whether the ASCII byte `b` (< 0x80) is a member.
  @inline(__always)
  func contains(ascii b: UInt8) -> Bool {
    b < 64 ? (asciiLow >> UInt64(b)) & 1 != 0 : (asciiHigh >> UInt64(b & 63)) & 1 != 0
  }

  /// Whether the scalar `v` is a member.
  @inline(__always)
  func contains(_ v: UInt32) -> Bool {
    if v < 0x80 { return contains(ascii: UInt8(truncatingIfNeeded: v)) }
    if v < 0x800 { return (twoByte[Int(v >> 6)] >> UInt64(v & 63)) & 1 != 0 }
    return slowContains(v)
  }

  /// Membership from the ranges and the Unicode properties (no tables).
  func slowContains(_ v: UInt32) -> Bool {
    var found = false
    var lo = 0
    var hi = ranges.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if ranges[mid].upperBound < v {
        lo = mid + 1
      } else if ranges[mid].lowerBound > v {
        hi = mid
      } else {
        found = true
        break
      }
    }
    if !found {
      for item in properties where ScalarSet.has(item.property, v) != item.negated {
        found = true
        break
      }
    }
    return found != negated
  }

  /// Whether scalar `v` has `property`.
  static func has(_ property: Property, _ v: UInt32) -> Bool {
    if v < 0x80 {
      switch property {
      case .digit: return v &- 0x30 < 10
      case .word: return v &- 0x30 < 10 || (v | 0x20) &- 0x61 < 26 || v == 0x5F
      case .space: return v == 0x20 || v &- 0x09 < 5
      }
    }
    guard let scalar = Unicode.Scalar(v) else { return false }
    let p = scalar.properties
    switch property {
    case .digit: return p.generalCategory == .decimalNumber
    case .space: return p.isWhitespace
    case .word:
      if v == 0x200C || v == 0x200D || p.isAlphabetic { return true }
      switch p.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
      default: return false
      }
    }
  }

  /// Whether scalar `v` is a word character (`\w`), with the ASCII fast path.
  @inline(__always)
  static func isWord(_ v: UInt32) -> Bool {
    v < 0x80 ? wordASCII[Int(v)] : has(.word, v)
  }

  /// `\w` for ASCII, by table.
  static let wordASCII: [Bool] = (0..<128).map { has(.word, UInt32($0)) }

  /// The set extended so that it is closed under simple case folding (`[а-в]` also matches
  /// `А`–`В`). Ranges wider than 200 000 scalars in total are left as they are (they hold nearly
  /// everything already); properties are closed under case by nature.
  func caseClosed() -> ScalarSet {
    let total = ranges.reduce(0) { $0 + Int($1.upperBound - $1.lowerBound) + 1 }
    guard total <= 200_000 else { return self }
    var extra: [ClosedRange<UInt32>] = []
    for r in ranges {
      for v in r {
        for e in RegexCaseFolding.equivalents(of: v) where !r.contains(e) { extra.append(e...e) }
      }
    }
    return ScalarSet(ranges: ranges + extra, properties: properties, negated: negated)
  }

  /// The only member, when the set has exactly one (not negated, no properties).
  var singleMember: UInt32? {
    guard !negated, properties.isEmpty, ranges.count == 1, let r = ranges.first, r.lowerBound == r.upperBound
    else { return nil }
    return r.lowerBound
  }

  /// Every byte that can start the UTF-8 encoding of a member (exact for ASCII, conservative
  /// for longer scalars), as 256 flags.
  var leadBytes: [Bool] {
    var lead = [Bool](repeating: false, count: 256)
    for b in 0..<128 where contains(ascii: UInt8(b)) { lead[b] = true }
    // Two-byte scalars: exact, from the table.
    for v in UInt32(0x80)..<0x800 where (twoByte[Int(v >> 6)] >> UInt64(v & 63)) & 1 != 0 {
      lead[Int(0xC0 | (v >> 6))] = true
    }
    // Longer scalars: from the ranges; properties other than `\s` may start with any lead byte.
    if negated || properties.contains(where: { $0.property != .space || $0.negated }) {
      for b in 0xE0...0xF4 { lead[b] = true }
    } else {
      if !properties.isEmpty {
        for b in [0xE1, 0xE2, 0xE3] { lead[b] = true }  // U+1680, U+2000–205F, U+3000
      }
      for r in ranges where r.upperBound >= 0x800 {
        let lo = ScalarSet.leadByte(of: max(r.lowerBound, 0x800))
        let hi = ScalarSet.leadByte(of: r.upperBound)
        for b in Int(lo)...Int(hi) { lead[b] = true }
      }
    }
    return lead
  }

  /// The first byte of the UTF-8 encoding of `v` (≥ 0x80).
  static func leadByte(of v: UInt32) -> UInt8 {
    switch v {
    case ..<0x800: return UInt8(0xC0 | (v >> 6))
    case ..<0x10000: return UInt8(0xE0 | (v >> 12))
    default: return UInt8(0xF0 | min(v >> 18, 4))
    }
  }

  /// Sorts and merges overlapping or adjacent ranges.
  static func normalised(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
    var out: [ClosedRange<UInt32>] = []
    for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = out.last, r.lowerBound <= last.upperBound &+ 1 {
        out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
      } else {
        out.append(r)
      }
    }
    return out
  }
}
