/// Where the spaces of an ASCII pattern with whitespace are, laid out to check the text before a
/// match end eight bytes at a time.
///
/// A match of such a pattern starts `byteLength` bytes before its end exactly when the text
/// there is ASCII with single whitespace characters. Equivalently (the pattern's spaces are single
/// and never first): the text is ASCII and its whitespace bytes are exactly at the pattern's
/// spaces. The text is read as the words `end - 8 (k + 1) ..< end - 8 k` (k = 0 for the word
/// ending at the match end); bit `8 k + i` stands for byte `i` of word `k`.
struct SpaceLayout: Sendable, Equatable {
  /// The bits of the pattern's spaces.
  var spaces: UInt64 = 0
  /// The bits that belong to the pattern (the last word may reach before its start).
  var valid: UInt64 = 0
  /// The number of words read; 0 when the layout cannot be used (a pattern that is not ASCII or
  /// is longer than 64 bytes).
  var words: Int = 0
  /// The bytes of the last word that belong to the pattern (the others are cleared before the
  /// test, so that a byte before the match cannot carry into the pattern's first byte).
  var lastWordMask: UInt64 = 0

  /// The layout of the folded, whitespace-normalised pattern `key`.
  init(key: [UInt8]) {
    let n = key.count
    guard n > 0, n <= 64, key.allSatisfy({ $0 < 0x80 }) else { return }
    words = (n + 7) / 8
    lastWordMask = ~0 << UInt64(8 * (8 * words - n))
    for p in 0..<n {
      let k = (n - 1 - p) / 8
      let bit = 8 * k + 8 * (k + 1) - n + p
      valid |= 1 << UInt64(bit)
      if key[p] == 0x20 { spaces |= 1 << UInt64(bit) }
    }
  }

  init() {}

  /// Whether the `n` bytes before `end` (`n` the pattern's length) are ASCII with whitespace
  /// exactly at the pattern's spaces; `nil` when this layout cannot tell (see ``words``, or fewer
  /// than `8 * words` bytes before `end`).
  @inline(__always)
  func fits(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard words > 0, end >= 8 &* words, end <= bytes.count, let base = bytes.baseAddress else {
      return nil
    }
    let raw = UnsafeRawPointer(base)
    var whitespace: UInt64 = 0
    var any: UInt64 = 0
    for k in 0..<words {
      // Inside the buffer: end - 8 (k + 1) >= end - 8 words >= 0.
      var x = raw.loadUnaligned(fromByteOffset: end &- 8 &* (k &+ 1), as: UInt64.self)
      if k &+ 1 == words { x &= lastWordMask }
      whitespace |= Self.compress(Self.whitespaceBytes(x)) << UInt64(8 &* k)
      any |= x
    }
    // The bytes before the pattern are cleared, so any high bit is the pattern's.
    return any & 0x8080_8080_8080_8080 == 0 && whitespace & valid == spaces
  }

  /// Bit 7 of each byte of `x` that is ASCII whitespace (space, tab, line feed, vertical tab, form
  /// feed, carriage return). Exact for the ASCII bytes of `x`; a byte at or above 0x80 may set
  /// wrong bits (its callers reject such words anyway).
  @inline(__always)
  static func whitespaceBytes(_ x: UInt64) -> UInt64 {
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    // A space: the byte of x ^ 0x20… is zero (the exact zero-byte test, no borrows).
    let y = x ^ 0x2020_2020_2020_2020
    let space = ~(((y & low) &+ low) | y)
    // 0x09...0x0D: x + 0x77 reaches 0x80 from 9 on, x + 0x72 from 14 on (no carries out of an
    // ASCII byte).
    let range = (x &+ 0x7777_7777_7777_7777) & ~(x &+ 0x7272_7272_7272_7272)
    return (space | range) & 0x8080_8080_8080_8080
  }

  /// The bits 7 of the eight bytes of `x` (nothing else set) gathered into bits 0...7.
  @inline(__always)
  static func compress(_ x: UInt64) -> UInt64 {
    ((x >> 7) &* 0x0102_0408_1020_4080) >> 56
  }
}
