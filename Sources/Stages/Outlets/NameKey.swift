import PipelineCore

/// The identity of an outlet name: how two spellings are recognised as the same outlet.
///
/// Lower-cased letters and digits only, German umlauts spelled out (`ä` → `ae`, `ß` → `ss`),
/// other accents dropped and a leading "the" removed, so `The Astana Times`, `ASTANA TIMES` and
/// `astanatimes` share the key `astanatimes`. Used on candidate names and on the outlet list,
/// never inside per-byte loops.
enum NameKey {
  /// The key of one word: like ``of(_:)`` but keeping a leading "the" (`Theater` stays
  /// `theater`).
  static func word<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    guard !bytes.contains(where: { $0 >= 0x80 }) else {
      if let latin = latinKey(bytes, dropThe: false) { return latin }
      return full(String(decoding: Array(bytes), as: UTF8.self), dropThe: false)
    }
    return asciiLetters(bytes, dropThe: false)
  }

  /// The key of a name written in ASCII and the letters U+00C0..U+017F (Latin-1 and Latin
  /// Extended-A: German, French, Spanish, Polish, Czech, Turkish…), byte by byte with
  /// ``latinLetters``; `nil` when another non-ASCII character occurs (``full(_:dropThe:)`` then
  /// reads it).
  static func latinKey<C: Collection>(_ bytes: C, dropThe: Bool) -> String?
  where C.Element == UInt8 {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 4)
    var lead: UInt8 = 0
    for b in bytes {
      if lead != 0 {
        guard b & 0xC0 == 0x80 else { return nil }
        out.append(contentsOf: latinLetters[Int(lead &- 0xC3) &* 64 &+ Int(b & 0x3F)])
        lead = 0
      } else if b < 0x80 {
        if b &- 0x41 < 26 {
          out.append(b | 0x20)
        } else if b &- 0x61 < 26 || b &- 0x30 < 10 {
          out.append(b)
        }
      } else if b >= 0xC3 && b <= 0xC5 {
        lead = b
      } else {
        return nil
      }
    }
    guard lead == 0 else { return nil }
    if dropThe && out.count >= 3 && out[0] == 0x74 && out[1] == 0x68 && out[2] == 0x65 {
      out.removeFirst(3)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The key bytes of each letter U+00C0..U+017F (index: code point − 0xC0), made once with the
  /// same per-letter rules as ``full(_:dropThe:)`` (`Ä` → `ae`, `é` → `e`, `ł` → `ł`, `×` → ``).
  static let latinLetters: [[UInt8]] = (0xC0..<0x180).map { v in
    guard let scalar = Unicode.Scalar(UInt32(v)) else { return [] }
    var out = String.UnicodeScalarView()
    for lower in String(Character(scalar)).lowercased().unicodeScalars {
      appendKey(of: lower, to: &out)
    }
    return Array(String(out).utf8)
  }

  /// The letters and digits of ASCII `bytes`, lower-cased, written straight into the string
  /// (short keys are stored inline, without an allocation).
  private static func asciiLetters<C: Collection>(_ bytes: C, dropThe: Bool) -> String
  where C.Element == UInt8 {
    String(unsafeUninitializedCapacity: bytes.count) { out in
      var n = 0
      for b in bytes {
        if b &- 0x41 < 26 {
          out[n] = b | 0x20
          n += 1
        } else if b &- 0x61 < 26 || b &- 0x30 < 10 {
          out[n] = b
          n += 1
        }
      }
      if dropThe && n >= 3 && out[0] == 0x74 && out[1] == 0x68 && out[2] == 0x65 {
        for k in 3..<n { out[k - 3] = out[k] }
        n -= 3
      }
      return n
    }
  }

  static func word(_ word: String) -> String { self.word(word.utf8) }

  /// Whether `name` has a letter or digit, that is whether its key (``of(_:)``) is not empty.
  static func hasLetterOrDigit(_ name: String) -> Bool {
    // The first four letters and digits, lower-cased: a lone "the" has an empty key.
    var seen: UInt32 = 0
    var count = 0
    for b in name.utf8 {
      if b >= 0x80 { return hasLetterOrDigitSlow(name) }
      guard b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 else { continue }
      count += 1
      if count > 3 { return true }
      seen = seen << 8 | UInt32(b &- 0x41 < 26 ? b | 0x20 : b)
    }
    return count > 0 && !(count == 3 && seen == 0x74_6865)
  }

  /// ``hasLetterOrDigit(_:)`` for names with non-ASCII letters: four letters or digits (each
  /// keeps at least one byte of the key, so even a dropped "the" leaves some) settle it without
  /// lower-casing the name.
  private static func hasLetterOrDigitSlow(_ name: String) -> Bool {
    var count = 0
    for scalar in name.unicodeScalars {
      let properties = scalar.properties
      switch properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark: continue
      default: break
      }
      if properties.isAlphabetic || properties.numericType != nil {
        count += 1
        if count >= 4 { return true }
      }
    }
    return count > 0 && !of(name).isEmpty
  }

  /// The key of `name`; empty when it has no letters or digits.
  static func of(_ name: String) -> String {
    if let ascii = asciiKey(name) { return ascii }
    if let latin = latinKey(name.utf8, dropThe: true) { return latin }
    return full(name, dropThe: true)
  }

  /// The key of any name, scalar by scalar after lower-casing it (the reference for the faster
  /// ASCII and Latin paths).
  static func full(_ name: String, dropThe: Bool) -> String {
    var out = String.UnicodeScalarView()
    for scalar in name.lowercased().unicodeScalars { appendKey(of: scalar, to: &out) }
    let key = String(out)
    return dropThe && key.hasPrefix("the") ? String(key.dropFirst(3)) : key
  }

  /// Appends what the key keeps of one lower-cased scalar.
  private static func appendKey(of scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
    switch scalar {
    case "ä": out.append(contentsOf: "ae".unicodeScalars)
    case "ö": out.append(contentsOf: "oe".unicodeScalars)
    case "ü": out.append(contentsOf: "ue".unicodeScalars)
    case "ß": out.append(contentsOf: "ss".unicodeScalars)
    default:
      if scalar.isASCII {
        if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { out.append(scalar) }
        return
      }
      // Latin, Greek and Cyrillic letters: their base letter, without asking Foundation.
      if scalar.value >= LetterBases.first && scalar.value < LetterBases.end {
        let letter = LetterBases.base(of: scalar) ?? scalar
        let properties = letter.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return
        default: break
        }
        if properties.isAlphabetic || properties.numericType != nil { out.append(letter) }
        return
      }
      for part in UnicodeNormalization.normalize(String(scalar), .nfd).unicodeScalars {
        let category = part.properties.generalCategory
        if category == .nonspacingMark || category == .spacingMark || category == .enclosingMark {
          continue
        }
        if part.properties.isAlphabetic || part.properties.numericType != nil { out.append(part) }
      }
    }
  }

  /// The key of an all-ASCII name, without Unicode tables; `nil` for other names.
  private static func asciiKey(_ name: String) -> String? {
    guard !name.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
    return asciiLetters(name.utf8, dropThe: true)
  }

  /// Whether the key `a` contains the key `b` (bytes, no Foundation).
  static func contains(_ a: String, _ b: String) -> Bool {
    let x = a.utf8
    let y = b.utf8
    guard let first = y.first, x.count >= y.count else { return y.isEmpty }
    var start = x.startIndex
    let last = x.index(x.endIndex, offsetBy: -y.count)
    while start <= last {
      if x[start] == first && x[start...].starts(with: y) { return true }
      start = x.index(after: start)
    }
    return false
  }
}
