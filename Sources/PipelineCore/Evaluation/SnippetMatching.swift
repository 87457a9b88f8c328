#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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
    // NFKC leaves ASCII as it is: skip it for the common all-ASCII text.
    let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
    let source = isASCII ? text : UnicodeNormalization.normalize(text, .nfkc)
    var out: [UInt8] = []
    out.reserveCapacity(source.utf8.count)
    var pendingSpace = false
    for scalar in source.unicodeScalars {
      let value = scalar.value
      if isPythonSpace(value) {
        pendingSpace = true
        continue
      }
      let folded: Unicode.Scalar
      switch value {
      case 0x00AD: continue
      case 0x2018, 0x2019, 0x201A, 0x201B: folded = "'"
      case 0x201C, 0x201D, 0x201E: folded = "\""
      case 0x2013, 0x2014: folded = "-"
      default: folded = scalar
      }
      if pendingSpace && !out.isEmpty { out.append(0x20) }
      pendingSpace = false
      if folded.value < 0x80 {
        out.append(UInt8(folded.value))
      } else {
        UTF8.encode(folded) { out.append($0) }
      }
    }
    return out
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
  static func isPythonSpace(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
      0x205F,
      0x3000:
      return true
    default:
      return false
    }
  }
}
