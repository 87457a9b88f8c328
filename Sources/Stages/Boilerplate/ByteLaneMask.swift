#if arch(x86_64)
  import _Builtin_intrinsics.intel
#endif

/// Turns the result of a byte-wise SIMD comparison into a bit mask: bit `k` is set when lane `k`
/// compared true.
///
/// On x86-64 this is one `pmovmskb`; elsewhere the lanes' high bits are gathered eight at a time
/// with a multiply (``portable(_:)``), which gives the same mask.
enum ByteLaneMask {
  /// The mask of a 16-lane comparison (bits 0...15).
  @inline(__always)
  static func bits(_ m: SIMDMask<SIMD16<Int8>>) -> UInt64 {
    #if arch(x86_64)
      UInt64(truncatingIfNeeded: UInt32(bitPattern: _mm_movemask_epi8(unsafeBitCast(m, to: __m128i.self))))
    #else
      portable(m)
    #endif
  }

  /// ``bits(_:)`` without vector intrinsics: the high bit of each lane, eight lanes per 64-bit
  /// half, moved next to each other by one multiply (no two partial products overlap).
  @inline(__always)
  static func portable(_ m: SIMDMask<SIMD16<Int8>>) -> UInt64 {
    let halves = unsafeBitCast(m, to: SIMD2<UInt64>.self)
    return gather(halves[0]) | gather(halves[1]) << 8
  }

  /// The high bits of the eight bytes of `x` as bits 0...7 (byte 0's bit first).
  @inline(__always)
  private static func gather(_ x: UInt64) -> UInt64 {
    // Byte k's high bit moved to bit 8k; the multiplier's bit 56 - 7k moves it to bit 56 + k.
    // No two partial products share a bit, so nothing carries.
    (((x >> 7) & 0x0101_0101_0101_0101) &* 0x0102_0408_1020_4080) >> 56
  }
}
