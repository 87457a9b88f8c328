/// Simple one-to-one case mapping for the scripts of the date vocabularies (ASCII, Latin-1,
/// Latin Extended-A and Cyrillic with its Kazakh letters), computed from the code point alone.
///
/// Building the name tries with it avoids Swift's full Unicode case mapping at start-up. Letters
/// outside these blocks, and the few inside them without a one-to-one mapping (`ß`, `İ`, `ı`,
/// `ſ`, `ŉ`, `ĸ`, `Ӏ`), give nil: callers fall back to `String.uppercased()`/`lowercased()`.
/// Tests compare every scalar it maps with Swift's mapping.
enum CaseFolding {
  /// The uppercase form of `c`, `c` itself when it has none, or nil when unknown.
  static func upper(_ c: UInt32) -> UInt32? {
    switch c {
    case 0x61...0x7A: return c - 0x20
    case 0..<0x80: return c
    case 0xE0...0xFE where c != 0xF7: return c - 0x20
    case 0xFF: return 0x178
    case 0xC0...0xDE, 0xD7, 0xF7: return c
    case 0x80..<0xC0 where c != 0xB5: return c
    case 0x100...0x12F, 0x132...0x137, 0x14A...0x177:
      return c | 1 == c ? c - 1 : c  // pairs: even upper, odd lower
    case 0x139...0x148, 0x179...0x17E:
      return c & 1 == 0 ? c - 1 : c  // pairs: odd upper, even lower
    case 0x178: return c
    case 0x430...0x44F: return c - 0x20
    case 0x450...0x45F: return c - 0x50
    case 0x400...0x42F: return c
    case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x4FF:
      return c | 1 == c ? c - 1 : c
    case 0x4C1...0x4CE:
      return c & 1 == 0 ? c - 1 : c
    default: return nil
    }
  }

  /// The lowercase form of `c`, `c` itself when it has none, or nil when unknown.
  static func lower(_ c: UInt32) -> UInt32? {
    switch c {
    case 0x41...0x5A: return c + 0x20
    case 0..<0x80: return c
    case 0xC0...0xDE where c != 0xD7: return c + 0x20
    case 0xDF...0xFF, 0xD7: return c
    case 0x80..<0xC0: return c
    case 0x100...0x12F, 0x132...0x137, 0x14A...0x177:
      return c & 1 == 0 ? c + 1 : c
    case 0x139...0x148, 0x179...0x17E:
      return c & 1 == 1 ? c + 1 : c
    case 0x178: return 0xFF
    case 0x410...0x42F: return c + 0x20
    case 0x400...0x40F: return c + 0x50
    case 0x430...0x45F: return c
    case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x4FF:
      return c & 1 == 0 ? c + 1 : c
    case 0x4C1...0x4CE:
      return c & 1 == 1 ? c + 1 : c
    default: return nil
    }
  }

  /// Appends the UTF-8 bytes of scalar `c` to `out`.
  static func appendUTF8(_ c: UInt32, to out: inout [UInt8]) {
    switch c {
    case 0..<0x80:
      out.append(UInt8(c))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | c >> 6))
      out.append(UInt8(0x80 | c & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | c >> 12))
      out.append(UInt8(0x80 | (c >> 6) & 0x3F))
      out.append(UInt8(0x80 | c & 0x3F))
    default:
      out.append(UInt8(0xF0 | c >> 18))
      out.append(UInt8(0x80 | (c >> 12) & 0x3F))
      out.append(UInt8(0x80 | (c >> 6) & 0x3F))
      out.append(UInt8(0x80 | c & 0x3F))
    }
  }
}
