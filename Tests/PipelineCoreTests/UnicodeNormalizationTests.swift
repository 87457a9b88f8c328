import Testing

@testable import PipelineCore

/// `text` in `form`.
private func normalized(_ text: String, _ form: UnicodeNormalization.Form) -> String {
  UnicodeNormalization.normalize(text, form)
}

/// The code points of `text` as `U+XXXX` words. Tests compare these, not `String`s: `==` on
/// `String` treats canonically equivalent texts as equal (`"e\u{301}" == "\u{E9}"`).
private func codePoints(_ text: String) -> String {
  text.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
}

/// `text` normalised through the UTF-8 buffer API, appended after `prefix`.
private func normalizedBytes(_ text: String, _ form: UnicodeNormalization.Form, after prefix: [UInt8] = [])
  -> [UInt8]
{
  var out = prefix
  Array(text.utf8).withUnsafeBufferPointer { UnicodeNormalization.normalize(utf8: $0, form, into: &out) }
  return out
}

@Suite struct UnicodeNormalizationTests {
  // MARK: Composition and decomposition

  @Test func composesAndDecomposesAnAccentedLetter() {
    #expect(codePoints(normalized("e\u{301}", .nfc)) == codePoints("\u{E9}"))
    #expect(codePoints(normalized("\u{E9}", .nfd)) == "U+65 U+301")
    #expect(normalized("\u{E9}", .nfc).utf8.count == 2)
    #expect(codePoints(normalized("Cafe\u{301} cre\u{300}me", .nfc)) == codePoints("Caf\u{E9} cr\u{E8}me"))
  }

  @Test func compatibilityFormsFoldLigaturesSuperscriptsAndWidth() {
    #expect(codePoints(normalized("\u{FB01}", .nfkc)) == codePoints("fi"))
    #expect(codePoints(normalized("\u{B9}", .nfkc)) == codePoints("1"))
    #expect(codePoints(normalized("\u{FF26}\u{FF55}\u{FF4C}\u{FF4C}", .nfkc)) == codePoints("Full"))
    #expect(codePoints(normalized("10\u{B3}", .nfkd)) == codePoints("103"))
    // The canonical forms leave compatibility characters alone.
    #expect(codePoints(normalized("\u{FB01} \u{B9} \u{FF26}", .nfc)) == codePoints("\u{FB01} \u{B9} \u{FF26}"))
    #expect(codePoints(normalized("\u{FB01} \u{B9} \u{FF26}", .nfd)) == codePoints("\u{FB01} \u{B9} \u{FF26}"))
    // NFKC composes what the compatibility decomposition leaves decomposed.
    #expect(codePoints(normalized("\u{1E9B}\u{323}", .nfkc)) == codePoints("\u{1E69}"))
    #expect(codePoints(normalized("\u{1E9B}\u{323}", .nfkd)) == "U+73 U+323 U+307")
  }

