/// Unicode white space (the `White_Space` property) recognised on UTF-8 bytes.
///
/// The property is a short, stable list: `\t` `\n` `\v` `\f` `\r`, the space, U+0085, U+00A0,
/// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000. Reading it from the bytes
/// avoids `Unicode.Scalar.Properties.isWhitespace`, which costs hundreds of instructions a call
/// (the taxonomy's terms are checked character by character at start-up).
public enum UnicodeWhitespace {
  /// The byte length of the white-space character that starts at `bytes[i]`, or 0 when the
  /// character there is not white space. `bytes` is valid UTF-8.
  @inline(__always)
  public static func length(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let b = bytes[i]
    if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : 0 }
    let n = bytes.count
    switch b {
    case 0xC2:
      guard i + 1 < n else { return 0 }
      return bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0 ? 2 : 0
    case 0xE1:
      return i + 2 < n && bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80 ? 3 : 0
    case 0xE2:
      guard i + 2 < n else { return 0 }
      let b1 = bytes[i + 1]
      let b2 = bytes[i + 2]
      if b1 == 0x80 {
        // U+2000–U+200A, U+2028, U+2029, U+202F
        return b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0
      }
      return b1 == 0x81 && b2 == 0x9F ? 3 : 0  // U+205F
    case 0xE3:
      return i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 ? 3 : 0  // U+3000
    default:
      return 0
    }
  }

  /// Whether `scalar` is white space.
  public static func contains(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      return true
    default:
      return false
    }
  }

  /// `bytes` (valid UTF-8) without leading and trailing white space and with every inner run
  /// of it made one space.
  public static func normalised(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingSpace = false
    var i = 0
    let n = bytes.count
    while i < n {
      let w = length(at: i, in: bytes)
      if w > 0 {
        pendingSpace = !out.isEmpty
        i += w
        continue
      }
      if pendingSpace { out.append(0x20) }
      pendingSpace = false
      out.append(bytes[i])
      i += 1
    }
    return out
  }
}
