import Foundation
import PipelineCore
import Testing

@testable import Stages

/// The letter masks of the line scanner's fast path (``LetterStops``, ``ByteLaneMask``) and the
/// differential test: the scanner measures every line the same with and without them.
@Suite struct StripBoilerplateLetterStopsTests {
  /// The run length `LetterStops` reports for the word at `at` in `text` (padded to 64 bytes and
  /// more with spaces, so that the block fits).
  private func run(_ text: String, at: Int = 0, pad: Int = 80) -> Int {
    let bytes = Array(text.utf8) + [UInt8](repeating: 0x20, count: pad)
    var stops = LetterStops(limit: bytes.count)
    return bytes.withUnsafeBufferPointer { stops.run($0, at: at) }
  }

  @Test func runsStopAtNonLettersAndCaseChanges() {
    #expect(run("hello world") == 5)
    #expect(run("Hello, world") == 5)
    #expect(run("a b") == 1)
    #expect(run("iconInstagram") == 4)
    #expect(run("iconInstagram", at: 4) == 9)
    #expect(run("NASA rocket") == 4)
    #expect(run("OTTAWAnews") == 10)
    #expect(run("abc1def") == 3)
    #expect(run("für") == 1)
    #expect(run("news\u{AD}paper") == 4)
    #expect(run("Zeitungsartikel-Archiv") == 15)
  }

  @Test func wordsPastTheFirst49BytesAreReadFromANewBlock() {
    // The block loaded at 0 serves the word at 40; the word at 52 gets a block of its own.
    let text = "a" + String(repeating: " ", count: 39) + "abcdefghij  abcdefghijkl m"
    let bytes = Array(text.utf8) + [UInt8](repeating: 0x20, count: 80)
    var stops = LetterStops(limit: bytes.count)
    bytes.withUnsafeBufferPointer { p in
      #expect(stops.run(p, at: 0) == 1)
      #expect(stops.run(p, at: 40) == 10)
      #expect(stops.run(p, at: 52) == 12)
      #expect(stops.run(p, at: 65) == 1)
    }
  }

  @Test func longOrUnknownRunsAreZeroOrSixteenAndMore() {
    // Too close to the end of the text for a block, or masks off: 0.
    #expect(run("hello world", pad: 10) == 0)
    let bytes = Array("hello world".utf8) + [UInt8](repeating: 0x20, count: 80)
    var off = LetterStops(limit: 0)
    #expect(bytes.withUnsafeBufferPointer { off.run($0, at: 0) } == 0)
    // Long runs, inside the block or leaving it: 16 or more.
    #expect(run(String(repeating: "x", count: 20)) >= 16)
    #expect(run(String(repeating: "x", count: 70)) >= 16)
    let text = "a" + String(repeating: " ", count: 39) + String(repeating: "x", count: 30)
    let padded = Array(text.utf8) + [UInt8](repeating: 0x20, count: 80)
    var stops = LetterStops(limit: padded.count)
    padded.withUnsafeBufferPointer { p in
      #expect(stops.run(p, at: 0) == 1)
      #expect(stops.run(p, at: 40) >= 16)
    }
  }

  /// The intrinsic mask and the portable one agree on random comparisons.
  @Test func portableLaneMaskAgrees() {
    var random = SplitMix64(seed: 0x5EED_0001)
    for _ in 0..<2000 {
      let raw = SIMD2<UInt64>(random.next(), random.next())
      let v = unsafeBitCast(raw, to: SIMD16<UInt8>.self)
      let m = v .< SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: random.next()))
      var expected: UInt64 = 0
      for k in 0..<16 where m[k] { expected |= 1 << UInt64(k) }
      #expect(ByteLaneMask.bits(m) == expected)
      #expect(ByteLaneMask.portable(m) == expected)
    }
  }

  private let scanner = LineScanner(vocabulary: BoilerplateVocabulary.builtIn)

  /// The features of every line of `text`, with and without the letter masks.
  private func bothWays(_ text: String) -> ([LineFeatures], [LineFeatures]) {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { p in
      (scanner.scan(p), scanner.scan(p, letterMasks: false))
    }
  }

  @Test func examplesMeasureTheSame() {
    for text in [
      "Share on Facebook\nRead more: the iconInstagram and DaulbayevOTTAWA glued words.",
      "Foto: dpa\n(Photo: Reuters)\nBy Jane Doe\n© 2024 Example Media. All rights reserved.",
      "Die Regierung hat am Dienstag beschlossen, dass die Förderung erhöht wird.",
      "news\u{AD}paper zero\u{200B}width ABC123 abc1def 12. Item\n* bullet » Home › News",
      "Förderung für Straße erhöht abc1def Zeitungsartikelarchiv ÉTÉ Москва iOS McDonald",
      String(repeating: "Related articles | Newsletter | Kommentare ", count: 5),
    ] {
      // A padding line after the example, so that its words lie in full 64-byte blocks.
      let (fast, slow) = bothWays(text + "\n" + String(repeating: "padding words ", count: 6))
      #expect(fast == slow, "\(text)")
    }
  }

  /// Random text of ASCII letters of both cases, digits, spaces, punctuation, line breaks and a
  /// few multibyte letters, soft hyphens and zero-width spaces, plus vocabulary words.
  @Test func randomTextMeasuresTheSame() {
    var random = SplitMix64(seed: 0xB01E_57A1)
    let pieces = [
      "the", "The", "and", "share", "Facebook", "read", "more", "Newsletter", "subscribe",
      "für", "Straße", "ÉTÉ", "Москва", "\u{AD}", "\u{200B}", " ", "  ", "   ", "\n", "\n\n",
      ".", ", ", ": ", "(", ")", " | ", " › ", "«", "»", "1", "2024", "-", "…", "iOS", "McDonald",
      "abcdefghijklmnop", "Zeitungsartikel", "x", "Q",
    ]
    for _ in 0..<300 {
      var text = ""
      for _ in 0..<Int(random.next() % 120) {
        let roll = random.next() % 10
        if roll < 6 {
          text += pieces[Int(random.next() % UInt64(pieces.count))]
        } else {
          for _ in 0..<Int(1 + random.next() % 18) {
            let c = UInt8(truncatingIfNeeded: random.next() % 64)
            text.unicodeScalars.append(
              Unicode.Scalar(c < 26 ? 0x61 + c : c < 52 ? 0x41 + c - 26 : c < 60 ? 0x30 + c - 52 : 0x20))
          }
        }
      }
      let (fast, slow) = bothWays(text)
      #expect(fast == slow, "\(text.debugDescription)")
    }
  }

  /// The first 120 development pages measure the same (skipped when the shared corpus is
  /// missing; the scanner's own differential test reads them all).
  @Test func realPagesMeasureTheSame() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("shared/corpus/dev.input.jsonl")
    guard let data = FileManager.default.contents(atPath: url.path) else {
      print("skipped: the dev set (\(url.path)) is missing")
      return
    }
    var pages = 0
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n").prefix(120) {
      guard case .object(let record) = try JSONParser.parse(String(line)),
        let text = record["text"]?.stringValue
      else { continue }
      let (fast, slow) = bothWays(text)
      #expect(fast == slow, "page \(pages)")
      pages += 1
    }
    #expect(pages == 120)
  }
}