  @Test func hangulSyllablesComposeAndDecomposeByArithmetic() {
    #expect(codePoints(normalized("\u{1100}\u{1161}\u{11A8}", .nfc)) == codePoints("\u{AC01}"))
    #expect(codePoints(normalized("\u{AC01}", .nfd)) == "U+1100 U+1161 U+11A8")
    #expect(codePoints(normalized("\u{1100}\u{1161}", .nfc)) == codePoints("\u{AC00}"))
    // An LV syllable takes a trailing consonant; an LVT syllable does not take a second one.
    #expect(codePoints(normalized("\u{AC00}\u{11A8}", .nfc)) == codePoints("\u{AC01}"))
    #expect(codePoints(normalized("\u{AC01}\u{11A8}", .nfc)) == "U+AC01 U+11A8")
    // U+11A7 is below the first trailing consonant.
    #expect(codePoints(normalized("\u{AC00}\u{11A7}", .nfc)) == "U+AC00 U+11A7")
    #expect(codePoints(normalized("\u{D55C}\u{AD6D}\u{C5B4}", .nfc)) == codePoints("\u{D55C}\u{AD6D}\u{C5B4}"))
    #expect(
      codePoints(normalized(normalized("\u{D55C}\u{AD6D}\u{C5B4}", .nfd), .nfc))
        == codePoints("\u{D55C}\u{AD6D}\u{C5B4}"))
  }

  @Test func marksAreReorderedByCombiningClassBeforeComposing() {
    // U+0323 (class 220) sorts before U+0302 (class 230) whatever the input order.
    #expect(codePoints(normalized("a\u{323}\u{302}", .nfc)) == codePoints("\u{1EAD}"))
    #expect(codePoints(normalized("a\u{302}\u{323}", .nfc)) == codePoints("\u{1EAD}"))
    #expect(codePoints(normalized("a\u{302}\u{323}", .nfd)) == "U+61 U+323 U+302")
    #expect(codePoints(normalized("\u{1EAD}", .nfd)) == "U+61 U+323 U+302")
    // Marks of the same class keep their order.
    #expect(codePoints(normalized("a\u{301}\u{300}", .nfd)) == "U+61 U+301 U+300")
    #expect(codePoints(normalized("a\u{300}\u{301}", .nfc)) == "U+E0 U+301")
  }

  @Test func aLongRunOfMarksIsSortedStablyAndQuickly() {
    // 20000 marks alternating between class 230 (U+0301, U+0300) and class 220 (U+0316): the
    // 220s move before the 230s, each class keeps its order, and the first 230 composes.
    let marks = String(repeating: "\u{301}\u{316}\u{300}\u{316}", count: 5000)
    let nfd = normalized("e" + marks, .nfd)
    let expected =
      "e" + String(repeating: "\u{316}", count: 10_000)
      + String(repeating: "\u{301}\u{300}", count: 5000)
    #expect(Array(nfd.utf8) == Array(expected.utf8))
    let nfc = normalized("e" + marks, .nfc)
    let composed =
      "\u{E9}" + String(repeating: "\u{316}", count: 10_000) + "\u{300}"
      + String(repeating: "\u{301}\u{300}", count: 4999)
    #expect(Array(nfc.utf8) == Array(composed.utf8))
  }

  @Test func blockedMarksDoNotCompose() {
    // A mark of the same class between the starter and the mark blocks it.
    #expect(codePoints(normalized("e\u{30A}\u{301}", .nfc)) == "U+65 U+30A U+301")
    // Unless the mark between composes with the starter first: the composite takes the next mark.
    #expect(codePoints(normalized("a\u{302}\u{301}", .nfc)) == "U+1EA5")
    // A mark of a lower class between does not: U+0316 (220) then U+0301 (230).
    #expect(codePoints(normalized("a\u{316}\u{301}", .nfc)) == "U+E1 U+316")
    // Another starter between blocks.
    #expect(codePoints(normalized("\u{1100}a\u{1161}", .nfc)) == "U+1100 U+61 U+1161")
    // A mark at the very start has no starter to compose with.
    #expect(codePoints(normalized("\u{301}e", .nfc)) == "U+301 U+65")
  }

  @Test func compositionExclusionsStayDecomposed() {
    // Script-specific exclusion: DEVANAGARI LETTER QA.
    #expect(codePoints(normalized("\u{958}", .nfc)) == "U+915 U+93C")
    #expect(codePoints(normalized("\u{915}\u{93C}", .nfc)) == "U+915 U+93C")
    // Singletons: OHM SIGN and ANGSTROM SIGN.
    #expect(codePoints(normalized("\u{2126}", .nfc)) == codePoints("\u{3A9}"))
    #expect(codePoints(normalized("\u{212B}", .nfc)) == codePoints("\u{C5}"))
    // Non-starter decomposition: COMBINING GREEK DIALYTIKA TONOS.
    #expect(codePoints(normalized("\u{344}", .nfc)) == "U+308 U+301")
    // Post-composition-version exclusion: U+2ADC FORKING stays U+2ADD U+0338.
    #expect(codePoints(normalized("\u{2ADC}", .nfc)) == "U+2ADD U+338")
  }

  // MARK: Text that must not change

  @Test(arguments: [
    "Қазақстан Республикасының Президенті Әділет министрлігіне ұсыныс жасады",
    "Президент России подписал указ о ёлке",
    "Η Ελληνική Δημοκρατία ανακοίνωσε μέτρα για τις τιμές ενέργειας",
    "中华人民共和国国务院新闻办公室举行发布会",
    "東京都は新型コロナウイルスの感染者を確認した",
    "서울특별시는 새로운 정책을 발표했다",
    "Thủ tướng Chính phủ Việt Nam phát biểu",
    "Emoji 👍🏽 👨‍👩‍👧 🇰🇿 ❤️ stay as they are",
    "Größe, naïve, façade, São Paulo, Kraków, İstanbul",
    "",
  ])
  func normalisedTextIsUnchangedUnderNFC(_ text: String) {
    #expect(codePoints(normalized(text, .nfc)) == codePoints(text))
    #expect(Array(normalized(text, .nfc).utf8) == Array(text.utf8))
    #expect(UnicodeNormalization.isQuickCheckYes(text, .nfc))
    #expect(codePoints(normalized(text, .nfkc)) == codePoints(text))
  }

  @Test func pureASCIIIsUnchangedInEveryForm() {
    let text = "The quick brown fox, 2024-05-01: \"jumps\" over the lazy dog.\n\tEnd."
    for form in UnicodeNormalization.Form.allCases {
      #expect(codePoints(normalized(text, form)) == codePoints(text))
      #expect(UnicodeNormalization.isQuickCheckYes(text, form))
    }
  }

  // MARK: Fast path boundaries

  @Test func aChangeIsFoundAtEveryOffsetAroundTheEightByteASCIIRuns() {
    for prefix in 0..<20 {
      for suffix in [0, 1, 7, 8, 9] {
        let head = String(repeating: "x", count: prefix)
        let tail = String(repeating: "y", count: suffix)
        #expect(codePoints(normalized(head + "e\u{301}" + tail, .nfc)) == codePoints(head + "\u{E9}" + tail))
        #expect(Array(normalized(head + "\u{E9}" + tail, .nfd).utf8) == Array((head + "e\u{301}" + tail).utf8))
        #expect(codePoints(normalized(head + "\u{FB01}" + tail, .nfkc)) == codePoints(head + "fi" + tail))
      }
    }
  }

  @Test func segmentsAfterNonASCIIStarters() {
    // The starter before a combining mark is a multi-byte letter.
    #expect(codePoints(normalized("Ж\u{308}ж\u{308}", .nfc)) == codePoints("\u{4DC}\u{4DD}"))
    #expect(codePoints(normalized("\u{3B1}\u{301} \u{3C9}\u{345}", .nfc)) == codePoints("\u{3AC} \u{1FF3}"))
    // Several segments in one text, with stable text between them.
    #expect(
      codePoints(normalized("e\u{301}t\u{E9} o\u{308} \u{2126} \u{FB01}n", .nfc))
        == codePoints("\u{E9}t\u{E9} \u{F6} \u{3A9} \u{FB01}n"))
  }

  @Test func theBufferAPIAppendsToWhatIsThere() {
    #expect(normalizedBytes("e\u{301}", .nfc, after: [0x3E]) == [0x3E, 0xC3, 0xA9])
    #expect(normalizedBytes("plain", .nfc, after: [0x3E]) == Array(">plain".utf8))
    #expect(normalizedBytes("", .nfd, after: [0x3E]) == [0x3E])
  }

  @Test func invalidUTF8IsCopiedAndNothingCombinesAcrossIt() {
    // a, a stray 0xFF, then U+0301: the mark has no starter to compose with.
    let bytes: [UInt8] = [0x61, 0xFF, 0xCC, 0x81, 0x65, 0xCC, 0x81, 0xE2, 0x82]
    var out: [UInt8] = []
    bytes.withUnsafeBufferPointer { UnicodeNormalization.normalize(utf8: $0, .nfc, into: &out) }
    #expect(out == [0x61, 0xFF, 0xCC, 0x81, 0xC3, 0xA9, 0xE2, 0x82])
    #expect(!bytes.withUnsafeBufferPointer { UnicodeNormalization.isQuickCheckYes(utf8: $0, .nfc) })
  }

  // MARK: Properties

  @Test func normalisingTwiceChangesNothing() {
    let samples = [
      "e\u{301}\u{323}\u{FB01}\u{2126}\u{958}\u{1100}\u{1161}\u{11A8}",
      "\u{1E9B}\u{323} \u{FF26}\u{FF55}\u{FF4C}\u{FF4C} \u{FDFA} \u{3300} \u{2460}",
      "a\u{302}\u{323}\u{301}\u{316}\u{F73}\u{F75}\u{344} \u{AC00}\u{11A8}",
    ]
    for text in samples {
      for form in UnicodeNormalization.Form.allCases {
        let once = normalized(text, form)
        #expect(codePoints(normalized(once, form)) == codePoints(once), "\(form): \(codePoints(text))")
        #expect(UnicodeNormalization.isQuickCheckYes(once, form) || form.isComposed, "\(form): \(codePoints(once))")
      }
      #expect(codePoints(normalized(normalized(text, .nfd), .nfc)) == codePoints(normalized(text, .nfc)))
      #expect(codePoints(normalized(normalized(text, .nfkd), .nfkc)) == codePoints(normalized(text, .nfkc)))
    }
  }

  @Test func quickCheckAnswersYesOnlyWhenItIsSure() {
    #expect(UnicodeNormalization.isQuickCheckYes("\u{E9}", .nfc))
    #expect(!UnicodeNormalization.isQuickCheckYes("\u{E9}", .nfd))
    // U+0301 can compose with what precedes it: MAYBE, so not YES.
    #expect(!UnicodeNormalization.isQuickCheckYes("e\u{301}", .nfc))
    #expect(UnicodeNormalization.isQuickCheckYes("e\u{301}", .nfd))
    // Marks out of canonical order.
    #expect(!UnicodeNormalization.isQuickCheckYes("a\u{302}\u{323}", .nfd))
    #expect(UnicodeNormalization.isQuickCheckYes("a\u{323}\u{302}", .nfd))
    #expect(!UnicodeNormalization.isQuickCheckYes("\u{2126}", .nfc))
    #expect(UnicodeNormalization.isQuickCheckYes("\u{FB01}", .nfc))
    #expect(!UnicodeNormalization.isQuickCheckYes("\u{FB01}", .nfkc))
    #expect(UnicodeNormalization.isQuickCheckYes("\u{AC01}", .nfc))
    #expect(!UnicodeNormalization.isQuickCheckYes("\u{AC01}", .nfkd))
  }

  @Test func tablesAreFromTheUnicodeVersionTheyClaim() {
    #expect(UnicodeNormalization.unicodeVersion == "14.0.0")
    #expect(unicodeNormalizationCompositions.count.nonzeroBitCount == 1)
  }

  // MARK: Conformance with Python's unicodedata

  /// Every vector generated from `unicodedata.normalize` (every code point with a decomposition, a
  /// combining class or a composition, alone and in sequences; Hangul; random mixes) agrees in all
  /// four forms, and the quick check never answers YES for text that normalisation changes.
  @Test func agreesWithPythonsUnicodedataOnEveryVector() {
    let vectors = ConformanceVector.parse(unicodeNormalizationVectors)
    var checks = 0
    var failures: [String] = []
    var out: [UInt8] = []
    for vector in vectors {
      for (form, expected) in [
        (UnicodeNormalization.Form.nfc, vector.nfc), (.nfd, vector.nfd), (.nfkc, vector.nfkc), (.nfkd, vector.nfkd),
      ] {
        checks += 1
        out.removeAll(keepingCapacity: true)
        let quickYes = vector.source.withUnsafeBufferPointer { input in
          UnicodeNormalization.normalize(utf8: input, form, into: &out)
          return UnicodeNormalization.isQuickCheckYes(utf8: input, form)
        }
        if out != expected {
          failures.append(
            "\(form) of \(vector.text(vector.source)): \(vector.text(out)), expected \(vector.text(expected))")
        }
        if quickYes, vector.source != expected {
          failures.append("quick check says \(form) for \(vector.text(vector.source))")
        }
      }
    }
    print(
      "UnicodeNormalization: \(checks - failures.count) of \(checks) checks agree with unicodedata "
        + "(\(vectors.count) vectors, Unicode \(UnicodeNormalization.unicodeVersion))")
    #expect(vectors.count == unicodeNormalizationVectors.utf8.count { $0 == UInt8(ascii: "\n") } + 1)
    #expect(vectors.count > 10_000)
    #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(5))")
  }
}

