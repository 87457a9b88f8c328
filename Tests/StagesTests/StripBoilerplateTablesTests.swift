import Foundation
import PipelineCore
import Testing

@testable import Stages

/// A small deterministic generator (xorshift) for the randomised tests.
private struct TestRandom {
  var state: UInt64
  mutating func next() -> UInt64 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

@Suite struct StripBoilerplatePackedTableTests {
  @Test func packsShortASCIIWordsOnly() {
    #expect(PackedWordTable.key(Array("the".utf8)) == 0x65_68_74)
    #expect(PackedWordTable.key(Array("abcdefgh".utf8)) == 0x6867_6665_6463_6261)
    #expect(PackedWordTable.key(Array("abcdefghi".utf8)) == nil)
    #expect(PackedWordTable.key(Array("für".utf8)) == nil)
    #expect(PackedWordTable.key([]) == nil)
  }

  @Test func findsItsWordsAndNothingElse() throws {
    let words = ["the", "und", "share", "facebook", "a", "1"]
    var entries: [UInt64: WordEntry] = [:]
    for (i, word) in words.enumerated() {
      entries[try #require(PackedWordTable.key(Array(word.utf8)))] = WordEntry(
        flags: UInt32(i + 1), id: UInt32(i))
    }
    let table = PackedWordTable(entries)
    for (i, word) in words.enumerated() {
      let key = try #require(PackedWordTable.key(Array(word.utf8)))
      #expect(table.entry(key) == WordEntry(flags: UInt32(i + 1), id: UInt32(i)), "\(word)")
    }
    for word in ["them", "th", "shares", "faceboo", "b"] {
      let key = try #require(PackedWordTable.key(Array(word.utf8)))
      #expect(table.entry(key) == WordEntry(), "\(word)")
    }
  }

  /// Random keys: the table answers as a dictionary does, for present and absent keys.
  @Test func agreesWithADictionary() {
    var random = TestRandom(state: 0x1234_5678_9ABC_DEF1)
    for size in [0, 1, 7, 100, 3000] {
      var entries: [UInt64: WordEntry] = [:]
      // Small keys collide in their home slots more often than real words: a harder test.
      for _ in 0..<size {
        entries[UInt64(random.below(5000) + 1)] = WordEntry(
          flags: UInt32(random.below(512)), id: UInt32(random.below(100)))
      }
      let table = PackedWordTable(entries)
      for key in 1...UInt64(6000) {
        #expect(table.entry(key) == entries[key] ?? WordEntry())
      }
    }
  }

