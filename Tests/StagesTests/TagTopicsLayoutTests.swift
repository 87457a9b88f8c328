import Foundation
import Testing

@testable import Stages

/// Where `tag-topics` finds the headline and the lead.
@Suite struct TagTopicsLayoutTests {
  func layout(_ text: String, lead: Int = 10, detectHeadline: Bool = true) -> (
    headline: String, lead: String, characters: Int
  ) {
    var text = text
    return text.withUTF8 { bytes in
      let l = TopicTextLayout(bytes, leadLength: lead, detectHeadline: detectHeadline)
      let headline = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[l.headline]), as: UTF8.self)
      let start = l.headline.isEmpty ? 0 : l.headline.upperBound
      let leadText = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<l.leadEnd]), as: UTF8.self)
      return (headline, leadText.trimmingCharacters(in: .whitespacesAndNewlines), l.characters)
    }
  }

  @Test func shortFirstLineIsTheHeadline() {
    let l = layout("  Visa rules eased  \n\nThe government said on Monday that rules change.")
    #expect(l.headline == "Visa rules eased")
    #expect(l.lead == "The govern")
  }

  @Test func aFirstLineEndingInAFullStopIsNotAHeadline() {
    #expect(layout("The minister spoke.\nThen she left.").headline == "")
  }

  @Test func aLongFirstLineIsNotAHeadline() {
    let long = String(repeating: "word ", count: 60) + "\nMore text."
    #expect(layout(long).headline == "")
  }

  @Test func aTextOfOneLineHasNoHeadline() {
    #expect(layout("Only a title").headline == "")
  }

  @Test func leadCountsCharactersNotBytes() {
    let l = layout("Заголовок\n\nВизовый режим упрощён для граждан.", lead: 7)
    #expect(l.headline == "Заголовок")
    #expect(l.lead == "Визовый")
    #expect(layout("Ж ж ж", detectHeadline: false).characters == 5)
  }

  @Test func continuationBytesCounting() {
    var text = String(repeating: "aé€😀", count: 5) + "xyz"
    let n = text.withUTF8 { TopicTextLayout.continuationBytes($0) }
    // é: 1, €: 2, 😀: 3 continuation bytes each time.
    #expect(n == 30)
  }

  /// Long texts are counted in blocks of words; the count must not depend on the block size.
  @Test func continuationBytesInLongTexts() {
    for (unit, repeats, perUnit) in [("ж", 5000, 1), ("😀€ a", 1500, 5), ("plain ascii ", 400, 0)] {
      var text = String(repeating: unit, count: repeats) + "é"
      let n = text.withUTF8 { TopicTextLayout.continuationBytes($0) }
      #expect(n == repeats * perUnit + 1)
    }
  }
}
