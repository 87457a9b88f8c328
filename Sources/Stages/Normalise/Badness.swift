/// ftfy's mojibake heuristic ("badness", ftfy 6.3 `badness.py`): text is *bad* when it contains
/// a sequence of characters that is far more likely to be mis-decoded UTF-8 than real writing,
/// such as a lower-case accented letter followed by a currency sign (`Ã©€`), or `â€` before a
/// quote. Correct text in any script almost never matches, which is what keeps the repair safe.
enum Badness {
  fileprivate typealias C = MojibakeCategory

  /// Whether `text` (code points; a line keeps its trailing `\n`) contains a mojibake sequence.
  static func isBad(_ text: [UInt32]) -> Bool {
    var scanner = BadnessScanner()
    for c in text where scanner.push(c) { return true }
    return false
  }

  /// Whether the UTF-8 text `bytes` contains a mojibake sequence (no copy is made).
  ///
  /// Long runs of ASCII are skipped but for their last six characters: no ASCII character is in
  /// a mojibake class, so nothing can end inside such a run once two of its characters have been
  /// read, and the last six rebuild the scanner's history.
  static func isBad(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var scanner = BadnessScanner()
    let n = bytes.count
    var i = 0
    var asciiRun = 0
    while i < n {
      let b = bytes[i]
      let c: UInt32
      if b < 0x80 {
        if asciiRun == 2 && asciiIsNeutral, let base = bytes.baseAddress {
          var j = i
          while j &+ 8 <= n
            && UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
          {
            j &+= 8
          }
          while j < n && bytes[j] < 0x80 { j &+= 1 }
          if j - i > 6 {
            scanner.skip(j - 6 - i)
            i = j - 6
          }
        }
        asciiRun += 1
        c = UInt32(bytes[i])
        i += 1
      } else if b < 0xE0, i + 1 < n {
        c = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        i += 2
      } else if b < 0xF0, i + 2 < n {
        c = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        i += 3
      } else if i + 3 < n {
        c =
          UInt32(b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F)
          << 6
          | UInt32(bytes[i + 3] & 0x3F)
        i += 4
      } else {
        c = 0xFFFD
        i += 1
      }
      if b >= 0x80 { asciiRun = 0 }
      if scanner.push(c) { return true }
    }
    return false
  }

  /// Whether no ASCII character is in a mojibake class (what lets ``isBad(utf8:)`` skip ASCII).
  static let asciiIsNeutral = (0..<UInt32(0x80)).allSatisfy {
    MojibakeCategory.of($0).isDisjoint(with: .mojibakeClasses)
  }

  /// Reads text one character at a time and tells when a mojibake pattern ends.
  struct BadnessScanner {
    private var v1: UInt32 = 0xFFFF_FFFF
    private var v2: UInt32 = 0xFFFF_FFFF
    private var v3: UInt32 = 0xFFFF_FFFF
    private var v4: UInt32 = 0xFFFF_FFFF
    private var v5: UInt32 = 0xFFFF_FFFF
    private var v6: UInt32 = 0xFFFF_FFFF
    private var k1: MojibakeCategory = []
    private var k2: MojibakeCategory = []
    private var k3: MojibakeCategory = []
    private var index = 0
    private let masks = MojibakeCategoryTable.shared.masks

    /// Counts `count` characters as read without looking at them (their history is rebuilt by
    /// the characters read next; see ``Badness/isBad(utf8:)``).
    mutating func skip(_ count: Int) { index += count }

    /// Reads `c`; true when a mojibake pattern ends with it.
    @inline(__always)
    mutating func push(_ c: UInt32) -> Bool {
      let k =
        c < MojibakeCategoryTable.denseLimit ? MojibakeCategory(rawValue: masks[Int(c)]) : .of(c)
      defer {
        v6 = v5
        v5 = v4
        v4 = v3
        v3 = v2
        v2 = v1
        v1 = c
        k3 = k2
        k2 = k1
        k1 = k
        index += 1
      }
      // ГўВЂВ.[A-Za-z ]: Windows-1251 over Latin-1 over Windows-1252 punctuation.
      if v2 == 0x412 && v6 == 0x413 && v5 == 0x45E && v4 == 0x412 && v3 == 0x402 && v1 != 0x0A
        && (k.contains(.asciiLetter) || c == 0x20)
      {
        return true
      }
      // Every other pattern ends in a classified character, or right after one.
      if k.isDisjoint(with: .mojibakeClasses) && k1.isDisjoint(with: .mojibakeClasses) {
        return false
      }
      // Two letters of Greek or Cyrillic (or common punctuation) in a row, as in all Russian or
      // Kazakh text: only вЂ (Windows-1251 of U+2000–U+203F) can end here.
      if (k.rawValue | k1.rawValue) & Badness.strongClasses.rawValue == 0 {
        return v1 == 0x432 && c == 0x402
      }
      return Badness.endsBadSequence(c, k, v1, k1, v2, k2, v3, k3, index: index)
    }
  }