  /// A table filled to the brim (one slot a key): most lookups go past the two slots read
  /// without a branch, and probes wrap around from the last slot to the first.
  @Test func agreesWithADictionaryWhenNearlyFull() {
    var random = TestRandom(state: 0x0BAD_CAFE_1234_4321)
    var pairs: [UInt64: UInt32] = [:]
    while pairs.count < 1000 { pairs[random.next() | 1] = UInt32(random.below(1000) + 1) }
    let table = PackedKeyTable(pairs, spread: 1, missing: 0)
    for (key, value) in pairs { #expect(table.value(key) == value) }
    for _ in 0..<5000 {
      let key = random.next() | 1
      #expect(table.value(key) == pairs[key] ?? 0)
    }
  }

  /// An entry keeps the phrase automaton's start state in the upper half of its flags; a state
  /// that does not fit is flagged instead.
  @Test func entriesCarryTheirStartState() {
    let plain = WordEntry(flags: WordTable.Flags.stop.rawValue, id: 7)
    #expect(plain.start == 0)
    let started = plain.withStart(42)
    #expect(started.start == 42 && started.id == 7)
    #expect(started.flags & 0xFFFF == WordTable.Flags.stop.rawValue)
    let deep = plain.withStart(1 << 16)
    #expect(deep.start == 0)
    #expect(deep.flags == WordTable.Flags([.stop, .deepStart]).rawValue)
  }

  /// The built-in tables: every packed word's start state is the automaton's step from its
  /// start state, and words that start no phrase have none.
  @Test func builtInWordsCarryTheAutomatonsStartState() throws {
    let tables = BoilerplateVocabulary.builtIn.tables()
    for word in ["the", "share", "your", "this", "print", "email", "minister"] {
      let entry = tables.packed.entry(try #require(PackedWordTable.key(Array(word.utf8))))
      #expect(entry.start == tables.phrases.step(0, entry.id), "\(word)")
    }
    let share = tables.packed.entry(try #require(PackedWordTable.key(Array("share".utf8))))
    #expect(share.start != 0)
  }

  @Test func pairTableAgreesWithADictionary() {
    var random = TestRandom(state: 0xDEAD_BEEF_0BAD_F00D)
    var pairs: [UInt64: UInt32] = [:]
    for _ in 0..<2000 {
      let state = UInt32(random.below(300) + 1)
      let id = UInt32(random.below(300) + 1)
      pairs[WordPairTable.key(state, id)] = UInt32(random.below(10_000) + 1)
    }
    let table = WordPairTable(pairs)
    for state in UInt32(1)...310 {
      for id in UInt32(1)...310 {
        #expect(table.next(state, id) == pairs[WordPairTable.key(state, id)] ?? 0)
      }
    }
  }
}

/// The matches of the phrase automaton against the simple definition: every run of words that
/// is a phrase of at most twelve words counts once.
@Suite struct StripBoilerplatePhraseAutomatonTests {
  /// What the phrases ending at each word add, found by trying every start.
  private static func naive(
    _ words: [UInt32], _ phrases: [[UInt32]: WordTable.Flags]
  ) -> [PhraseAutomaton.Output] {
    var result: [PhraseAutomaton.Output] = []
    for end in words.indices {
      var out = PhraseAutomaton.Output()
      for start in stride(from: end, through: max(0, end - 11), by: -1) {
        guard let flags = phrases[Array(words[start...end])] else { continue }
        out.add(flags, length: end - start + 1)
      }
      result.append(out)
    }
    return result
  }

  private static func run(_ automaton: PhraseAutomaton, _ words: [UInt32]) -> [PhraseAutomaton
    .Output]
  {
    var state: UInt32 = 0
    return words.map { id in
      state = automaton.step(state, id)
      return automaton.output(state)
    }
  }

  @Test func findsOverlappingAndNestedPhrases() {
    // 1 = all, 2 = rights, 3 = reserved, 4 = share, 5 = this, 6 = article, 7 = facebook
    let phrases: [[UInt32]: WordTable.Flags] = [
      [1, 2, 3]: .strong, [2, 3]: .weak, [4]: .strong, [4, 5, 6]: [.strong, .terminal],
      [7]: .weak, [5, 6]: .strong,
    ]
    let automaton = PhraseAutomaton(phrases, idLimit: 8)
    let words: [UInt32] = [4, 5, 6, 0, 1, 2, 3, 7, 4, 4, 5]
    let outputs = Self.run(automaton, words)
    #expect(outputs == Self.naive(words, phrases))
    // "share this article": share (1 word), then "share this article" and "this article".
    #expect(outputs[0].strong == 1 && outputs[0].strongLengths == 1 << 1)
    #expect(outputs[2].strong == 2 && outputs[2].terminal == 1 && outputs[2].hitWords == 5)
    // "all rights reserved" (strong) and "rights reserved" (weak): both count.
    #expect(outputs[6].strong == 1 && outputs[6].weak == 1 && outputs[6].hitWords == 5)
    #expect(outputs[3].isEmpty && outputs[10].isEmpty)
  }

  @Test func leavesOutPhrasesLongerThanTwelveWords() {
    let long = [UInt32](1...13)
    let automaton = PhraseAutomaton([long: .strong, [1, 2]: .weak], idLimit: 14)
    let outputs = Self.run(automaton, long)
    #expect(outputs.map(\.strong) == Array(repeating: 0, count: 13))
    #expect(outputs[1].weak == 1)
  }

  /// Random phrases over a small alphabet (so that they share prefixes and suffixes) and random
  /// word sequences: the automaton finds what trying every start finds.
  @Test func agreesWithTryingEveryStart() {
    var random = TestRandom(state: 0x0F0F_1234_AAAA_5555)
    for _ in 0..<40 {
      let alphabet = 2 + random.below(6)
      var phrases: [[UInt32]: WordTable.Flags] = [:]
      for _ in 0..<(1 + random.below(25)) {
        let phrase = (0..<(1 + random.below(5))).map { _ in UInt32(1 + random.below(alphabet)) }
        let kinds: [WordTable.Flags] = [.strong, [.strong, .terminal], .weak, [.strong, .weak]]
        phrases[phrase, default: []].formUnion(kinds[random.below(kinds.count)])
      }
      let automaton = PhraseAutomaton(phrases, idLimit: alphabet + 1)
      // Id 0 (a word in no phrase) and ids the automaton never saw break matches.
      let words = (0..<200).map { _ in UInt32(random.below(alphabet + 2)) }
      #expect(Self.run(automaton, words) == Self.naive(words, phrases))
    }
  }

  @Test func labelTrieAcceptsWholeLabelsOnly() {
    let trie = LabelTrie([[1], [1, 2], [3, 4, 5]])
    func label(_ words: [UInt32]) -> Bool {
      var state = LabelTrie.start
      for id in words { state = trie.step(state, id) }
      return trie.isLabel(state)
    }
    #expect(trie.longestLabel == 3)
    #expect(label([1]) && label([1, 2]) && label([3, 4, 5]))
    #expect(!label([2]) && !label([3, 4]) && !label([1, 2, 3]) && !label([0]) && !label([1, 0]))
  }
}

/// The line scanner against a simple reference: lines tokenised with `TextScanner.words` and
/// phrases found by trying every run of words, as the scanner did before its phrase automaton.
@Suite struct StripBoilerplateScannerDifferentialTests {
  struct Reference {
    let stops: Set<UInt64>
    let phrases: [UInt64: WordTable.Flags]
    let labels: Set<UInt64>

    init(_ vocabulary: BoilerplateVocabulary) {
      var stops: Set<UInt64> = []
      for word in vocabulary.stopwords {
        let words = TextScanner.wordHashes(word)
        if words.count == 1 { stops.insert(words[0]) }
      }
      var phrases: [UInt64: WordTable.Flags] = [:]
      for (category, list) in vocabulary.phrases {
        let flags: WordTable.Flags =
          BoilerplateVocabulary.terminalCategories.contains(category)
          ? [.strong, .terminal] : .strong
        for p in list {
          let words = TextScanner.wordHashes(p)
          if let h = TextScanner.phraseHash(words), words.count <= 12 {
            phrases[h, default: []].formUnion(flags)
          }
        }
      }
      for p in vocabulary.signalWords {
        let words = TextScanner.wordHashes(p)
        if let h = TextScanner.phraseHash(words), words.count <= 12 {
          phrases[h, default: []].insert(.weak)
        }
      }
      self.stops = stops
      self.phrases = phrases
      self.labels = Set(vocabulary.lines.compactMap { TextScanner.phraseHash(TextScanner.wordHashes($0)) })
    }

    /// (words, stops, strong, terminal, weak, hit words, label) of a line's text after its list
    /// marker.
    func measure(_ text: String) -> [Int] {
      let words = TextScanner.wordHashes(text)
      var counts = [words.count, words.filter { stops.contains($0) }.count, 0, 0, 0, 0, 0]
      for end in words.indices {
        for start in stride(from: end, through: max(0, end - 11), by: -1) {
          guard let h = TextScanner.phraseHash(Array(words[start...end])), let f = phrases[h] else {
            continue
          }
          if f.contains(.strong) {
            counts[2] += 1
            counts[3] += f.contains(.terminal) ? 1 : 0
            counts[5] += end - start + 1
          } else if f.contains(.weak) {
            counts[4] += 1
            counts[5] += end - start + 1
          }
        }
      }
      if let h = TextScanner.phraseHash(words), labels.contains(h) { counts[6] = 1 }
      return counts
    }
  }

  /// The text of a scanned line after the list marker the scanner skips.
  private static func wordText(_ p: UnsafeBufferPointer<UInt8>, _ line: LineFeatures) -> String {
    var start = line.start
    let bytes = Array(p[line.start..<line.end])
    if line.bullet == .number {
      start += (bytes.firstIndex(of: 0x2E) ?? 0) + 2
    } else if line.bullet == .symbol {
      // "* ", "+ ", "o ", "- " are two bytes; "• ", "· ", "▪ ", "● " are skipped as separators.
      if bytes[0] < 0x80 { start += 2 }
    }
    return String(decoding: p[min(start, line.end)..<line.end], as: UTF8.self)
  }

  private static func compare(_ texts: [String], _ scanner: LineScanner, _ reference: Reference)
    -> Int
  {
    var lines = 0
    for text in texts {
      Array(text.utf8).withUnsafeBufferPointer { p in
        for line in scanner.scan(p) {
          let expected = reference.measure(wordText(p, line))
          let got = [
            line.words, line.stops, line.strongHits, line.terminalHits, line.weakHits,
            line.hitWords, line.isLabel ? 1 : 0,
          ]
          #expect(got == expected, "\(String(decoding: p[line.start..<line.end], as: UTF8.self))")
          lines += 1
        }
      }
    }
    return lines
  }

  @Test func edgeCasesOfTheTokeniser() throws {
    let vocabulary = BoilerplateVocabulary.builtIn
    let lines = [
      "Share\u{AD} this article", "SHARE THIS ARTICLE", "share—this…article", "iconFacebook iconTwitter",
      "Alle Rechte vorbehalten", "ВСЕ ПРАВА ЗАЩИЩЕНЫ", "Tous droits réservés", "1 min read",
      "* Read more", "12. Related articles", "Share", "Read more", "Mehr zum Thema", "by Jane Doe",
      "the the the the the the the the the the the the the the the", "Sign\u{200B}up for our newsletter",
      "NEWSLETTERABONNEMENT verwalten", "SignUpWeekly Digest", "Caf\u{2019} menu", "newsÜbersicht",
      // Phrase words after a word that opens a phrase, one-word phrases inside open ones.
      "Read the newsletter in your inbox", "the copyright the print", "share the share this article",
      "Sign up for our the newsletter", "your privacy your email address copyright",
    ]
    let lineCount = Self.compare(
      [lines.joined(separator: "\n")], LineScanner(vocabulary: vocabulary), Reference(vocabulary))
    #expect(lineCount == lines.count)
  }

  /// Every line of a sample of the dev pages (raw, with their soft hyphens, zero-width
  /// characters and mixed scripts) measures the same both ways.
  @Test func devPagesMeasureAsTheReferenceDoes() throws {
    guard let texts = try BenchmarkSupport.devTexts() else { return }
    let vocabulary = BoilerplateVocabulary.builtIn
    let sample = texts.enumerated().filter { $0.offset % 8 == 0 }.map(\.element)
    let lines = Self.compare(sample, LineScanner(vocabulary: vocabulary), Reference(vocabulary))
    #expect(lines > 1000)
  }
}

@Suite struct StripBoilerplateLetterRunTests {
  /// The letters-only run equals a byte-by-byte reading that stops at anything but a letter
  /// (digits included) and at an upper-case letter after a lower-case one.
  @Test func letterRunMatchesAByteByByteReading() {
    var random = TestRandom(state: 0x5EED_1234_5678_9ABC)
    let alphabet = Array("aZ9 .-Az\u{7F}qQ0".utf8) + [0xC3, 0x00, 0x40, 0x5B, 0x60, 0x7B]
    for _ in 0..<20_000 {
      let bytes = (0..<8).map { _ in alphabet[random.below(alphabet.count)] }
      var x: UInt64 = 0
      for b in bytes.reversed() { x = x << 8 | UInt64(b) }
      let run = AsciiWordRun(letters: x)
      var count = 0
      var prevLower = false
      var folded: UInt64 = 0
      for b in bytes {
        let lower = b >= 0x61 && b <= 0x7A
        let upper = b >= 0x41 && b <= 0x5A
        if !(lower || upper) || (upper && prevLower) { break }
        folded |= UInt64(b | 0x20) << UInt64(8 * count)
        prevLower = lower
        count += 1
      }
      #expect(run.count == count, "\(bytes)")
      #expect(run.folded == folded, "\(bytes)")
      #expect(!run.hasDigit)
      #expect(run.endsLower == (count > 0 && bytes[count - 1] >= 0x61 && bytes[count - 1] <= 0x7A))
    }
  }

  /// A word that starts with letters and goes on with digits ("covid19", "mp3") is one word
  /// with a digit, found in the vocabulary as a whole.
  @Test func lettersFollowedByDigitsAreOneWord() throws {
    var vocabulary = BoilerplateVocabulary()
    try vocabulary.merge(["phrases": ["mp3 player", "abcdefgh12 x"]], option: "phrases", path: [])
    let scanner = LineScanner(vocabulary: vocabulary)
    func measure(_ line: String) -> (words: Int, numeric: Int, hits: Int) {
      Array(line.utf8).withUnsafeBufferPointer {
        let l = scanner.scan($0)[0]
        return (l.words, l.numeric, l.strongHits)
      }
    }
    #expect(measure("MP3 Player") == (2, 1, 1))
    #expect(measure("mp3player") == (1, 1, 0))
    #expect(measure("abcdefgh12 X") == (2, 1, 1))
    #expect(measure("covid19 cases") == (2, 1, 0))
  }
}
