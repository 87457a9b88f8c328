// The helpers are internal, so these tests need a testable build: debug only (release test
// builds, used for the benchmark, are not compiled for testing).
#if DEBUG
  import Testing

  @testable import Stages

  /// The byte-parallel tests agree with byte-by-byte ones.
  @Suite struct DetectDateSWARTests {
    /// Eight-byte words that mix every interesting byte value, from a fixed seed.
    static func words() -> [UInt64] {
      let bytes: [UInt8] = [
        0x00, 0x0A, 0x20, 0x2E, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x41, 0x5A, 0x61, 0x7A, 0x7F, 0x80,
        0xA0, 0xB0, 0xB9, 0xC2, 0xE2, 0xFF,
      ]
      var seed: UInt64 = 12_345
      var out: [UInt64] = []
      for _ in 0..<4000 {
        var w: UInt64 = 0
        for k in 0..<8 {
          seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          w |= UInt64(bytes[Int(seed >> 33) % bytes.count]) << (8 * UInt64(k))
        }
        out.append(w)
      }
      return out
    }

    static func mask(_ w: UInt64, _ test: (UInt8) -> Bool) -> UInt64 {
      var m: UInt64 = 0
      for k in 0..<8 where test(UInt8(truncatingIfNeeded: w >> (8 * UInt64(k)))) {
        m |= 0x80 << (8 * UInt64(k))
      }
      return m
    }

    @Test func equalMatchesBytewise() {
      for w in Self.words() {
        for c: UInt8 in [0x0A, 0x20, 0x2E, 0x3A] {
          #expect(SWAR.equal(w, c) == Self.mask(w) { $0 == c })
        }
      }
    }

    @Test func rangesMatchBytewise() {
      for w in Self.words() {
        #expect(SWAR.inRange(w, 0x30, 0x39) == Self.mask(w) { $0 >= 0x30 && $0 <= 0x39 })
        #expect(SWAR.inRange(w, 0x61, 0x7A) == Self.mask(w) { $0 >= 0x61 && $0 <= 0x7A })
        #expect(SWAR.digitsOrNewlines(w) == Self.mask(w) { ($0 >= 0x30 && $0 <= 0x39) || $0 == 10 })
      }
    }
  }
#endif
