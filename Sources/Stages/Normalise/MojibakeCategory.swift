/// The classes of characters that the mojibake heuristic reasons about (ftfy's
/// `MOJIBAKE_CATEGORIES`, its UTF-8 "clues", and the few ASCII classes its patterns use).
///
/// Only a few hundred code points carry any bit; everything else is `[]`.
struct MojibakeCategory: OptionSet, Sendable {
  let rawValue: UInt32

  /// Characters common in real text and in mojibake (no-break space, soft hyphen, dashes, `’`).
  static let common = Self(rawValue: 1 << 0)
  /// C1 controls U+0080–U+009F: no use outside mojibake.
  static let c1 = Self(rawValue: 1 << 1)
  /// Characters nearly only seen in mojibake (`¦ ¤ ¨ ¬ ¯ ¸ ƒ ˆ ˇ ˘ ˛ ˜ † ‡ ‰ ⌐ ◊ � ª º`).
  static let bad = Self(rawValue: 1 << 2)
  /// `¶ §`.
  static let law = Self(rawValue: 1 << 3)
  /// `¢ £ ¥ ₧ €`.
  static let currency = Self(rawValue: 1 << 4)
  /// Opening punctuation (`¡ « ¿ © ΄ ΅ ‘ ‚ “ „ • ‹` and U+F8FF).
  static let startPunctuation = Self(rawValue: 1 << 5)
  /// Closing punctuation (`® » ˝ ” › ™`).
  static let endPunctuation = Self(rawValue: 1 << 6)
  /// Numeric and mathematical signs (`² ³ ¹ ± ¼ ½ ¾ × µ ÷ ⁄ ∂ ∆ ∏ ∑ √ ∞ ∩ ∫ ≈ ≠ ≡ ≤ ≥ №`).
  static let numeric = Self(rawValue: 1 << 7)
  /// Letters used in emoticons (`Ò–Ö Ù–Ü ò–ö ø–ü Ő Ō Ū Ų °`).
  static let kaomoji = Self(rawValue: 1 << 8)
  /// Upper-case accented Latin letters that mojibake produces.
  static let upperAccented = Self(rawValue: 1 << 9)
  /// Lower-case accented Latin letters that mojibake produces.
  static let lowerAccented = Self(rawValue: 1 << 10)
  /// Greek and Cyrillic capitals, and `Þ`.
  static let upperCommon = Self(rawValue: 1 << 11)
  /// Greek and Cyrillic small letters.
  static let lowerCommon = Self(rawValue: 1 << 12)
  /// Box-drawing and block characters (code page 437 mojibake).
  static let box = Self(rawValue: 1 << 13)
  /// `A–Z a–z`.
  static let asciiLetter = Self(rawValue: 1 << 14)
  /// `a–z`.
  static let asciiLower = Self(rawValue: 1 << 15)
  /// White space as Python's `\s` understands it.
  static let space = Self(rawValue: 1 << 16)
  /// `. , ? !`.
  static let sentencePunctuation = Self(rawValue: 1 << 17)
  /// Characters that single-byte code pages give for UTF-8 lead bytes 0xC2–0xDF.
  static let first2 = Self(rawValue: 1 << 18)
  /// ... for lead bytes 0xE0–0xEF.
  static let first3 = Self(rawValue: 1 << 19)
  /// ... for lead bytes 0xF0–0xF4.
  static let first4 = Self(rawValue: 1 << 20)
  /// ... for continuation bytes 0x80–0xBF (and a space standing for 0xA0).
  static let continuation = Self(rawValue: 1 << 21)
  /// Continuation characters that rarely stand for themselves next to mojibake.
  static let continuationStrict = Self(rawValue: 1 << 22)
  /// `A–Z a–z 0–9 _` (the ASCII part of `\w`).
  static let asciiWord = Self(rawValue: 1 << 23)

  /// Every class that makes a character a possible part of mojibake.
  static let mojibakeClasses: Self = [
    .common, .c1, .bad, .law, .currency, .startPunctuation, .endPunctuation, .numeric, .kaomoji,
    .upperAccented, .lowerAccented, .upperCommon, .lowerCommon, .box,
  ]

  /// The classes of `scalar`.
  @inline(__always)
  static func of(_ scalar: UInt32) -> Self {
    if scalar < MojibakeCategoryTable.denseLimit {
      return Self(rawValue: MojibakeCategoryTable.shared.masks[Int(scalar)])
    }
    switch scalar {
    case 0x3000: return .space
    case 0xF8FF: return .startPunctuation
    case 0xFFFD: return .bad
    case 0xFB01, 0xFB02: return .lowerAccented
    default: return []
    }
  }

  /// The code points from ``MojibakeCategoryTable/denseLimit`` up that have classes (see
  /// ``of(_:)``).
  static let sparse: [UInt32] = [0x3000, 0xF8FF, 0xFFFD, 0xFB01, 0xFB02]
}

/// The dense lookup table behind ``MojibakeCategory/of(_:)``, built once from the generated pairs.
struct MojibakeCategoryTable: @unchecked Sendable {
  /// Code points below this have their bits in ``masks``; the few above are handled in code.
  static let denseLimit: UInt32 = 0x2600
  /// Bits by code point. Allocated once and never written after initialisation.
  let masks: UnsafePointer<UInt32>

  static let shared = MojibakeCategoryTable()

  private init() {
    let masks = UnsafeMutablePointer<UInt32>.allocate(capacity: Int(Self.denseLimit))
    masks.initialize(repeating: 0, count: Int(Self.denseLimit))
    var i = 0
    while i + 1 < mojibakeCategoryPairs.count {
      let cp = mojibakeCategoryPairs[i]
      if cp < Self.denseLimit { masks[Int(cp)] |= mojibakeCategoryPairs[i + 1] }
      i += 2
    }
    self.masks = UnsafePointer(masks)
  }
}
