import Testing

@testable import PipelineCore

@Suite struct WordCharactersTableTests {
  /// The generated table agrees with the Unicode-property definition for every BMP character.
  @Test func generatedTableMatchesTheUnicodeProperties() {
    var mismatches: [UInt32] = []
    for v in UInt32(0)..<0x10000 {
      guard let s = Unicode.Scalar(v) else { continue }
      let bit = WordCharacters.basicPlane[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
      if bit != WordCharacters.classify(s) { mismatches.append(v) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map { String($0, radix: 16) })")
  }
}
