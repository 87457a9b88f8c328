// The helpers are internal, so these tests need a testable build: debug only (release test
// builds, used for the benchmark, are not compiled for testing).
#if DEBUG
  import PipelineCore
  import Testing

  @testable import Stages

  /// The sixteen-bytes-at-a-time paths of `normalise` against simple byte-by-byte versions: the
  /// plain-run finder, the check that proves the start of a text clean (the whole pass run
  /// with and without it), and the fast-path tables built from ranges.
  @Suite("normalise: speed paths against simple versions") struct NormaliseSpeedPathTests {
    /// Where the plain run starting at `start` ends, byte by byte: printable ASCII but `&`, and
    /// spaces followed by such a byte.
    static func referenceEnd(_ bytes: [UInt8], from start: Int) -> Int {
      func plain(_ c: UInt8) -> Bool { c > 0x20 && c < 0x7F && c != 0x26 }
      var j = start
      while j < bytes.count {
        if plain(bytes[j]) || (bytes[j] == 0x20 && j + 1 < bytes.count && plain(bytes[j + 1])) {
          j += 1
        } else {
          break
        }
      }
      return j
    }

    static func end(_ bytes: [UInt8], from start: Int) -> Int {
      bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return 0 }
        return CleanRun.end(base, from: start, count: buffer.count)
      }
    }

    @Test func plainRunsEndWhereTheByteRulesSay() {
      #expect(Self.end(Array("two words".utf8), from: 0) == 9)
      #expect(Self.end(Array("two  spaces".utf8), from: 0) == 3)
      #expect(Self.end(Array("fish & chips".utf8), from: 0) == 4)
      #expect(Self.end(Array("trailing ".utf8), from: 0) == 8)
      #expect(Self.end(Array("line\nbreak".utf8), from: 0) == 4)
      #expect(Self.end(Array("Café au lait, a long line of words".utf8), from: 0) == 3)
      #expect(Self.end(Array("a tab\tafter sixteen bytes of words".utf8), from: 0) == 5)
      // A stop byte at every offset of a sixteen-byte step, and a space right before it.
      for stop: UInt8 in [0x0A, 0x09, 0x26, 0x7F, 0x20, 0xC3, 0xE2, 0x00] {
        for offset in 0..<40 {
          for spaceBefore in [false, true] {
            var bytes = Array(repeating: UInt8(ascii: "x"), count: 48)
            bytes[offset] = stop
            if spaceBefore && offset > 0 { bytes[offset - 1] = 0x20 }
            #expect(Self.end(bytes, from: 0) == Self.referenceEnd(bytes, from: 0))
          }
        }
      }
    }

    @Test func plainRunsOfRandomBytesMatchTheByteRules() {
      let alphabet: [UInt8] = [0x20, 0x20, 0x20, 0x41, 0x61, 0x7A, 0x2E, 0x26, 0x0A, 0x09, 0x7F, 0xC3, 0xA9]
      var rng = SplitMix64(state: 0xC1EA_4E)
      for _ in 0..<2_000 {
        let count = Int.random(in: 0...70, using: &rng)
        let bytes = (0..<count).map { _ in
          Int.random(in: 0..<4, using: &rng) == 0
            ? alphabet.randomElement(using: &rng) ?? 0x20 : UInt8.random(in: 0x21...0x7E, using: &rng)
        }
        let start = count == 0 ? 0 : Int.random(in: 0..<count, using: &rng)
        #expect(Self.end(bytes, from: start) == Self.referenceEnd(bytes, from: start), "\(bytes)")
      }
    }

    /// The whole pass with and without skipping the clean start of the text.
    static func both(_ text: String, _ configure: (inout Normaliser) -> Void = { _ in }) -> (
      String?, String?
    ) {
      var fast = Normaliser()
      configure(&fast)
      var slow = fast
      slow.skipsCleanStart = false
      var r1 = NormaliseReport()
      var r2 = NormaliseReport()
      return (fast.normalise(text, report: &r1), slow.normalise(text, report: &r2))
    }

    @Test func skippingTheCleanStartChangesNothing() {
      let samples = [
        "Plain line.\nAnother line.\n\nA paragraph after a blank line.",
        "Grüße aus Zürich — “quoted” and ‘single’ – Қазақстан, ұлттық. Ещё строка.",
        "Clean start.\nThen Caf\u{C3}\u{A9} mojibake on the second line.",
        "Clean start.\nThen it\u{E2}\u{20AC}\u{2122}s broken.",
        "Clean start.\nFish &amp; chips.",
        "Clean start. \nA trailing space above.",
        "Clean start.\n\n\nTwo blank lines.",
        "Clean start.\n  indented line",
        "Ends with a newline.\n",
        "Two  spaces.",
        "Mu\u{308}ller needs NFC.",
        "No\u{A0}break and zero\u{200B}width.",
        "Emoji 👍 and ﬁ ligature.",
        "Ã at the start",
        "Greek αβγ and Ђ alone.",
        "",
      ]
      for text in samples {
        let (fast, slow) = Self.both(text)
        #expect(fast == slow, "\(text.debugDescription)")
      }
    }

    @Test func skippingTheCleanStartChangesNothingOnRandomText() {
      let pieces = [
        "word", "Wörter", "слово", "ж", " ", " ", "  ", "\n", "\n\n", "\n\n\n", ".", "&amp;", "&",
        "Ã©", "â€™", "Â", "Ã", "é", "’", "“", "—", "\u{A0}", "\u{200B}", "\u{AD}", "e\u{301}", "\t",
        "\r\n", "👍", "Œ", "°", "Ð°", "ΑΒΓ",
      ]
      var rng = SplitMix64(state: 0xFA57_57A7)
      for round in 0..<3_000 {
        let text = (0..<Int.random(in: 1...24, using: &rng)).map { _ in
          pieces.randomElement(using: &rng) ?? ""
        }.joined()
        let (fast, slow) = Self.both(text) { n in
          n.repairMojibake = round % 3 != 1
          n.decodeEntities = round % 4 != 2
        }
        #expect(fast == slow, "\(text.debugDescription)")
      }
    }

    @Test func cleanTextIsLeftWithoutACopy() {
      var normaliser = Normaliser()
      for text in [
        "Plain words.\nNon-ASCII: Grüne Straße, “quotes”, Қазақстан.\n\nA new paragraph.", "é",
      ] {
        var t = text
        let problem = t.withUTF8 { normaliser.firstProblem($0) }
        #expect(problem == nil, "\(text.debugDescription)")
      }
      normaliser.repairMojibake = true
      for text in ["Caf\u{C3}\u{A9}", "a\n\n\nb", " lead", "trail ", "a &amp; b", "x\u{A0}y", "e\u{301}"] {
        var t = text
        let problem = t.withUTF8 { normaliser.firstProblem($0) }
        #expect(problem != nil, "\(text.debugDescription)")
      }
    }

    @Test func specialRangesHoldEveryCharacterWithARule() {
      var inRanges = Set<UInt32>()
      for range in TextCleaner.specialRanges { inRanges.formUnion(range) }
      for cp in UInt32(0x80)...0xFFFF where !inRanges.contains(cp) {
        let hasRule =
          TextCleaner.action(for: cp) != .keep || TextCleaner.mayStartMojibakeAlone(cp)
          || TextCleaner.asciiReplacement(cp) != nil
        #expect(!hasRule, "U+\(String(cp, radix: 16))")
      }
    }

    @Test func sparseMojibakeClassesAreListed() {
      for cp in MojibakeCategoryTable.denseLimit...0xFFFF where !MojibakeCategory.sparse.contains(cp) {
        #expect(MojibakeCategory.of(cp) == [], "U+\(String(cp, radix: 16))")
      }
    }

    @Test(arguments: [NormalForm.nfc, .nfkc, .none], [false, true])
    func fastPathTablesMatchTheRulesForEveryCharacter(form: NormalForm, asciiPunctuation: Bool) {
      let table = CleanerFastPath.table(form: form, asciiPunctuation: asciiPunctuation)
      let normalization: NormalizationCheck? = form == .nfc ? .nfc : form == .nfkc ? .nfkc : nil
      let strong = MojibakeCategory.mojibakeClasses.subtracting([.lowerCommon, .upperCommon, .common])
      var wrong = 0
      for cp in UInt32(0x80)...0xFFFF {
        let slow =
          TextCleaner.action(for: cp) != .keep || TextCleaner.mayStartMojibakeAlone(cp) || cp == 0x402
          || (0xD800...0xDFFF).contains(cp) || normalization?.isSensitive(cp) == true
          || (asciiPunctuation && TextCleaner.asciiReplacement(cp) != nil)
        if table.isSlow(cp) != slow { wrong += 1 }
        // Followed by the Cyrillic "а" (not strong itself), only a strong character may form
        // mojibake.
        let isStrong = MojibakeCategory.of(cp).containsAny(strong) || cp == 0x402
        let follower: [UInt8] = [0xD0, 0xB0]
        let formsMojibake = follower.withUnsafeBufferPointer { buffer in
          buffer.baseAddress.map { table.mayFormMojibake(cp, followedBy: $0, at: 0) } ?? false
        }
        if formsMojibake != isStrong { wrong += 1 }
      }
      #expect(wrong == 0)
    }
  }
#endif
