// The helpers are internal, so these tests need a testable build: debug only (release test
// builds, used for the benchmark, are not compiled for testing).
#if DEBUG
  import Testing

  @testable import Stages

  /// The cheap start-up case mapping agrees with Swift's, and the tries match every spelling.
  @Suite struct DetectDateNameTrieTests {
    /// Every scalar `CaseFolding` maps, it maps as Swift does.
    @Test func simpleCaseMappingAgreesWithSwift() {
      var mapped = 0
      for value in UInt32(0)..<0x600 {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let s = String(Character(scalar))
        if let u = CaseFolding.upper(value) {
          #expect(s.uppercased().unicodeScalars.map(\.value) == [u], "upper U+\(value)")
          mapped += 1
        }
        if let l = CaseFolding.lower(value) {
          #expect(s.lowercased().unicodeScalars.map(\.value) == [l], "lower U+\(value)")
        }
      }
      #expect(mapped > 600)
      // Letters without a one-to-one mapping are left to Swift.
      for value: UInt32 in [0xDF, 0x130, 0x131, 0x149, 0x17F] {
        #expect(CaseFolding.upper(value) == nil || CaseFolding.lower(value) == nil)
      }
    }

    /// UTF-8 encoding of one scalar, as Swift encodes it.
    @Test(arguments: [0x41, 0xE9, 0x436, 0x4D9, 0x2019, 0x1F600] as [UInt32])
    func scalarsEncodeAsSwiftDoes(_ value: UInt32) throws {
      var bytes: [UInt8] = []
      CaseFolding.appendUTF8(value, to: &bytes)
      let scalar = try #require(Unicode.Scalar(value))
      #expect(bytes == Array(String(Character(scalar)).utf8))
    }

    /// The byte-level variants equal Swift's lowercase, uppercase, capitalised and title-case
    /// spellings for every word of every list.
    @Test func everySpellingIsInTheTries() {
      var words: [String] = []
      for list in DateNames.months + DateNames.weekdays {
        words += list.split(separator: " ").map {
          $0.hasSuffix(".") ? String($0.dropLast()) : String($0)
        }
      }
      words += DateLabels.published + DateLabels.date + DateLabels.updated + DateLabels.byline
      words += DateLabels.event + CommentSection.markers
      #expect(words.count > 500)
      for word in words {
        for variant in NameTrieBuilder<Bool>.caseVariants(of: word) {
          let bytes = Array(variant.utf8)
          let found = bytes.withUnsafeBufferPointer { p in
            DateNames.trie.longestMatch(in: p, at: 0, accept: { $0 == p.count }) != nil
              || DateLabels.trie.longestMatch(in: p, at: 0, accept: { $0 == p.count }) != nil
              || CommentSection.markerTrie.longestMatch(in: p, at: 0, accept: { $0 == p.count })
                != nil
          }
          #expect(found, "\(variant)")
        }
      }
    }

    /// Exactly the variants, no more: the builder makes the same spellings as Swift.
    @Test(arguments: [
      "last updated", "veröffentlicht", "опубликовано", "жарияланды", "październik", "mis à jour",
      "straße", "istanbul", "ıi",
    ])
    func builderVariantsMatchSwift(_ word: String) {
      var builder = NameTrieBuilder<Int>(merge: { a, _ in a })
      builder.insert(word, 1)
      let trie = NameTrie(builder)
      for variant in NameTrieBuilder<Int>.caseVariants(of: word) {
        let bytes = Array(variant.utf8)
        let hit = bytes.withUnsafeBufferPointer { p in
          trie.longestMatch(in: p, at: 0, accept: { $0 == p.count })
        }
        #expect(hit?.payload == 1, "\(variant)")
      }
      // A spelling in mixed case is not one of them.
      let mixed = Array("lAsT".utf8)
      #expect(
        mixed.withUnsafeBufferPointer { p in
          trie.longestMatch(in: p, at: 0, accept: { $0 == p.count })
        } == nil)
    }

    /// Months and weekdays keep their meaning: a word that is both merges them, and the common
    /// words are marked.
    @Test func payloadsMerge() {
      func name(_ s: String) -> DateName? {
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { p in
          DateNames.trie.longestMatch(in: p, at: 0, accept: { $0 == p.count })?.payload
        }
      }
      #expect(name("Mar") == DateName(month: 3, weekday: 2, commonWord: true))
      #expect(name("JUNI") == DateName(month: 6, weekday: 0, commonWord: false))
      #expect(name("Apr") == DateName(month: 4, weekday: 0, commonWord: false))
      #expect(name("Мая") == DateName(month: 5, weekday: 0, commonWord: false))
      #expect(name("Sábado") == DateName(month: 0, weekday: 6, commonWord: true))
      #expect(name("Mai")?.commonWord == true)
      #expect(name("Novembre")?.month == 11)
    }
  }
#endif
