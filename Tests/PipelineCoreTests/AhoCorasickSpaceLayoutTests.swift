import Testing

@testable import PipelineCore

/// The eight-bytes-at-a-time test of where a match of a pattern with spaces starts
/// (``SpaceLayout``) against the byte-by-byte definition.
@Suite struct AhoCorasickSpaceLayoutTests {
  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

  /// The definition: the `key.count` bytes before `end` are ASCII, with whitespace exactly where
  /// the key has spaces.
  static func simpleFits(_ key: [UInt8], _ text: [UInt8], end: Int) -> Bool {
    let start = end - key.count
    guard start >= 0 else { return false }
    for p in 0..<key.count {
      let b = text[start + p]
      if b >= 0x80 || isSpace(b) != (key[p] == 0x20) { return false }
    }
    return true
  }

  @Test func examples() {
    let key = Array("new york".utf8)
    let layout = SpaceLayout(key: key)
    #expect(layout.words == 1)
    for (text, fits) in [
      ("in new york", true), ("in new\tyork", true), ("in new\r\nyork", false),
      ("in new  york", false), ("in nEw york", true), ("new york", true), ("é new york", true),
      ("\u{A0}new york", true), ("in newéyork", false), ("innew york", true),
    ] {
      let bytes = Array(text.utf8)
      let found = bytes.withUnsafeBufferPointer { layout.fits(endingAt: bytes.count, in: $0) }
      #expect(found == fits, "\(text.debugDescription)")
    }
    // Too close to the start of the text to read a whole word: the caller's byte loop decides.
    let short = Array("a b".utf8)
    #expect(short.withUnsafeBufferPointer { SpaceLayout(key: short).fits(endingAt: 3, in: $0) } == nil)
    // Not usable: a key that is not ASCII or is longer than 64 bytes.
    #expect(SpaceLayout(key: Array("visa régime".utf8)).words == 0)
    #expect(SpaceLayout(key: Array(repeating: 0x61, count: 65)).words == 0)
    #expect(SpaceLayout(key: Array(repeating: 0x61, count: 64)).words == 8)
  }

  @Test func wordTestsAgreeWithTheBytes() {
    var rng = SplitMix64(seed: 11)
    let interesting: [UInt8] = [0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x41, 0x7F]
    for _ in 0..<20_000 {
      var x: UInt64 = 0
      for k in 0..<8 {
        let b = rng.next() % 3 == 0 ? UInt64(rng.next() & 0x7F) : UInt64(interesting[Int(rng.next() % 12)])
        x |= b << UInt64(8 * k)
      }
      var expected: UInt64 = 0
      for k in 0..<8 where Self.isSpace(UInt8(truncatingIfNeeded: x >> UInt64(8 * k))) {
        expected |= 1 << UInt64(k)
      }
      #expect(SpaceLayout.compress(SpaceLayout.whitespaceBytes(x)) == expected)
    }
  }

  /// Random keys of 1 to 70 bytes with single spaces, in random texts: the key itself with some
  /// spaces replaced by other whitespace, doubled, or letters put in their place, after random
  /// bytes (ASCII, non-ASCII, whitespace).
  @Test func randomKeysAndTextsAgreeWithTheDefinition() {
    var rng = SplitMix64(seed: 12)
    let fillers: [[UInt8]] = [
      [0x61], [0x20], [0x0D], [0x0A], [0x09], [0xC3, 0xA9], [0xD0, 0xB6], [0xE2, 0x80, 0x94], [0x2D],
    ]
    var decided = 0
    var accepted = 0
    for _ in 0..<4000 {
      let length = 1 + Int(rng.next() % 70)
      var key: [UInt8] = []
      for p in 0..<length {
        let space = p > 0 && p < length - 1 && key.last != 0x20 && rng.next() % 4 == 0
        key.append(space ? 0x20 : UInt8(0x61 + rng.next() % 26))
      }
      var body = key
      // Half the texts get one byte changed (whitespace, a letter or a lead byte).
      if rng.next() % 2 == 0 {
        let p = Int(rng.next() % UInt64(body.count))
        body[p] = [0x09, 0x0A, 0x0D, 0x20, 0x62, 0xC3][Int(rng.next() % 6)]
      }
      var text: [UInt8] = []
      for _ in 0..<Int(rng.next() % 12) { text += fillers[Int(rng.next() % UInt64(fillers.count))] }
      if rng.next() % 5 == 0, let p = body.firstIndex(of: 0x20) { body.insert(0x20, at: p) }
      text += body
      let end = text.count
      let layout = SpaceLayout(key: key)
      let found = text.withUnsafeBufferPointer { layout.fits(endingAt: end, in: $0) }
      if let found {
        decided += 1
        if found { accepted += 1 }
        #expect(found == Self.simpleFits(key, text, end: end), "\(key) in \(text)")
      } else {
        #expect(length > 64 || end < 8 * layout.words)
      }
    }
    #expect(decided > 2000 && accepted > 500, "\(decided) decided, \(accepted) accepted")
  }
}
