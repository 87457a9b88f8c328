/// The digits and newlines among sixteen bytes, found with byte vectors: the only bytes where the
/// date scanner stops.
enum DigitLanes {
  /// Bit `k` of `digits` is set when `q[k]` is an ASCII digit, bit `k` of `newlines` when it is
  /// `\n` (`k` < 16; reads `q[0..<16]`).
  @inline(__always)
  static func find(_ q: UnsafePointer<UInt8>) -> (digits: UInt32, newlines: UInt32) {
    let v = UnsafeRawPointer(q).loadUnaligned(as: SIMD16<UInt8>.self)
    let digits = bytes(v &- SIMD16(repeating: 0x30) .< SIMD16(repeating: 10))
    let newlines = bytes(v .== SIMD16(repeating: 0x0A))
    // Both are almost always empty: one test on the two together before packing the bits.
    let either = unsafeBitCast(digits | newlines, to: SIMD2<UInt64>.self)
    if either[0] | either[1] == 0 { return (0, 0) }
    return (bits(digits), bits(newlines))
  }

  /// A comparison mask as bytes: 0xFF where it holds, 0 elsewhere.
  @inline(__always)
  static func bytes(_ m: SIMDMask<SIMD16<Int8>>) -> SIMD16<UInt8> {
    unsafeBitCast(m, to: SIMD16<UInt8>.self)
  }

  /// One bit per byte of `v` (each 0x00 or 0xFF), byte 0 in bit 0.
  @inline(__always)
  static func bits(_ v: SIMD16<UInt8>) -> UInt32 {
    let words = unsafeBitCast(v, to: SIMD2<UInt64>.self)
    return UInt32(truncatingIfNeeded: pack(words[0]) | pack(words[1]) << 8)
  }

  /// The top bits of the eight bytes of `w`, gathered into the low eight bits (byte 0 in bit 0).
  @inline(__always)
  static func pack(_ w: UInt64) -> UInt64 {
    // The multiplier's terms 2^(7j) move bit 7 of byte k to bit 56 + k when j = 7 - k; the other
    // partial products land elsewhere without carries into the top byte.
    ((w & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56
  }
}
