import Foundation

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
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    for b in bytes {
      if b >= 0x80 { return full(String(decoding: Array(bytes), as: UTF8.self), dropThe: false) }
      if b >= 0x41 && b <= 0x5A {
        out.append(b | 0x20)
      } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
        out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func word(_ word: String) -> String { self.word(word.utf8) }

  /// The key of `name`; empty when it has no letters or digits.
  static func of(_ name: String) -> String {
    if let ascii = asciiKey(name) { return ascii }
    return full(name, dropThe: true)
  }

  private static func full(_ name: String, dropThe: Bool) -> String {
    var out = String.UnicodeScalarView()
    for scalar in name.lowercased().unicodeScalars {
      switch scalar {
      case "ä": out.append(contentsOf: "ae".unicodeScalars)
      case "ö": out.append(contentsOf: "oe".unicodeScalars)
      case "ü": out.append(contentsOf: "ue".unicodeScalars)
      case "ß": out.append(contentsOf: "ss".unicodeScalars)
      default:
        if scalar.isASCII {
          if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { out.append(scalar) }
          continue
        }
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
          let category = part.properties.generalCategory
          if category == .nonspacingMark || category == .spacingMark || category == .enclosingMark {
            continue
          }
          if part.properties.isAlphabetic || part.properties.numericType != nil { out.append(part) }
        }
      }
    }
    let key = String(out)
    return dropThe && key.hasPrefix("the") ? String(key.dropFirst(3)) : key
  }

  /// The key of an all-ASCII name, without Unicode tables; `nil` for other names.
  private static func asciiKey(_ name: String) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(name.utf8.count)
    for b in name.utf8 {
      if b >= 0x80 { return nil }
      if b >= 0x41 && b <= 0x5A {
        out.append(b | 0x20)
      } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
        out.append(b)
      }
    }
    if out.count >= 3 && out[0] == 0x74 && out[1] == 0x68 && out[2] == 0x65 { out.removeFirst(3) }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether the key `a` contains the key `b` (bytes, no Foundation).
  static func contains(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard !y.isEmpty, x.count >= y.count else { return y.isEmpty }
    for start in 0...(x.count - y.count) where x[start] == y[0] {
      if x[start..<(start + y.count)].elementsEqual(y) { return true }
    }
    return false
  }
}
