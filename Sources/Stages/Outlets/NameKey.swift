import Foundation

/// The identity of an outlet name: how two spellings are recognised as the same outlet.
///
/// Lower-cased letters and digits only, German umlauts spelled out (`ä` → `ae`, `ß` → `ss`),
/// other accents dropped and a leading "the" removed, so `The Astana Times`, `ASTANA TIMES` and
/// `astanatimes` share the key `astanatimes`. Used on candidate names and on the outlet list,
/// never inside per-byte loops.
enum NameKey {
  /// The key of `name`; empty when it has no letters or digits.
  static func of(_ name: String) -> String {
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
    return key.hasPrefix("the") ? String(key.dropFirst(3)) : key
  }
}
