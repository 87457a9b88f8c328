/// The object keys met so far in a batch of records, so that the next record's keys are found
/// again instead of made again: the records of a stream nearly always repeat the same few keys.
///
/// Only short keys of plain ASCII are kept (at most 15 bytes, which a `String` holds inline, no
/// escapes), each as its bytes packed into two words with the length in the last byte, so a
/// lookup is a few word compares; at most ``capacity`` keys, the first ones met.
struct JSONKeyCache {
  /// The most keys kept.
  static let capacity = 16
  /// The longest key kept, in bytes.
  static let maxLength = 15

  private var words: [(UInt64, UInt64)] = []
  private var keys: [String] = []

  /// The bytes `p[0..<n]` (`n` ≤ 15) zero-padded into two words, with `n` in the top byte.
  @inline(__always)
  static func pack(_ p: UnsafePointer<UInt8>, count n: Int) -> (UInt64, UInt64) {
    var w: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &w) { out in
      // In bounds: n ≤ 15 bytes into a 16-byte tuple, leaving its last byte for the length.
      out.copyMemory(from: UnsafeRawBufferPointer(start: p, count: n))
    }
    w.1 |= UInt64(n) << 56
    return w
  }

  /// The key spelled by the ASCII bytes `p[0..<n]` (`n` ≤ ``maxLength``): the string made for
  /// an earlier record when there is one, else a new one (kept while there is room).
  mutating func key(_ p: UnsafePointer<UInt8>, count n: Int) -> String {
    let w = JSONKeyCache.pack(p, count: n)
    for i in words.indices where words[i] == w { return keys[i] }
    // ASCII, checked by the caller: no validation needed.
    let key = UTF8Strings.uncheckedString(UnsafeBufferPointer(start: p, count: n))
    if words.count < JSONKeyCache.capacity {
      words.append(w)
      keys.append(key)
    }
    return key
  }
}
