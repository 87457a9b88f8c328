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

  /// The headline as the simple definition finds it: the first line, byte by byte.
  func simpleHeadline(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var i = 0
    while i < bytes.count, TopicTextLayout.isSpace(bytes[i]) { i += 1 }
    let start = i
    var chars = 0
    while i < bytes.count, bytes[i] != 0x0A, chars <= TopicTextLayout.maximumHeadlineLength {
      if bytes[i] & 0xC0 != 0x80 { chars += 1 }
      i += 1
    }
    var last = i
    while last > start, TopicTextLayout.isSpace(bytes[last - 1]) { last -= 1 }
    var rest = i
    while rest < bytes.count, TopicTextLayout.isSpace(bytes[rest]) { rest += 1 }
    let ok =
      last > start && chars <= TopicTextLayout.maximumHeadlineLength
      && (i == bytes.count || bytes[i] == 0x0A) && bytes[last - 1] != UInt8(ascii: ".")
      && rest < bytes.count
    return ok ? String(decoding: bytes[start..<last], as: UTF8.self) : ""
  }

  @Test func headlinesAroundTheMaximumLengthAndLineFeeds() {
    // First lines of 190 to 210 characters, ASCII or not, with the line feed at every offset of
    // an eight-byte block: the block-wise count must agree with the byte-wise one.
    for unit in ["a", "é", "ж", "€", "😀"] {
      for length in 190...210 {
        let line = String(repeating: unit, count: length)
        for text in [line + "\nBody.", line + " \n\nBody.", "  " + line + "\nBody.", line] {
          #expect(layout(text).headline == simpleHeadline(text), "\(unit) × \(length)")
        }
      }
    }
    for offset in 0..<20 {
      let text = String(repeating: "x", count: offset) + "\nBody of the text."
      #expect(layout(text).headline == simpleHeadline(text))
    }
  }

  @Test func lineFeedTestOnEightBytes() {
    var rng = SplitMix64(seed: 3)
    for _ in 0..<20_000 {
      // Random words with some bytes set to 0x0A and its neighbours (0x09, 0x0B, 0x8A).
      var x = rng.next()
      for k in 0..<8 where rng.next() % 6 == 0 {
        let b: UInt64 = [0x0A, 0x09, 0x0B, 0x8A, 0x0A][Int(rng.next() % 5)]
        x = x & ~(0xFF << UInt64(8 * k)) | b << UInt64(8 * k)
      }
      let expected = (0..<8).contains { (x >> UInt64(8 * $0)) & 0xFF == 0x0A }
      #expect(TopicTextLayout.hasLineFeed(x) == expected)
    }
  }

  @Test func continuationBytesAgreesWithAByteLoop() {
    var rng = SplitMix64(seed: 8)
    let units = ["a", "é", "ж", "€", "😀", " ", "\n"]
    for length in 0..<80 {
      var text = (0..<length).map { _ in units[Int(rng.next() % 7)] }.joined()
      let expected = text.utf8.filter { $0 & 0xC0 == 0x80 }.count
      #expect(text.withUTF8 { TopicTextLayout.continuationBytes($0) } == expected)
    }
  }

  /// The byte offset after `characters` characters from `start`, byte by byte.
  func simpleAdvance(_ start: Int, _ characters: Int, _ bytes: [UInt8]) -> Int {
    var j = start
    var count = 0
    while j < bytes.count, count < characters {
      if bytes[j] & 0xC0 != 0x80 { count += 1 }
      j += 1
    }
    while j < bytes.count, bytes[j] & 0xC0 == 0x80 { j += 1 }
    return j
  }

  @Test func advanceAgreesWithAByteLoop() {
    var rng = SplitMix64(seed: 9)
    let units = ["a", "é", "ж", "€", "😀", " ", "\n"]
    for round in 0..<400 {
      // Mostly short texts; some longer than the 255 rounds of sixteen bytes of one batch.
      let length = round % 20 == 0 ? 3000 + Int(rng.next() % 2000) : Int(rng.next() % 300)
      var text = (0..<length).map { _ in units[Int(rng.next() % 7)] }.joined()
      let bytes = Array(text.utf8)
      let start = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
      let characters = round % 20 == 0 ? 5000 : Int(rng.next() % 450)
      let found = text.withUTF8 { TopicTextLayout.advance(start, characters: characters, in: $0) }
      #expect(found == simpleAdvance(start, characters, bytes), "\(length) \(start) \(characters)")
    }
  }
}
