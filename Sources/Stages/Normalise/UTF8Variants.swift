/// Strict UTF-8 decoding that also accepts the two common non-standard variants (ftfy's
/// `utf-8-variants` codec): CESU-8, where a character above U+FFFF is written as two encoded
/// UTF-16 surrogates (six bytes), and Java's `C0 80` for U+0000.
enum UTF8Variants {
  /// The code points of `bytes`, or `nil` when they are not UTF-8 (overlong forms, lone
  /// surrogates, truncated sequences and values above U+10FFFF are all rejected).
  static func decode(_ bytes: [UInt8]) -> [UInt32]? {
    var out: [UInt32] = []
    out.reserveCapacity(bytes.count)
    let n = bytes.count
    var i = 0
    @inline(__always) func continuation(_ at: Int) -> UInt32? {
      guard at < n, bytes[at] & 0xC0 == 0x80 else { return nil }
      return UInt32(bytes[at] & 0x3F)
    }
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        out.append(UInt32(b))
        i += 1
      } else if b == 0xC0 {
        guard i + 1 < n, bytes[i + 1] == 0x80 else { return nil }
        out.append(0)
        i += 2
      } else if b >= 0xC2 && b <= 0xDF {
        guard let c1 = continuation(i + 1) else { return nil }
        out.append(UInt32(b & 0x1F) << 6 | c1)
        i += 2
      } else if b >= 0xE0 && b <= 0xEF {
        guard let c1 = continuation(i + 1), let c2 = continuation(i + 2) else { return nil }
        let value = UInt32(b & 0x0F) << 12 | c1 << 6 | c2
        if value < 0x800 { return nil }
        if value >= 0xD800 && value <= 0xDFFF {
          // CESU-8: ED A0–AF xx ED B0–BF xx is a surrogate pair.
          guard value <= 0xDBFF, i + 5 < n, bytes[i + 3] == 0xED,
            let c4 = continuation(i + 4), let c5 = continuation(i + 5), c4 >= 0x30
          else { return nil }
          out.append(0x10000 + ((value & 0x3FF) << 10) + ((c4 & 0x0F) << 6) + c5)
          i += 6
        } else {
          out.append(value)
          i += 3
        }
      } else if b >= 0xF0 && b <= 0xF4 {
        guard let c1 = continuation(i + 1), let c2 = continuation(i + 2),
          let c3 = continuation(i + 3)
        else { return nil }
        let value = UInt32(b & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
        if value < 0x10000 || value > 0x10FFFF { return nil }
        out.append(value)
        i += 4
      } else {
        return nil
      }
    }
    return out
  }

  /// The code points of valid UTF-8 `bytes` (as Swift strings hold them).
  static func scalars(of bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    var out: [UInt32] = []
    out.reserveCapacity(bytes.count)
    let n = bytes.count
    var i = 0
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        out.append(UInt32(b))
        i += 1
      } else if b < 0xE0, i + 1 < n {
        out.append(UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))
        i += 2
      } else if b < 0xF0, i + 2 < n {
        out.append(
          UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))
        i += 3
      } else if i + 3 < n {
        out.append(
          UInt32(b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F)
            << 6
            | UInt32(bytes[i + 3] & 0x3F))
        i += 4
      } else {
        out.append(0xFFFD)
        i += 1
      }
    }
    return out
  }

  /// The UTF-8 bytes of `scalars`, appended to `out`.
  static func encode(_ scalars: [UInt32], into out: inout [UInt8]) {
    for s in scalars {
      if s < 0x80 {
        out.append(UInt8(s))
      } else if s < 0x800 {
        out.append(UInt8(0xC0 | s >> 6))
        out.append(UInt8(0x80 | s & 0x3F))
      } else if s < 0x10000 {
        out.append(UInt8(0xE0 | s >> 12))
        out.append(UInt8(0x80 | (s >> 6) & 0x3F))
        out.append(UInt8(0x80 | s & 0x3F))
      } else {
        out.append(UInt8(0xF0 | s >> 18))
        out.append(UInt8(0x80 | (s >> 12) & 0x3F))
        out.append(UInt8(0x80 | (s >> 6) & 0x3F))
        out.append(UInt8(0x80 | s & 0x3F))
      }
    }
  }
}
