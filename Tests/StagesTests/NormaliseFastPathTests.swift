import Foundation
import PipelineCore
import Stages
import Testing

/// The eight-bytes-at-a-time paths of `normalise` (word runs, indentation) against the slow,
/// obvious rules, with the characters that stop a run placed at every offset of a step: odd
/// spaces and invisible characters right after a space, a space as the eighth byte, long
/// indentation with tabs after eight spaces.
@Suite("normalise: fast paths against a reference") struct NormaliseFastPathTests {
  /// White-space rules for text whose only non-ASCII characters are Cyrillic letters, odd
  /// spaces (no-break, em) and invisible characters (zero-width space, soft hyphen).
  static func reference(_ text: String) -> String {
    var plain = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xA0, 0x2003: plain += " "
      case 0x200B, 0xAD: break
      default: plain.unicodeScalars.append(scalar)
      }
    }
    return NormaliseReferenceTests.reference(plain)
  }

  @Test func runsAndIndentationMatchTheReference() throws {
    let pieces = [
      "a", "bc", "Word", "eight by", ".", " ", " ", " ", "  ", "        ", "\t", "\n", "\n\n",
      "ж", "дом", "\u{A0}", "\u{2003}", "\u{200B}", "\u{AD}", "&", "x&y",
    ]
    let stage = try NormaliseStage.make()
    var rng = SplitMix64(state: 0x5EED_0F_FA57)
    for _ in 0..<3_000 {
      let input = (0..<Int.random(in: 1...60, using: &rng)).map { _ in
        pieces.randomElement(using: &rng) ?? ""
      }.joined()
      let output = try stage.apply(to: input).document.text
      #expect(output == Self.reference(input), "\(input.debugDescription)")
    }
  }

  @Test func aSpaceBeforeAStopCharacterAtEveryOffset() throws {
    let stage = try NormaliseStage.make()
    for stop in ["\u{A0}", "\u{2003}", "\u{200B}", "ж", "&", "\t", "  "] {
      for offset in 0..<17 {
        let input = String(repeating: "x", count: offset) + " " + stop + "y and more words here"
        let output = try stage.apply(to: input).document.text
        #expect(output == Self.reference(input), "\(input.debugDescription)")
      }
    }
  }

  @Test func deepIndentationAndBlankLines() throws {
    let stage = try NormaliseStage.make()
    let input =
      "Title\n" + String(repeating: " ", count: 37) + "\t  item one\n"
      + String(repeating: String(repeating: " ", count: 24) + "\n", count: 5)
      + String(repeating: " ", count: 16) + "item\u{A0} two   " + "\n" + String(repeating: " ", count: 9)
    #expect(try stage.apply(to: input).document.text == "Title\nitem one\n\nitem two")
  }
}

/// Only the characters that can change are handed to Foundation (with the character before
/// each run of them); the result must be what normalising whole lines gives.
@Suite("normalise: Unicode forms by segments") struct NormaliseSegmentTests {
  static let samples = [
    "Cafe\u{301} and Mu\u{308}ller, then a long tail of plain words after the marks",
    "\u{301}starts with a mark, e\u{301}\u{323} two marks, q\u{307} no composed form",
    "Hangul \u{1100}\u{1161}\u{11A8} and \u{1100}\u{1161} in one line, then ASCII",
    "ǅ Ω K Å ﬁ ² Ｘ ① ½ ſ ẛ\u{323} — compatibility and singletons",
    "Ελλάδα: α\u{301}θήνα, ε\u{308}, ω\u{345}\u{301} and Ё = Е\u{308}",
    "devanagari क\u{93C} and tamil கொ = க\u{BC6}\u{BBE}",
    "emoji 👍🏽 and a mark after an emoji 😀\u{301} and after a digit 1\u{301}",
  ]

  @Test(arguments: ["NFC", "NFKC"]) func segmentsGiveWhatWholeLinesGive(_ form: String) throws {
    let stage = try NormaliseStage.make(["form": .string(form)])
    for sample in Self.samples {
      let whole =
        form == "NFC"
        ? sample.precomposedStringWithCanonicalMapping
        : sample.precomposedStringWithCompatibilityMapping
      let output = try stage.apply(to: sample).document.text
      // Byte for byte, not just canonically equivalent.
      #expect(Array(output.utf8) == Array(whole.utf8), "\(sample.debugDescription)")
    }
  }
}