/// One line of `unicodeNormalizationVectors`, as UTF-8 bytes.
private struct ConformanceVector {
  var source: [UInt8]
  var nfc: [UInt8]
  var nfd: [UInt8]
  var nfkc: [UInt8]
  var nfkd: [UInt8]

  /// The vectors of `text` (`source;NFC;NFD;NFKC;NFKD` lines of hexadecimal code points; an empty
  /// field is the source for NFC and NFD, NFC for NFKC, NFD for NFKD).
  static func parse(_ text: String) -> [ConformanceVector] {
    var vectors: [ConformanceVector] = []
    var fields: [[UInt8]] = []
    var field: [UInt8] = []
    var value: UInt32 = 0
    var digits = 0
    func endScalar() {
      if digits > 0, let scalar = Unicode.Scalar(value) { field.append(contentsOf: Array(String(scalar).utf8)) }
      value = 0
      digits = 0
    }
    for byte in Array(text.utf8) + [UInt8(ascii: "\n")] {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        value = value << 4 | UInt32(byte - UInt8(ascii: "0"))
        digits += 1
      case UInt8(ascii: "A")...UInt8(ascii: "F"):
        value = value << 4 | UInt32(byte - UInt8(ascii: "A") + 10)
        digits += 1
      case UInt8(ascii: " "): endScalar()
      case UInt8(ascii: ";"):
        endScalar()
        fields.append(field)
        field = []
      default:  // end of line
        endScalar()
        fields.append(field)
        field = []
        if fields.count == 5 {
          let nfc = fields[1].isEmpty ? fields[0] : fields[1]
          let nfd = fields[2].isEmpty ? fields[0] : fields[2]
          vectors.append(
            ConformanceVector(
              source: fields[0], nfc: nfc, nfd: nfd, nfkc: fields[3].isEmpty ? nfc : fields[3],
              nfkd: fields[4].isEmpty ? nfd : fields[4]))
        }
        fields = []
      }
    }
    return vectors
  }

  /// `bytes` as `U+XXXX` words.
  func text(_ bytes: [UInt8]) -> String { codePoints(String(decoding: bytes, as: UTF8.self)) }
}