  /// The classes that take part in a pattern other than вЂ when they follow Greek or Cyrillic
  /// letters or common punctuation.
  fileprivate static let strongClasses = MojibakeCategory.mojibakeClasses.subtracting([
    .lowerCommon, .upperCommon, .common,
  ])

  /// Whether one of ftfy's patterns ends at `c` (at `index`), given the three characters before
  /// it (`v1` is the nearest) and their classes.
  @inline(__always)
  fileprivate static func endsBadSequence(
    _ c: UInt32, _ k: C, _ v1: UInt32, _ k1: C, _ v2: UInt32, _ k2: C, _ v3: UInt32, _ k3: C,
    index: Int
  ) -> Bool {
    if k.contains(.c1) { return true }
    if k.contains(.bad) {
      if k1.containsAny([
        .bad, .lowerAccented, .upperAccented, .box, .startPunctuation, .endPunctuation, .currency,
        .numeric, .law,
      ]) {
        return true
      }
      if k1.containsAny([.lowerCommon, .upperCommon]) && k2.contains(.asciiLetter) { return true }
    }
    if k1.contains(.bad)
      && k.containsAny([
        .lowerAccented, .upperAccented, .box, .startPunctuation, .endPunctuation, .currency,
        .numeric,
        .law,
      ])
    {
      return true
    }
    if k.contains(.upperAccented)
      && k1.containsAny([.lowerAccented, .lowerCommon, .box, .endPunctuation, .currency, .numeric])
    {
      return true
    }
    if k.contains(.lowerAccented) && k1.containsAny([.box, .endPunctuation, .currency, .numeric]) {
      return true
    }
    if k.contains(.currency) {
      if k1.containsAny([.lowerAccented, .box, .endPunctuation]) { return true }
      if k1.contains(.upperAccented) && k2.contains(.space) { return true }
    }
    if k.containsAny([.numeric, .law]) && k1.containsAny([.upperAccented, .box]) { return true }
    if k.contains(.numeric) && k1.contains(.startPunctuation)
      && k2.containsAny([.lowerAccented, .upperAccented, .box, .currency, .endPunctuation])
    {
      return true
    }
    if k.contains(.startPunctuation) {
      if k1.contains(.endPunctuation)
        && k2.containsAny([.lowerAccented, .upperAccented, .currency, .numeric, .box, .law])
      {
        return true
      }
      if k1.containsAny([.currency, .numeric, .box]) { return true }
    }
    if k.containsAny([.startPunctuation, .currency]) && k1.contains(.upperAccented)
      && k2.contains(.asciiLower)
    {
      return true
    }
    if k.contains(.kaomoji) && k1.contains(.box) { return true }
    if k.contains(.box)
      && k1.containsAny([
        .lowerAccented, .upperAccented, .currency, .numeric, .startPunctuation, .endPunctuation,
        .law,
      ])
    {
      return true
    }
    if k.contains(.endPunctuation) && k1.contains(.box) { return true }
    // [accented][opening or closing punctuation]\w
    if k1.containsAny([.startPunctuation, .endPunctuation])
      && k2.containsAny([.lowerAccented, .upperAccented]) && isWordCharacter(c, k)
    {
      return true
    }
    // The ligature œ when not followed by an unaccented Latin letter.
    if (v1 == 0x152 || v1 == 0x153) && !k.contains(.asciiLetter) { return true }
    // A degree sign after a capital letter.
    if c == 0xB0 && k1.contains(.upperAccented) { return true }
    return endsSpecificSequence(c, k, v1, k1, v2, k2, v3, k3, index: index)
  }

