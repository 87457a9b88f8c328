/// The single-byte encodings that UTF-8 text is commonly mis-decoded with, in the order the
/// mojibake repair tries them (ftfy's `CHARMAP_ENCODINGS`).
///
/// The Windows code pages are "sloppy", as browsers decode them: bytes the code page leaves
/// unassigned stand for the Latin-1 character of the same number, and byte 0x1A stands for
/// U+FFFD (so text where a decoder already replaced bytes with `�` can still be mapped back).
enum CodePage: Int, CaseIterable, Sendable {
  case latin1
  case windows1252
  case windows1251
  case windows1250
  case windows1253
  case windows1254
  case windows1257
  /// ISO-8859-2.
  case latin2
  case macRoman
  case cp437

  /// Whether unassigned bytes pass through and 0x1A stands for U+FFFD.
  var isSloppy: Bool {
    switch self {
    case .windows1252, .windows1251, .windows1250, .windows1253, .windows1254, .windows1257:
      return true
    case .latin1, .latin2, .macRoman, .cp437: return false
    }
  }

  /// The character `byte` decodes to.
  func decode(_ byte: UInt8) -> UInt32 {
    if byte >= 0x80 { return UInt32(CodePageTables.shared.highHalves[rawValue][Int(byte) - 0x80]) }
    if byte == 0x1A && isSloppy { return 0xFFFD }
    return UInt32(byte)
  }

  /// The bytes for `scalars`, or `nil` when one of them has no byte in this code page.
  func encode(_ scalars: [UInt32]) -> [UInt8]? {
    let reverse = CodePageTables.shared.reverse[rawValue]
    var out: [UInt8] = []
    out.reserveCapacity(scalars.count)
    for s in scalars {
      if s < 0x80 {
        if s == 0x1A && isSloppy { return nil }
        out.append(UInt8(s))
      } else if let b = reverse[s] {
        out.append(b)
      } else {
        return nil
      }
    }
    return out
  }
}

/// Decoding and encoding tables of every ``CodePage``, built once.
struct CodePageTables: Sendable {
  /// The characters of bytes 0x80...0xFF, by code page.
  let highHalves: [[UInt16]]
  /// Byte for each non-ASCII character a code page can encode (U+FFFD → 0x1A when sloppy).
  let reverse: [[UInt32: UInt8]]

  static let shared = CodePageTables()

  private init() {
    highHalves = codePageHighHalves
    var reverse: [[UInt32: UInt8]] = []
    for page in CodePage.allCases {
      var map: [UInt32: UInt8] = [:]
      for (offset, scalar) in codePageHighHalves[page.rawValue].enumerated() where scalar >= 0x80 {
        map[UInt32(scalar)] = UInt8(0x80 + offset)
      }
      if page.isSloppy { map[0xFFFD] = 0x1A }
      reverse.append(map)
    }
    self.reverse = reverse
  }
}
