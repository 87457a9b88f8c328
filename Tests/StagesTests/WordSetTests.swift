import Testing

@testable import Stages

/// ``WordSet``: tokens of the text against a word list, case-insensitively, without strings.
@Suite struct WordSetTests {
  /// The tokens of `text` (one line).
  func tokens(_ text: String) -> ([UInt8], [Token]) {
    let bytes = Array(text.utf8)
    var out: [Token] = []
    bytes.withUnsafeBufferPointer { p in
      var pos = 0
      while let t = LineTokens.next(p, from: pos, limit: p.count) {
        out.append(t)
        pos = t.end
      }
    }
    return (bytes, out)
  }

  @Test func matchesWordsCaseInsensitively() {
    let set = WordSet(["Foto", "bild", "crédito", "über"])
    let (bytes, toks) = tokens("FOTO: Bild Crédito ÜBER Fotos bil (foto)")
    let found = bytes.withUnsafeBufferPointer { p in toks.map { set.contains(p, $0) } }
    #expect(found == [true, true, true, true, false, false, true])
  }

  @Test func emptySetHasNothing() {
    let set = WordSet([])
    #expect(!set.contains(hash: WordSet.hash(Array("a".utf8))))
    #expect(!set.contains(hash: 0))
  }

  /// Random words against `Set<UInt64>` of the same hashes (members and random probes).
  @Test func agreesWithAHashSetOnRandomWords() {
    var rng = SystemRandomNumberGenerator()
    let alphabet = Array("abcxyzäöü".unicodeScalars)
    func randomWord() -> String {
      var s = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 1...6, using: &rng) {
        s.append(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)])
      }
      return String(s)
    }
    for _ in 0..<20 {
      let words = (0..<Int.random(in: 0...200, using: &rng)).map { _ in randomWord() }
      let reference = Set(words.map { WordSet.hash(CaseFold.fold($0)) })
      let set = WordSet(words)
      for word in words { #expect(set.contains(hash: WordSet.hash(CaseFold.fold(word)))) }
      for _ in 0..<500 {
        let h = WordSet.hash(CaseFold.fold(randomWord()))
        #expect(set.contains(hash: h) == reference.contains(h))
      }
      for _ in 0..<100 {
        let h = UInt64.random(in: 0...UInt64.max, using: &rng)
        #expect(set.contains(hash: h) == reference.contains(h))
      }
    }
  }
}
