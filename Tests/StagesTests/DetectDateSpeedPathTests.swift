// The helpers are internal, so these tests need a testable build: debug only (release test
// builds, used for the benchmark, are not compiled for testing).
#if DEBUG
  import Testing

  @testable import Stages

  /// The vector paths of `detect-date` against byte-by-byte versions: the digit and newline
  /// lanes of the scanner, and the prose test of long lines (its last bytes are counted as one
  /// masked vector).
  @Suite("detect-date: speed paths against simple versions") struct DetectDateSpeedPathTests {
    static func lanes(_ bytes: [UInt8]) -> (digits: UInt32, newlines: UInt32) {
      // Sixteen bytes each: the buffer has an address.
      bytes.withUnsafeBufferPointer { b in b.baseAddress.map { DigitLanes.find($0) } ?? (0, 0) }
    }

    @Test func digitAndNewlineLanesMatchTheBytes() {
      #expect(Self.lanes(Array("no digits at all".utf8)) == (0, 0))
      #expect(Self.lanes(Array("on 3 July\n2023.\n".utf8)) == (0b0011_1100_0000_1000, 0b1000_0010_0000_0000))
      var seed: UInt64 = 0x0D16_175
      let alphabet: [UInt8] = [0x0A, 0x20, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x41, 0x61, 0x80, 0xB0, 0xC2, 0xFF]
      for _ in 0..<3_000 {
        var bytes: [UInt8] = []
        for _ in 0..<16 {
          seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          bytes.append(alphabet[Int(seed >> 33) % alphabet.count])
        }
        var digits: UInt32 = 0
        var newlines: UInt32 = 0
        for (k, b) in bytes.enumerated() {
          if b >= 0x30 && b <= 0x39 { digits |= 1 << UInt32(k) }
          if b == 0x0A { newlines |= 1 << UInt32(k) }
        }
        #expect(Self.lanes(bytes) == (digits, newlines), "\(bytes)")
      }
    }

    @Test func packingGathersTheTopBitOfEveryByte() {
      for k in 0..<8 {
        #expect(DigitLanes.pack(0xFF << UInt64(8 * k)) == 1 << UInt64(k))
      }
      #expect(DigitLanes.pack(~0) == 0xFF)
      #expect(DigitLanes.pack(0xFF00_FF00_00FF_00FF) == 0b1010_0101)
    }

    /// The prose test of a trimmed line, byte by byte: at least `proseLength` bytes, not a list
    /// item, a sentence end (at the end of the line, or `. `, `! `, `? ` in the first
    /// `sample` bytes), twelve spaces and more than three lowercase letters per capital there.
    static func referenceIsProse(_ line: [UInt8]) -> Bool {
      guard line.count >= TextLayout.proseLength else { return false }
      if line[1] == 32, [42, 43, 45, 111].contains(line[0]) { return false }
      if line[0] == 0xE2, line[1] == 0x80, line[2] == 0xA2 { return false }
      var sentenceEnd = [46, 33, 63, 34, 41, 0x9D, 0xBB].contains(line[line.count - 1])
      let sample = Array(line.prefix(TextLayout.sample))
      var spaces = 0
      var lower = 0
      var upper = 0
      for (k, b) in sample.enumerated() {
        if b == 32 {
          spaces += 1
          if k > 0, [46, 33, 63].contains(sample[k - 1]) { sentenceEnd = true }
        }
        if b >= 97 && b <= 122 { lower += 1 }
        if b >= 65 && b <= 90 { upper += 1 }
      }
      return spaces >= 12 && sentenceEnd && lower > 3 * upper
    }

    @Test func proseLinesOfEveryLengthNearTheSample() {
      let words = Array("the quick brown fox jumps over a lazy dog and runs far away ".utf8)
      var checked = 0
      for length in 100...175 {
        for stopAt in [-1, 90, 140, 143, 144, 150, 155, 158, 159, 160] {
          var line = (0..<length).map { words[$0 % words.count] }
          line[line.count - 1] = UInt8(ascii: "x")
          if stopAt >= 0 && stopAt + 2 < length {  // the line's last byte stays a letter
            line[stopAt] = UInt8(ascii: ".")
            line[stopAt + 1] = 32
          }
          for capitals in [0, 12, 40] {
            var l = line
            for k in stride(from: 0, to: min(capitals * 3, length), by: 3) where l[k] >= 97 && l[k] <= 122 {
              l[k] = l[k] & ~0x20
            }
            let text = l + Array("\nnext".utf8)
            let layout = text.withUnsafeBufferPointer {
              TextLayout(text: $0, lineStarts: [0, l.count + 1], through: 1)
            }
            #expect(layout.isProseLine(0) == Self.referenceIsProse(l), "\(length) \(stopAt) \(capitals)")
            checked += 1
          }
        }
      }
      #expect(checked > 2_000)
    }
  }
#endif
