/// Byte offsets of a UTF-8 text turned into Unicode scalar offsets (Python string indices),
/// for many offsets in one text without counting from the start each time.
///
/// The number of scalars before every 64-byte block is counted once (eight bytes at a time);
/// an offset then costs at most 63 more bytes of counting.
struct ScalarOffsets {
  private let bytes: UnsafeBufferPointer<UInt8>
  /// Scalars before byte `64 * k`.
  private let blocks: [Int]

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    let n = bytes.count
    var blocks = [Int]()
    blocks.reserveCapacity(n / 64 + 1)
    var count = 0
    var i = 0
    blocks.append(0)
    while i + 64 <= n, let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base + i)
      var continuation = 0
      for k in stride(from: 0, to: 64, by: 8) {
        let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
        // Bit 7 set and bit 6 clear: a continuation byte; the 0/1 bytes summed by a multiply.
        let ones = (x & ~(x << 1) & 0x8080_8080_8080_8080) >> 7
        continuation += Int(truncatingIfNeeded: (ones &* 0x0101_0101_0101_0101) >> 56)
      }
      count += 64 - continuation
      blocks.append(count)
      i += 64
    }
    self.blocks = blocks
  }

  /// The number of Unicode scalars before byte `offset` (clamped to the text).
  func scalars(before offset: Int) -> Int {
    let o = max(0, min(offset, bytes.count))
    let block = o / 64
    var n = blocks[min(block, blocks.count - 1)]
    for i in (min(block, blocks.count - 1) * 64)..<o where bytes[i] & 0xC0 != 0x80 { n += 1 }
    return n
  }
}
