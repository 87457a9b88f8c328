/// Byte-parallel tests on eight bytes at once (SIMD within a register). Each returns a mask with
/// the high bit set in every byte that passes, and the other bits clear.
enum SWAR {
  static let high: UInt64 = 0x8080_8080_8080_8080
  static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// `c` repeated in all eight bytes.
  @inline(__always)
  static func splat(_ c: UInt8) -> UInt64 { UInt64(c) &* 0x0101_0101_0101_0101 }

  /// Bytes equal to the ASCII byte `c`.
  @inline(__always)
  static func equal(_ x: UInt64, _ c: UInt8) -> UInt64 {
    let difference = x ^ splat(c)
    // A byte is zero iff its low seven bits are zero (no carry into the high bit when adding
    // 0x7F) and its high bit is clear.
    return ~(((difference & low7) &+ low7) | difference) & high
  }

  /// Bytes in the ASCII range `lo...hi`.
  @inline(__always)
  static func inRange(_ x: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
    let y = x & low7
    let atLeastLo = y &+ splat(0x80 - lo)
    let aboveHi = y &+ splat(0x7F - hi)
    return atLeastLo & ~aboveHi & ~x & high
  }

  /// ASCII digits and newlines: the only bytes the date scanner stops at.
  @inline(__always)
  static func digitsOrNewlines(_ x: UInt64) -> UInt64 {
    inRange(x, 0x30, 0x39) | equal(x, 0x0A)
  }
}
