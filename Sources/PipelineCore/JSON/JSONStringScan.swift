/// Finding, 16 bytes at a time, where a run of JSON string bytes that need no attention ends.
///
/// Inside a JSON string only `"`, `\` and the control characters (below 0x20) are special, in
/// both directions: the parser stops at them to end the string or decode an escape, the writer
/// to escape them. Everything else (including non-ASCII UTF-8) is copied as it is. The test is
/// three byte-wise comparisons on a 16-byte vector (SSE2 `pcmpeqb`/`pminub` on x86-64, NEON on
/// ARM), and the exact position of the first hit comes from the comparison mask read as two
/// 64-bit words, so a hit costs a bit scan, not a byte-by-byte walk.
enum JSONStringScan {
  /// Whether `byte` ends a plain run: `"`, `\` or a control character.
  @inline(__always)
  static func isSpecial(_ byte: UInt8) -> Bool {
    byte == 0x22 || byte == 0x5C || byte < 0x20
  }

  /// The index of the first special byte (see ``isSpecial(_:)``) in `from..<end` of `base`, or
  /// `end` when there is none. Every byte skipped is OR-ed into `seen` (possibly a few more
  /// after the hit, never fewer), so `seen & 0x80 == 0` proves the run was ASCII.
  ///
  /// Reads only `base[from..<end]`.
  @inline(__always)
  static func plainRunEnd(
    _ base: UnsafePointer<UInt8>, from: Int, end: Int, seen: inout UInt8
  ) -> Int {
    var i = from
    if end &- i >= 16 {
      let quote = SIMD16<UInt8>(repeating: 0x22)
      let backslash = SIMD16<UInt8>(repeating: 0x5C)
      let space = SIMD16<UInt8>(repeating: 0x20)
      var all = SIMD16<UInt8>(repeating: 0)
      defer { seen |= orOfLanes(all) }
      // In bounds: i + 16 <= end on every load.
      while i &+ 16 <= end {
        let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
        all |= v
        let hit = unsafeBitCast((v .== quote) .| (v .== backslash) .| (v .< space), to: SIMD2<UInt64>.self)
        if hit[0] | hit[1] != 0 {
          return i &+ firstLane(hit)
        }
        i &+= 16
      }
    }
    var acc: UInt8 = 0
    defer { seen |= acc }
    while i < end {
      let b = base[i]
      if isSpecial(b) { break }
      acc |= b
      i &+= 1
    }
    return i
  }

  /// Copies the plain run at `from` (up to the first special byte, or `end`) to the end of
  /// `out` and returns where it stopped. Each 16-byte block is stored whole while it is tested,
  /// and only the bytes before a hit are counted, so scanning and copying are one pass. Every
  /// byte copied is OR-ed into `seen` (possibly a few more, never fewer).
  ///
  /// Reads only `base[from..<end]`.
  @inline(__always)
  static func copyPlainRun(
    _ base: UnsafePointer<UInt8>, from: Int, end: Int, into out: inout ByteBuffer, seen: inout UInt8
  ) -> Int {
    var i = from
    var all = SIMD16<UInt8>(repeating: 0)
    let hit = copyBlocks(base, at: &i, end: end, into: &out, seen: &all)
    seen |= orOfLanes(all)
    if let hit { return hit }
    var acc: UInt8 = 0
    out.reserve(end &- i)
    while i < end {
      let b = base[i]
      if isSpecial(b) { break }
      acc |= b
      out.appendReserved(b)
      i &+= 1
    }
    seen |= acc
    return i
  }

