import Testing

@testable import Stages

/// The mojibake check skips long ASCII runs on bytes; it must decide exactly as the check that
/// reads every character does.
@Suite struct BadnessSkipTests {
  func both(_ text: String) -> (bytes: Bool, scalars: Bool) {
    let bytes = Array(text.utf8)
    let onBytes = bytes.withUnsafeBufferPointer { Badness.isBad(utf8: $0) }
    return (onBytes, Badness.isBad(text.unicodeScalars.map(\.value)))
  }

  @Test func asciiIsNeutralSoRunsMayBeSkipped() {
    #expect(Badness.asciiIsNeutral)
  }

  @Test func mojibakeAfterAndBeforeLongAsciiRuns() {
    let runs = ["", "a", "ab", "abc", "plain words ", String(repeating: "long ascii run ", count: 5)]
    let pieces = ["CafÃ©", "itâ€™s", "Ã ", "Â ", "ГўВЂВ™s", "вЂ", "Müller", "naïve", "Œuvre", "x°"]
    for before in runs {
      for piece in pieces {
        for after in runs {
          let text = before + piece + after
          let r = both(text)
          #expect(r.bytes == r.scalars, "\(text.debugDescription)")
        }
      }
    }
    #expect(both("a long run of plain text before CafÃ© and after it").bytes)
    #expect(!both("a long run of plain text before Café and after it").bytes)
  }

  @Test func randomTextsDecideAlike() {
    var rng = SplitMix64(state: 0xBAD_5EED)
    let pieces = [
      "a", "word ", "longer words here ", "\n", "Ã", "©", "â", "€", "™", "Â", " ", "é", "ü", "Ð",
      "°", "Œ", "в", "Ђ", "Г", "ў", "В", "(", ")", "1",
    ]
    for _ in 0..<3_000 {
      let text = (0..<Int.random(in: 1...30, using: &rng)).map { _ in
        pieces.randomElement(using: &rng) ?? ""
      }.joined()
      let r = both(text)
      #expect(r.bytes == r.scalars, "\(text.debugDescription)")
    }
  }
}
