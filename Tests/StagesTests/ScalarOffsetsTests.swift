import Testing

@testable import Stages

/// Evidence offsets in characters: the block index gives what counting from the start gives.
@Suite struct ScalarOffsetsTests {
  @Test func agreesWithCountingFromTheStart() {
    let samples = [
      "", "a", String(repeating: "ascii ", count: 40),
      String(repeating: "Grüße – „Zitat“ Қазақстан 日本 😀 ", count: 9),
      String(repeating: "x", count: 63) + "é" + String(repeating: "y", count: 64) + "ж",
    ]
    for text in samples {
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { b in
        let offsets = ScalarOffsets(b)
        for o in 0...b.count {
          #expect(offsets.scalars(before: o) == TopicStageSupport.scalarOffset(o, b))
        }
        #expect(offsets.scalars(before: b.count + 5) == text.unicodeScalars.count)
      }
    }
  }
}
