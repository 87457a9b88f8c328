/// Where a news text's headline and lead are, found on UTF-8 bytes.
///
/// The headline is the first non-blank line when it looks like one: at most
/// ``maximumHeadlineLength`` characters, not ending in a full stop, and followed by more text.
/// The lead is the next `leadLength` characters (counted as UTF-8 lead bytes).
struct TopicTextLayout: Equatable {
  /// Byte range of the headline (empty when there is none).
  var headline: Range<Int>
  /// Byte offset where the lead ends.
  var leadEnd: Int
  /// The text's length in characters (Unicode scalars).
  var characters: Int

  static let maximumHeadlineLength = 200

  init(headline: Range<Int>, leadEnd: Int, characters: Int) {
    self.headline = headline
    self.leadEnd = leadEnd
    self.characters = characters
  }

  /// The layout of `bytes`; with `detectHeadline` false the whole text is lead and body. The
  /// length in characters is counted only when `countCharacters` (else it is the byte count).
  init(
    _ bytes: UnsafeBufferPointer<UInt8>, leadLength: Int, detectHeadline: Bool,
    countCharacters: Bool = true
  ) {
    let n = bytes.count
    characters = countCharacters ? n - Self.continuationBytes(bytes) : n
    var i = 0
    while i < n, Self.isSpace(bytes[i]) { i += 1 }
    let lineStart = i
    var bodyStart = lineStart
    headline = 0..<0
    if detectHeadline {
      // The first line, given up as soon as it is too long for a headline: eight bytes at a
      // time while they hold no line feed and cannot take the count past the maximum.
      var lineEnd = lineStart
      var chars = 0
      if let base = bytes.baseAddress {
        let raw = UnsafeRawPointer(base)
        while lineEnd + 8 <= n && chars + 8 <= Self.maximumHeadlineLength {
          let x = raw.loadUnaligned(fromByteOffset: lineEnd, as: UInt64.self)
          if Self.hasLineFeed(x) { break }
          chars += 8 - (x & ~(x << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
          lineEnd += 8
        }
      }
      while lineEnd < n, bytes[lineEnd] != 0x0A, chars <= Self.maximumHeadlineLength {
        if bytes[lineEnd] & 0xC0 != 0x80 { chars += 1 }
        lineEnd += 1
      }
      var last = lineEnd
      while last > lineStart, Self.isSpace(bytes[last - 1]) { last -= 1 }
      var rest = lineEnd
      while rest < n, Self.isSpace(bytes[rest]) { rest += 1 }
      if last > lineStart, chars <= Self.maximumHeadlineLength,
        lineEnd == n || bytes[lineEnd] == 0x0A,
        bytes[last - 1] != UInt8(ascii: "."),
        rest < n
      {
        headline = lineStart..<last
        bodyStart = rest
      }
    }
    leadEnd = Self.advance(bodyStart, characters: leadLength, in: bytes)
  }

  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

  /// Whether one of the eight bytes of `x` is a line feed (the classic zero-byte test on
  /// `x ^ 0x0A…`: exact, since a borrow only starts at a zero byte).
  @inline(__always)
  static func hasLineFeed(_ x: UInt64) -> Bool {
    let y = x ^ 0x0A0A_0A0A_0A0A_0A0A
    return (y &- 0x0101_0101_0101_0101) & ~y & 0x8080_8080_8080_8080 != 0
  }

  /// The byte offset `characters` characters after `start` (or the end), sixteen bytes at a time
  /// while far from the target.
  static func advance(_ start: Int, characters: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let n = bytes.count
    var j = start
    var count = 0
    if let base = bytes.baseAddress {
      // Rounds of sixteen bytes that cannot take the count past the target (each adds at most
      // sixteen characters), until fewer than sixteen characters are left.
      while true {
        let rounds = min((characters - count) / 16, (n - j) / 16)
        if rounds <= 0 { break }
        count += 16 * rounds - continuationBytes(UnsafeRawPointer(base + j), rounds: rounds)
        j += 16 * rounds
      }
    }
    while j < n, count < characters {
      if bytes[j] & 0xC0 != 0x80 { count += 1 }
      j += 1
    }
    while j < n, bytes[j] & 0xC0 == 0x80 { j += 1 }
    return j
  }

  /// The number of UTF-8 continuation bytes (10xxxxxx) in `bytes`.
  static func continuationBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let n = bytes.count
    var count = 0
    var i = 0
    if let base = bytes.baseAddress, n >= 16 {
      count = continuationBytes(UnsafeRawPointer(base), rounds: n / 16)
      i = n / 16 * 16
    }
    while i < n {
      if bytes[i] & 0xC0 == 0x80 { count += 1 }
      i += 1
    }
    return count
  }

  /// The number of continuation bytes in the `16 * rounds` bytes at `start`, sixteen at a time:
  /// read as `Int8`, a continuation byte is below -64; the comparison's all-ones lanes are
  /// subtracted from byte counters (at most 255 rounds, then summed).
  @inline(__always)
  static func continuationBytes(_ start: UnsafeRawPointer, rounds: Int) -> Int {
    let limit = SIMD16<Int8>(repeating: -64)
    var count = 0
    var offset = 0
    var left = rounds
    while left > 0 {
      let batch = min(left, 255)
      var lanes = SIMD16<UInt8>()
      for _ in 0..<batch {
        let v = start.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self)
        lanes &-= unsafeBitCast(v .< limit, to: SIMD16<UInt8>.self)
        offset &+= 16
      }
      count &+= Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
      left -= batch
    }
    return count
  }
}
