/// Eight bytes of text classified at once (SWAR: "SIMD within a register"), for the line
/// scanner's fast path over ASCII words.
///
/// A run is the ASCII letters and digits at the start of the eight bytes, up to the first byte
/// that is not one (a space, punctuation, a non-ASCII byte, zero padding) or an upper-case letter
/// right after a lower-case one (glued words such as `iconInstagram` split there, as
/// ``TextScanner`` tokenises).
struct AsciiWordRun {
  /// How many bytes (0...8) belong to the run.
  let count: Int
  /// The run's bytes with letters folded to lower case, little-endian; zero above `count`.
  let folded: UInt64
  /// Whether the run has a digit.
  let hasDigit: Bool
  /// Whether the run's last byte is a lower-case letter.
  let endsLower: Bool

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The high bit of every byte of `x7` (whose high bits are clear) that lies in `lo...hi`.
  @inline(__always)
  private static func inRange(_ x7: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
    let atLeastLo = x7 &+ ones &* UInt64(0x80 - lo)
    let aboveHi = x7 &+ ones &* UInt64(0x7F - hi)
    return atLeastLo & ~aboveHi & highs
  }

  /// The run at the start of `x` (eight bytes, the first in the lowest bits); `afterLower` says
  /// the byte before them was a lower-case letter of the same word.
  @inline(__always)
  init(_ x: UInt64, afterLower: Bool) {
    let ascii = ~x & Self.highs
    let x7 = x & ~Self.highs
    let letter = Self.inRange(x7 | 0x2020_2020_2020_2020, 0x61, 0x7A) & ascii
    let digit = Self.inRange(x7, 0x30, 0x39) & ascii
    // Bit 5 (0x20) tells lower from upper case; shifted up to bit 7 to line up with the masks.
    let caseBit = x << 2
    let upper = letter & ~caseBit
    let lower = letter & caseBit
    let transition = upper & (lower << 8 | (afterLower ? 0x80 : 0))
    let stop = (~(letter | digit) & Self.highs) | transition
    // All bits below the first stop byte (all ones when there is none).
    let keep = ((stop & (0 &- stop)) >> 7) &- 1
    count = stop.trailingZeroBitCount >> 3
    folded = (x | upper >> 2) & keep
    hasDigit = digit & keep != 0
    endsLower = lower & keep & ~(keep >> 8) != 0
  }

  /// The run of ASCII letters at the start of `x`, with no byte before it in the same word: as
  /// `init(x, afterLower: false)` but a digit ends it too (the caller goes on with the general
  /// run there). Cheaper: no digit test.
  @inline(__always)
  init(letters x: UInt64) {
    // Setting bit 5 folds letters to lower case.
    let lowered = x | 0x2020_2020_2020_2020
    let letter = Self.inRange(lowered & ~Self.highs, 0x61, 0x7A) & ~x & Self.highs
    // Bit 5 (0x20) tells lower from upper case; shifted up to bit 7 to line up with the masks.
    let caseBit = x << 2
    let lower = letter & caseBit
    let stop = (~letter & Self.highs) | (letter & ~caseBit & lower << 8)
    // All bits below the first stop byte (all ones when there is none).
    let keep = ((stop & (0 &- stop)) >> 7) &- 1
    count = stop.trailingZeroBitCount >> 3
    folded = lowered & keep
    hasDigit = false
    endsLower = lower & keep & ~(keep >> 8) != 0
  }

  /// Whether all eight bytes of `x` are spaces.
  @inline(__always)
  static func allSpaces(_ x: UInt64) -> Bool { x == 0x2020_2020_2020_2020 }

  /// The eight bytes of `p` from `i` (little-endian), zero-padded past the end of `p`.
  @inline(__always)
  static func load(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
    if let base = p.baseAddress, i &+ 8 <= p.count {
      return UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
    }
    var x: UInt64 = 0
    var j = p.count &- 1
    while j >= i {
      x = x << 8 | UInt64(p[j])
      j -= 1
    }
    return x
  }
}