  /// Copies whole 16-byte blocks from `base[i...]` to `out` while they hold no special byte and
  /// return the index of the first special byte; `nil` (with `i` moved past the copied blocks)
  /// when fewer than 16 bytes are left before `end`. Each block is OR-ed into `seen`.
  @inline(__always)
  private static func copyBlocks(
    _ base: UnsafePointer<UInt8>, at i: inout Int, end: Int, into out: inout ByteBuffer,
    seen: inout SIMD16<UInt8>
  ) -> Int? {
    let quote = SIMD16<UInt8>(repeating: 0x22)
    let backslash = SIMD16<UInt8>(repeating: 0x5C)
    let space = SIMD16<UInt8>(repeating: 0x20)
    while end &- i >= 16 {
      // Room for a slice of the rest (at least one block), written through a local pointer.
      out.reserve(min(end &- i, 1 << 12))
      let start = out.freePointer
      let stop = i &+ min(end &- i, out.freeCount)
      var written = 0
      // In bounds: every load is within base[i..<i + 16] with i + 16 <= stop <= end, and every
      // store within the free room, as `written` + 16 <= stop - (where the slice began).
      while i &+ 16 <= stop {
        let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
        seen |= v
        UnsafeMutableRawPointer(start + written).storeBytes(of: v, as: SIMD16<UInt8>.self)
        let hit = unsafeBitCast((v .== quote) .| (v .== backslash) .| (v .< space), to: SIMD2<UInt64>.self)
        if hit[0] | hit[1] != 0 {
          let k = firstLane(hit)
          out.didWrite(written &+ k)
          i &+= k
          return i
        }
        written &+= 16
        i &+= 16
      }
      out.didWrite(written)
    }
    return nil
  }

  /// Like ``copyPlainRun(_:from:end:into:seen:)`` for a whole string `base[0..<end]` (the
  /// writer's case): a last partial block is tested as the overlapping final 16 bytes of the
  /// string and copied with two overlapping moves, not byte by byte.
  @inline(__always)
  static func copyPlainRun(_ base: UnsafePointer<UInt8>, from: Int, end: Int, into out: inout ByteBuffer) -> Int {
    var i = from
    var all = SIMD16<UInt8>(repeating: 0)  // unused here
    if let hit = copyBlocks(base, at: &i, end: end, into: &out, seen: &all) { return hit }
    let quote = SIMD16<UInt8>(repeating: 0x22)
    let backslash = SIMD16<UInt8>(repeating: 0x5C)
    let space = SIMD16<UInt8>(repeating: 0x20)
    guard i < end else { return end }
    var stop = end
    if end >= 16 {
      // The last 16 bytes, overlapping what was already checked: lanes before `i` are masked.
      let blockStart = end &- 16
      let v = UnsafeRawPointer(base + blockStart).loadUnaligned(as: SIMD16<UInt8>.self)
      let lanes = SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
      let fresh = lanes .>= SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: i &- blockStart))
      let hit = unsafeBitCast(
        fresh .& ((v .== quote) .| (v .== backslash) .| (v .< space)), to: SIMD2<UInt64>.self)
      if hit[0] | hit[1] != 0 { stop = blockStart &+ firstLane(hit) }
    } else {
      stop = i
      while stop < end, !isSpecial(base[stop]) { stop &+= 1 }
    }
    out.reserve(stop &- i)
    out.appendReserved(base + i, shortCount: stop &- i)
    return stop
  }

  /// The index of the first all-ones lane of a nonzero byte mask read as two 64-bit words
  /// (little-endian lane order).
  @inline(__always)
  static func firstLane(_ hit: SIMD2<UInt64>) -> Int {
    hit[0] != 0
      ? hit[0].trailingZeroBitCount &>> 3
      : 8 &+ hit[1].trailingZeroBitCount &>> 3
  }

  /// The OR of the 16 lanes.
  @inline(__always)
  static func orOfLanes(_ v: SIMD16<UInt8>) -> UInt8 {
    let words = unsafeBitCast(v, to: SIMD2<UInt64>.self)
    var w = words[0] | words[1]
    w |= w &>> 32
    w |= w &>> 16
    w |= w &>> 8
    return UInt8(truncatingIfNeeded: w)
  }
}
