/// The block loops of JSON string escaping and unescaping: 16 bytes are loaded, stored whole to
/// the output and tested at once; a block without a special byte costs one store, and at a
/// special byte the common escapes are handled right there, without leaving the loop.
///
/// Both loops stop (returning their position) when fewer than 16 input bytes are left, and the
/// unescaper also at anything it leaves to the parser (closing quote, control character, `\u`
/// escapes of surrogates, invalid escapes), so callers finish with their own code.
enum JSONStringRuns {
  /// How to escape `b` (`"`, `\` or a control character): up to 6 bytes, little-endian in the
  /// word, and their number. `\n`, `\r`, `\t`, `\"`, `\\`; other controls as `\u00xx`.
  @inline(__always)
  static func escape(_ b: UInt8) -> (bytes: UInt64, count: Int) {
    switch b {
    case 0x22: return (0x225C, 2)
    case 0x5C: return (0x5C5C, 2)
    case 0x0A: return (0x6E5C, 2)
    case 0x0D: return (0x725C, 2)
    case 0x09: return (0x745C, 2)
    default:
      @inline(__always) func digit(_ v: UInt8) -> UInt64 { UInt64(v < 10 ? 0x30 &+ v : 0x57 &+ v) }
      return (0x3030_755C | digit(b >> 4) << 32 | digit(b & 0xF) << 40, 6)
    }
  }

  /// The lanes of `v` holding `"`, `\` or a control character, as two 64-bit words (0xFF bytes).
  @inline(__always)
  static func specials(_ v: SIMD16<UInt8>) -> SIMD2<UInt64> {
    let quote = SIMD16<UInt8>(repeating: 0x22)
    let backslash = SIMD16<UInt8>(repeating: 0x5C)
    let space = SIMD16<UInt8>(repeating: 0x20)
    return unsafeBitCast((v .== quote) .| (v .== backslash) .| (v .< space), to: SIMD2<UInt64>.self)
  }

  /// The lane of the first special byte in two blocks whose masks are `first` and `second`
  /// (at least one nonzero): 0–15 in the first block, 16–31 in the second.
  @inline(__always)
  static func firstLane(_ first: SIMD2<UInt64>, _ second: SIMD2<UInt64>) -> Int {
    first[0] | first[1] != 0 ? JSONStringScan.firstLane(first) : 16 &+ JSONStringScan.firstLane(second)
  }