  /// The patterns of ftfy's heuristic that name specific characters.
  @inline(__always)
  private static func endsSpecificSequence(
    _ c: UInt32, _ k: C, _ v1: UInt32, _ k1: C, _ v2: UInt32, _ k2: C, _ v3: UInt32, _ k3: C,
    index: Int
  ) -> Bool {
    switch v1 {
    case 0xC2, 0xC3, 0xCE, 0xD0:  // Â Ã Î Ð + a common Windows-1252 second byte
      switch c {
      case 0x20AC, 0x153, 0x160, 0x161, 0xA2, 0xA3, 0x178, 0x17E, 0xA0, 0xAD, 0xAE, 0xA9, 0xB0,
        0xB7,
        0xBB, 0x2013, 0x2014, 0xB4:
        return true
      default:
        if k.containsAny([.startPunctuation, .endPunctuation]) { return true }
      }
      if v1 == 0xC3 && c == 0xA1 { return true }  // Ã¡ (á); Ã + U+A0 is above
      if (v1 == 0xC2 || v1 == 0xC3) && c == 0x20 {
        // [a-z]\s?[ÃÂ][ ] and ^[ÃÂ][ ]: an à or a no-break space whose 0xA0 became a space.
        if index == 1 || k2.contains(.asciiLower)
          || (k2.contains(.space) && k3.contains(.asciiLower))
        {
          return true
        }
      }
      if v1 == 0xC2 && (c == 0x20 || k.containsAny([.startPunctuation, .endPunctuation]))
        && k2.containsAny([.asciiLower, .sentencePunctuation, .endPunctuation])
      {
        return true
      }
    case 0xD7:  // × followed by ² or ³
      if c == 0xB2 || c == 0xB3 { return true }
    case 0xD8, 0xD9:  // Windows-1252 mojibake of Arabic: four characters
      if (v3 == 0xD8 || v3 == 0xD9) && isArabicMojibakeSecond(v2, k2)
        && isArabicMojibakeSecond(c, k)
      {
        return true
      }
    case 0xE0:  // à + the second byte of South Asian scripts
      switch c {
      case 0xB2, 0xB5, 0xB9, 0xBC, 0xBD, 0xBE: return true
      default: break
      }
    case 0x221A:  // √ (MacRoman)
      switch c {
      case 0xB1, 0x2202, 0x2020, 0x2260, 0xAE, 0x2122, 0xB4, 0x2264, 0x2265, 0xA5, 0xB5, 0xF8:
        return true
      default: break
      }
    case 0x2248:  // ≈ (MacRoman)
      if c == 0xB0 || c == 0xA2 { return true }
    case 0xC4:  // ‚Ä + ... (MacRoman)
      if v2 == 0x201A {
        switch c {
        case 0xEC, 0xEE, 0xEF, 0xF2, 0xF4, 0xFA, 0xF9, 0xFB, 0x2020, 0xB0, 0xA2, 0x3C0: return true
        default: break
        }
      }
    case 0xE2, 0xF3:  // ‚â / ‚ó + ... (MacRoman)
      if v2 == 0x201A && (c == 0xE0 || c == 0xE4 || c == 0xB0 || c == 0xEA) { return true }
    case 0x432:  // вЂ (Windows-1251 of U+2000–U+203F)
      if c == 0x402 { return true }
    case 0x20AC:  // β€ + ... (Windows-1253)
      if v2 == 0x3B2 {
        switch c {
        case 0x2122, 0xA0, 0x386, 0xAD, 0xAE, 0xB0: return true
        default: break
        }
      }
    case 0x101:  // ā€ (Windows-1257)
      if c == 0x20AC { return true }
    default:
      break
    }
    // [ВГРС][...][ВГРС]: Windows-1251 mojibake of Latin-1 or Cyrillic.
    if isVeGheErEs(c) && isVeGheErEs(v2)
      && (k1.containsAny([.c1, .bad, .startPunctuation, .endPunctuation, .currency]) || v1 == 0xB0
        || v1 == 0xB5)
    {
      return true
    }
    // [ΒΓΞΟ][...][ΒΓΞΟ]: Windows-1253 mojibake of Latin-1 or Greek.
    if isBetaGammaXiOmicron(c) && isBetaGammaXiOmicron(v2)
      && (k1.containsAny([.c1, .bad, .startPunctuation, .endPunctuation, .currency]) || v1 == 0xB0)
    {
      return true
    }
    return false
  }

  @inline(__always)
  private static func isVeGheErEs(_ c: UInt32) -> Bool {
    c == 0x412 || c == 0x413 || c == 0x420 || c == 0x421
  }

  @inline(__always)
  private static func isBetaGammaXiOmicron(_ c: UInt32) -> Bool {
    c == 0x392 || c == 0x393 || c == 0x39E || c == 0x39F
  }

  @inline(__always)
  private static func isArabicMojibakeSecond(_ c: UInt32, _ k: C) -> Bool {
    if k.containsAny([.common, .currency, .bad, .numeric, .startPunctuation]) { return true }
    switch c {
    case 0x178, 0x160, 0xAE, 0xB0, 0xB5, 0xBB: return true
    default: return false
    }
  }

  /// Python's `\w`: letters, digits and numbers of any script, and `_`.
  static func isWordCharacter(_ c: UInt32, _ k: MojibakeCategory) -> Bool {
    if c < 0x80 { return k.contains(.asciiWord) }
    guard let scalar = Unicode.Scalar(c) else { return false }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      return true
    default:
      return scalar.properties.numericType != nil
    }
  }
}

extension MojibakeCategory {
  /// Whether the two sets share a member.
  @inline(__always)
  func containsAny(_ other: Self) -> Bool { rawValue & other.rawValue != 0 }
}
