import Foundation

/// The reference scorer's snippet matching for boilerplate removal: both the output text and
/// each `with` / `without` snippet are normalised (NFKC, typographic quotes and dashes folded to
/// ASCII, soft hyphens dropped, whitespace runs collapsed to one space, ends trimmed); a snippet
/// is found when its normalised form is a substring of the normalised text.
///
/// ```swift
/// let text = SnippetMatching.normalize("It’s  a\n“test” — ok")   // It's a "test" - ok
/// SnippetMatching.contains(text, SnippetMatching.normalize("a \"test\""))   // true
/// ```
public enum SnippetMatching {
  /// The normalised form of `text` as UTF-8 bytes (substring search on UTF-8 is the same as on
  /// code points).
  public static func normalize(_ text: String) -> [UInt8] {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
      if isPythonSpace(scalar) {
        pendingSpace = true
        continue
      }
      let folded: Unicode.Scalar
      switch scalar.value {
      case 0x00AD: continue
      case 0x2018, 0x2019, 0x201A, 0x201B: folded = "'"
      case 0x201C, 0x201D, 0x201E: folded = "\""
      case 0x2013, 0x2014: folded = "-"
      default: folded = scalar
      }
      if pendingSpace && !out.isEmpty { out.append(" ") }
      pendingSpace = false
      out.append(folded)
    }
    return Array(String(out).utf8)
  }

  /// Whether `needle` occurs in `haystack` (an empty needle always does).
  public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard haystack.count >= needle.count else { return false }
    return haystack.withUnsafeBufferPointer { hay in
      needle.withUnsafeBufferPointer { pin in
        guard let h = hay.baseAddress, let p = pin.baseAddress else { return false }
        let lastStart = hay.count - pin.count
        var i = 0
        while i <= lastStart {
          guard let hit = memchr(h + i, Int32(first), lastStart - i + 1) else { return false }
          let at = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
          if memcmp(h + at, p, pin.count) == 0 { return true }
          i = at + 1
        }
        return false
      }
    }
  }

  /// Python's `\s` in a `str` pattern (`str.isspace()`): Unicode White_Space plus the
  /// information separators U+001C–U+001F.
  static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value >= 0x1C && scalar.value <= 0x1F { return true }
    return scalar.properties.isWhitespace
  }
}