  /// Appends `base[from..<end]` to `out` with every `"`, `\` and control character escaped,
  /// while at least 16 bytes are left; returns where it stopped (within 16 bytes of `end`).
  @inline(__always)
  static func escapeBlocks(
    _ base: UnsafePointer<UInt8>, from: Int, end: Int, into out: inout ByteBuffer
  ) -> Int {
    var i = from
    while end &- i >= 16 {
      // Room for a slice of the rest, plus an escape: written through a local pointer.
      out.reserve(min(end &- i, 1 << 12) &+ 40)
      let start = out.freePointer
      let limit = start + (out.freeCount &- 40)
      var dst = start
      // In bounds: loads within base[i..<i + 32] (or + 16) with that end <= end; each round
      // stores at most 32 + 8 bytes at dst <= limit, inside the reserved room.
      while end &- i >= 32 && dst <= limit {
        let v0 = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
        let v1 = UnsafeRawPointer(base + i).loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self)
        UnsafeMutableRawPointer(dst).storeBytes(of: v0, as: SIMD16<UInt8>.self)
        UnsafeMutableRawPointer(dst).storeBytes(of: v1, toByteOffset: 16, as: SIMD16<UInt8>.self)
        let h0 = specials(v0)
        let h1 = specials(v1)
        let both = h0 | h1
        if both[0] | both[1] == 0 {
          dst += 32
          i &+= 32
          continue
        }
        let k = firstLane(h0, h1)
        dst += k
        let (bytes, count) = escape(base[i &+ k])
        UnsafeMutableRawPointer(dst).storeBytes(of: bytes, as: UInt64.self)
        dst += count
        i &+= k &+ 1
      }
      while end &- i >= 16 && dst <= limit {
        let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
        UnsafeMutableRawPointer(dst).storeBytes(of: v, as: SIMD16<UInt8>.self)
        let hit = specials(v)
        if hit[0] | hit[1] == 0 {
          dst += 16
          i &+= 16
          continue
        }
        let k = JSONStringScan.firstLane(hit)
        dst += k
        let (bytes, count) = escape(base[i &+ k])
        UnsafeMutableRawPointer(dst).storeBytes(of: bytes, as: UInt64.self)
        dst += count
        i &+= k &+ 1
      }
      out.didWrite(dst - start)
    }
    return i
  }

  /// The byte a one-letter escape `\e` stands for, or 0 when `e` is `u` or not an escape.
  @inline(__always)
  static func unescape(_ e: UInt8) -> UInt8 {
    switch e {
    case UInt8(ascii: "n"): return 0x0A
    case UInt8(ascii: "\""): return 0x22
    case UInt8(ascii: "\\"): return 0x5C
    case UInt8(ascii: "/"): return 0x2F
    case UInt8(ascii: "t"): return 0x09
    case UInt8(ascii: "r"): return 0x0D
    case UInt8(ascii: "b"): return 0x08
    case UInt8(ascii: "f"): return 0x0C
    default: return 0
    }
  }

  /// The value of the hex digit `b`, or 0x10000 when `b` is not one (so that four digits
  /// shifted into place and OR-ed give more than 0xFFFF when any of them is invalid).
  @inline(__always)
  static func hexDigit(_ b: UInt8) -> UInt32 {
    let digit = b &- 0x30
    if digit < 10 { return UInt32(digit) }
    let letter = (b | 0x20) &- 0x61
    return letter < 6 ? UInt32(letter) &+ 10 : 0x10000
  }

  /// Decodes the escape at `base[i]` into `dst` when it is a one-letter escape or a `\u` escape
  /// of a scalar that is not a surrogate, and returns how many input bytes it took; returns 0,
  /// writing nothing, for anything else (not a backslash, `\u` of a surrogate, an invalid or
  /// cut-off escape), which the parser's own code handles and reports.
  /// Writes at most 3 bytes.
  @inline(__always)
  static func decodeEscape(
    _ base: UnsafePointer<UInt8>, at i: Int, end: Int, into dst: inout UnsafeMutablePointer<UInt8>
  ) -> Int {
    guard base[i] == 0x5C, i &+ 1 < end else { return 0 }
    let e = base[i &+ 1]
    let simple = unescape(e)
    if simple != 0 {
      dst.pointee = simple
      dst += 1
      return 2
    }
    // In bounds: the four digits are base[i + 2..<i + 6], with i + 6 <= end.
    guard e == UInt8(ascii: "u"), end &- i >= 6 else { return 0 }
    let v =
      hexDigit(base[i &+ 2]) << 12 | hexDigit(base[i &+ 3]) << 8 | hexDigit(base[i &+ 4]) << 4
      | hexDigit(base[i &+ 5])
    // Invalid digits set bits above 0xFFFF; surrogates are left to the parser.
    guard v < 0xD800 || (v >= 0xE000 && v <= 0xFFFF) else { return 0 }
    if v < 0x80 {
      dst[0] = UInt8(truncatingIfNeeded: v)
      dst += 1
    } else if v < 0x800 {
      dst[0] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
      dst[1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
      dst += 2
    } else {
      dst[0] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
      dst[1] = UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F)
      dst[2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
      dst += 3
    }
    return 6
  }

  /// Copies `base[from...]` to `out`, decoding escapes (see ``decodeEscape(_:at:end:into:)``),
  /// while at least 16 bytes are left; stops at the closing quote, a control character, an
  /// escape it leaves to the parser, or
  /// within 16 bytes of `end`, and returns where. Every byte read is OR-ed into `seen`.
  @inline(__always)
  static func unescapeBlocks(
    _ base: UnsafePointer<UInt8>, from: Int, end: Int, into out: inout ByteBuffer, seen: inout UInt8
  ) -> Int {
    var all = SIMD16<UInt8>(repeating: 0)
    defer { seen |= JSONStringScan.orOfLanes(all) }
    var i = from
    var stopped = false
    while !stopped && end &- i >= 16 {
      out.reserve(min(end &- i, 1 << 12) &+ 40)
      let start = out.freePointer
      let limit = start + (out.freeCount &- 40)
      var dst = start
      // In bounds: loads within base[i..<i + 32] (or + 16) with that end <= end (an escape's
      // bytes are read only up to `end`); each round stores at most 32 + 3 bytes at dst <= limit.
      while end &- i >= 32 && dst <= limit {
        let v0 = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
        let v1 = UnsafeRawPointer(base + i).loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self)
        all |= v0 | v1
        UnsafeMutableRawPointer(dst).storeBytes(of: v0, as: SIMD16<UInt8>.self)
        UnsafeMutableRawPointer(dst).storeBytes(of: v1, toByteOffset: 16, as: SIMD16<UInt8>.self)
        let h0 = specials(v0)
        let h1 = specials(v1)
        let both = h0 | h1
        if both[0] | both[1] == 0 {
          dst += 32
          i &+= 32
          continue
        }
        let k = firstLane(h0, h1)
        dst += k
        i &+= k
        let used = decodeEscape(base, at: i, end: end, into: &dst)
        if used == 0 {
          stopped = true
          break
        }
        i &+= used
      }
      while !stopped && end &- i >= 16 && dst <= limit {
        let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
        all |= v
        UnsafeMutableRawPointer(dst).storeBytes(of: v, as: SIMD16<UInt8>.self)
        let hit = specials(v)
        if hit[0] | hit[1] == 0 {
          dst += 16
          i &+= 16
          continue
        }
        let k = JSONStringScan.firstLane(hit)
        dst += k
        i &+= k
        let used = decodeEscape(base, at: i, end: end, into: &dst)
        if used == 0 {
          stopped = true
          break
        }
        i &+= used
      }
      out.didWrite(dst - start)
    }
    return i
  }
}
