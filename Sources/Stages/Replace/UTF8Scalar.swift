/// Decoding of single UTF-8 sequences in a byte buffer, for the regular-expression engine.
enum UTF8Scalar {
  /// The scalar starting at `i` and its length in bytes; an invalid or truncated sequence reads as
  /// U+FFFD of one byte (Swift strings are valid UTF-8, so this only guards against bad buffers).
  @inline(__always)
  static func decode(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, Int) {
    let b0 = UInt32(bytes[i])
    if b0 < 0x80 { return (b0, 1) }
    let n = bytes.count
    if b0 >= 0xC2, b0 <= 0xDF, i + 1 < n {
      let b1 = UInt32(bytes[i + 1])
      if b1 & 0xC0 == 0x80 { return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2) }
    } else if b0 >= 0xE0, b0 <= 0xEF, i + 2 < n {
      let b1 = UInt32(bytes[i + 1])
      let b2 = UInt32(bytes[i + 2])
      if b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 {
        let v = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
        if v >= 0x800, !(0xD800...0xDFFF).contains(v) { return (v, 3) }
      }
    } else if b0 >= 0xF0, b0 <= 0xF4, i + 3 < n {
      let b1 = UInt32(bytes[i + 1])
      let b2 = UInt32(bytes[i + 2])
      let b3 = UInt32(bytes[i + 3])
      if b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 {
        let v = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)
        if v >= 0x10000, v <= 0x10FFFF { return (v, 4) }
      }
    }
    return (0xFFFD, 1)
  }

  /// The scalar that ends just before `i` (nil at the start of the buffer or after invalid bytes).
  @inline(__always)
  static func decode(before i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
    guard i > 0 else { return nil }
    let last = bytes[i - 1]
    if last < 0x80 { return UInt32(last) }
    var start = i - 1
    while start > 0, i - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    let (v, len) = decode(at: start, in: bytes)
    return start + len == i ? v : nil
  }
}
