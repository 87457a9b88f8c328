/// Finds runs of plain words that ``TextCleaner`` copies as they are, sixteen bytes at a time.
///
/// A plain run is printable ASCII other than `&`, with single spaces between words: every
/// space in it is followed by a printable ASCII byte other than `&`. Anything else needs a
/// closer look: a control byte (line breaks and tabs included), DEL, `&`, a non-ASCII byte, and
/// a space followed by one of those, by another space or by the end of the text.
enum CleanRun {
  /// The index of the first byte at or after `start` that ends the plain run there (see
  /// ``CleanRun``), or `n` when the run reaches the end of the text `p[0..<n]`.
  @inline(__always)
  static func end(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int) -> Int {
    var j = start
    // Sixteen bytes and the sixteen after each (for the byte after a space): both loads stay
    // inside the text while j + 17 <= n.
    while j &+ 17 <= n {
      let stops = stopLanes(p + j)
      let low = stops[0]
      let high = stops[1]
      if low | high == 0 {
        j &+= 16
        continue
      }
      return j &+ (low != 0 ? low.trailingZeroBitCount : 64 &+ high.trailingZeroBitCount) &>> 3
    }
    while j < n {
      let c = p[j]
      if isPlain(c) {
        j &+= 1
      } else if c == 0x20 && j &+ 1 < n && isPlain(p[j &+ 1]) {
        j &+= 2
      } else {
        break
      }
    }
    return j
  }

  /// Whether `c` is printable ASCII other than a space and `&`.
  @inline(__always)
  static func isPlain(_ c: UInt8) -> Bool { c &- 0x21 < 0x5E && c != 0x26 }

  /// The sixteen bytes at `q` as two little-endian words with 0xFF in each byte that ends a
  /// plain run, 0 in the others (reads `q[0...16]`).
  @inline(__always)
  static func stopLanes(_ q: UnsafePointer<UInt8>) -> SIMD2<UInt64> {
    let v = UnsafeRawPointer(q).loadUnaligned(as: SIMD16<Int8>.self)
    let next = UnsafeRawPointer(q + 1).loadUnaligned(as: SIMD16<Int8>.self)
    // Comparison masks as bytes (0xFF where true), so they combine as plain vectors: `any` and
    // `all` on masks do not always compile to one move-mask.
    @inline(__always) func bytes(_ m: SIMDMask<SIMD16<Int8>>) -> SIMD16<UInt8> {
      unsafeBitCast(m, to: SIMD16<UInt8>.self)
    }
    // Adding 0x5F moves 0x21...0x7E to the lowest signed values, -128...-35: one comparison.
    @inline(__always) func plain(_ x: SIMD16<Int8>) -> SIMD16<UInt8> {
      bytes((x &+ SIMD16(repeating: 0x5F)) .< SIMD16(repeating: -34))
        & ~bytes(x .== SIMD16(repeating: 0x26))
    }
    let keep = plain(v) | (bytes(v .== SIMD16(repeating: 0x20)) & plain(next))
    return unsafeBitCast(~keep, to: SIMD2<UInt64>.self)
  }
}
