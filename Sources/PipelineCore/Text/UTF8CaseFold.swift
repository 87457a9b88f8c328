/// Case folding of UTF-8 bytes that never changes the length of the text.
///
/// ASCII letters fold by a 256-entry table. Two-byte UTF-8 sequences (U+0080–U+07FF: Latin-1
/// Supplement, Latin Extended-A/B, IPA, Greek, Cyrillic including the Kazakh letters
/// Ә Ғ Қ Ң Ө Ұ Ү Һ І, Armenian, Hebrew, Arabic) fold to their lower-case letter whenever that
/// letter is also a two-byte sequence, so `ВИЗА` and `виза` or `ҒАРЫШ` and `ғарыш` become the same
/// bytes. Mappings that would change the byte length (`İ` → `i̇`, `ſ` → `s`) and letters of three-
/// or four-byte sequences are left alone. Because lengths are kept, a byte offset in the folded
/// text is the same offset in the original.
///
/// Folding is a simple per-letter lower-casing (plus final sigma `ς` → `σ`); it does not remove
/// accents (`é` stays `é`) and does not normalise Unicode (run `normalise` first for that).
public enum UTF8CaseFold {
  /// ASCII folding: `A`–`Z` map to `a`–`z`; every other byte maps to itself.
  public static let ascii: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
    let byte = UInt8(b)
    return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  /// Folding of the two-byte scalars U+0000–U+07FF, indexed by scalar value: each entry is the
  /// folded scalar value (itself when the scalar does not fold within two bytes).
  public static let twoByte: [UInt16] = {
    var table = (0..<0x800).map { UInt16($0) }
    for run in twoByteRuns {
      for k in 0..<run.count {
        let v = run.first + k * run.step
        table[v] = UInt16(v + run.delta)
      }
    }
    return table
  }()

  /// ``twoByte`` from its definition in the Unicode properties (slow; the table is generated
  /// from this and checked against it by the tests).
  static func computedTwoByte() -> [UInt16] {
    var table = (0..<0x800).map { UInt16($0) }
    for v in 0x80..<0x800 {
      guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
      let lower = scalar.properties.lowercaseMapping.unicodeScalars
      if lower.count == 1, let l = lower.first, l.value >= 0x80, l.value < 0x800 {
        table[v] = UInt16(l.value)
      }
    }
    table[0x3C2] = 0x3C3  // final sigma folds to sigma
    return table
  }

  /// The folded bytes of `bytes` (same length).
  public static func fold<S: Sequence>(_ bytes: S) -> [UInt8] where S.Element == UInt8 {
    var out = Array(bytes)
    foldInPlace(&out)
    return out
  }

  /// The folded form of `text` (same UTF-8 length).
  public static func fold(_ text: String) -> String {
    String(decoding: fold(text.utf8), as: UTF8.self)
  }

  /// Folds `bytes` in place.
  public static func foldInPlace(_ bytes: inout [UInt8]) {
    // The tables are globals: fetch them once, not once per byte.
    ascii.withUnsafeBufferPointer { ascii in
      twoByte.withUnsafeBufferPointer { twoByte in
        bytes.withUnsafeMutableBufferPointer { bytes in
          let n = bytes.count
          var i = 0
          while i < n {
            let b = bytes[i]
            if b < 0x80 {
              bytes[i] = ascii[Int(b)]
              i += 1
            } else if b >= 0xC2, b <= 0xDF, i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 {
              let f = twoByte[Int(b & 0x1F) << 6 | Int(bytes[i + 1] & 0x3F)]
              bytes[i] = 0xC0 | UInt8(truncatingIfNeeded: f >> 6)
              bytes[i + 1] = 0x80 | UInt8(truncatingIfNeeded: f & 0x3F)
              i += 2
            } else {
              i += 1
            }
          }
        }
      }
    }
  }

  /// Folds one two-byte sequence (`lead` in C2–DF, `cont` a continuation byte).
  @inline(__always)
  static func foldPair(_ lead: UInt8, _ cont: UInt8) -> (UInt8, UInt8) {
    let v = Int(lead & 0x1F) << 6 | Int(cont & 0x3F)
    let f = twoByte[v]
    return (0xC0 | UInt8(truncatingIfNeeded: f >> 6), 0x80 | UInt8(truncatingIfNeeded: f & 0x3F))
  }
}
