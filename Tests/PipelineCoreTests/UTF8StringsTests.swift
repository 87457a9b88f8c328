import PipelineCore
import Testing

/// Strings from UTF-8 bytes: the fast check agrees with Swift's own validation, and invalid
/// bytes are repaired exactly as `String(decoding:as:)` repairs them.
@Suite struct UTF8StringsTests {
  func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { UTF8Strings.isValid($0) } }

  @Test func acceptsEveryWellFormedBoundary() {
    for v: UInt32 in [0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF] {
      let bytes = Array(String(Unicode.Scalar(v)!).utf8)
      #expect(valid(bytes), "U+\(String(v, radix: 16))")
      #expect(valid(Array("plain ascii text, then ".utf8) + bytes + Array(" and more".utf8)))
    }
    #expect(valid(Array("Grüße – „Zitat“ – Қазақстан – 日本 – 😀".utf8)))
    #expect(valid([]))
  }

  @Test func rejectsIllFormedSequences() {
    let bad: [[UInt8]] = [
      [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xC2, 0x41], [0xE0, 0x9F, 0xBF],
      [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
      [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xF0, 0x9F, 0x98],
    ]
    for b in bad {
      #expect(!valid(b), "\(b)")
      // Also after eight ASCII bytes (the fast path) and before more text.
      #expect(!valid(Array("abcdefgh".utf8) + b + Array("xyz".utf8)), "\(b)")
    }
  }

  @Test func agreesWithSwiftOnRandomBytes() {
    var rng = SplitMix64(seed: 7)
    // Bytes drawn mostly from ASCII and the lead and continuation ranges, so that both valid and
    // invalid sequences of every length come up.
    let pool: [UInt8] =
      Array(0x20...0x7E) + [0x0A, 0xC2, 0xC3, 0xD0, 0xDF, 0xE0, 0xE2, 0xED, 0xEF]
      + [0xF0, 0xF4, 0xF5, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
    var agreed = 0
    for _ in 0..<3000 {
      let length = Int(rng.next() % 40)
      let bytes = (0..<length).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
      let swift = String(validating: bytes, as: UTF8.self)
      #expect(valid(bytes) == (swift != nil), "\(bytes)")
      #expect(UTF8Strings.string(bytes) == String(decoding: bytes, as: UTF8.self))
      agreed += 1
    }
    #expect(agreed == 3000)
  }

  @Test func validBytesBecomeTheSameString() {
    let text = "Bür\u{AD}ger – “quoted” 😀\n\tend"
    let s = UTF8Strings.string(Array(text.utf8))
    #expect(s == text)
    #expect(Array(s.utf8) == Array(text.utf8))
  }
}

/// Long inputs, so the 32-bytes-at-a-time ASCII skip meets every kind of sequence at every offset.
@Suite struct UTF8StringsLongInputTests {
  @Test func agreesWithSwiftOnLongMostlyASCIIInputs() {
    var rng = SplitMix64(seed: 8)
    let odd: [UInt8] = [0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xED, 0xA0, 0xFF, 0x80, 0xC0]
    for _ in 0..<2000 {
      let length = Int(rng.next() % 300)
      // From dense to very sparse non-ASCII, so that long ASCII stretches come up too.
      let density = 2 + rng.next() % 200
      let bytes: [UInt8] = (0..<length).map { _ in
        rng.next() % density == 0 ? odd[Int(rng.next() % UInt64(odd.count))] : UInt8(0x20 + rng.next() % 95)
      }
      let valid = bytes.withUnsafeBufferPointer { UTF8Strings.isValid($0) }
      #expect(valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
    }
  }

  @Test func uncheckedStringKeepsTheBytes() {
    let text = "plain ASCII and more: Grüße"
    let s = Array(text.utf8).withUnsafeBufferPointer { UTF8Strings.uncheckedString($0) }
    #expect(s == text)
  }
}
