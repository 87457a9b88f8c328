import Testing

@testable import Stages

/// ``KeySet``: the lookup table for name keys, against `Set<String>`.
@Suite struct KeySetTests {
  @Test func containsExactlyItsKeys() {
    let set: KeySet = ["gmbh", "ltd", "newsletter", "über", "gmbh"]
    #expect(set.count == 4)
    for key in ["gmbh", "ltd", "newsletter", "über"] { #expect(set.contains(key), "\(key)") }
    for key in ["", "gmb", "gmbhx", "GmbH", "ueber", "news", "ltd "] {
      #expect(!set.contains(key), "\(key)")
    }
  }

  @Test func emptySetHasNothing() {
    let set = KeySet([String]())
    #expect(!set.contains(""))
    #expect(!set.contains("a"))
  }

  @Test func unionHasTheKeysOfBoth() {
    let set = KeySet(["a", "bb"]).union(["bb", "ccc"])
    #expect(set.count == 3)
    #expect(set.contains("a") && set.contains("bb") && set.contains("ccc"))
    #expect(!set.contains("d"))
  }

  /// Random keys over a small alphabet (many near misses and shared prefixes), compared with
  /// `Set<String>` on members and on random probes.
  @Test func agreesWithSetOnRandomKeys() {
    var rng = SystemRandomNumberGenerator()
    let alphabet = Array("abcxyzäö1".unicodeScalars)
    func randomKey() -> String {
      let length = Int.random(in: 0...7, using: &rng)
      var s = String.UnicodeScalarView()
      for _ in 0..<length { s.append(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]) }
      return String(s)
    }
    for _ in 0..<20 {
      let words = (0..<Int.random(in: 0...300, using: &rng)).map { _ in randomKey() }
      let reference = Set(words)
      let set = KeySet(words)
      #expect(set.count == reference.count)
      for word in words { #expect(set.contains(word)) }
      for _ in 0..<500 {
        let probe = randomKey()
        #expect(set.contains(probe) == reference.contains(probe), "\(probe)")
      }
    }
  }

  /// The name filter's lists, as sets, give the same answers as before the change of type.
  @Test func nameFilterListsKeepTheirWords() {
    #expect(NameFilter.legalSuffixes.contains("gmbh"))
    #expect(NameFilter.corporateWords.contains("media"))
    #expect(NameFilter.rejected.contains("newsletter"))
    #expect(NameFilter.rejected.contains("advertise"))  // from the section words
    #expect(!NameFilter.rejected.contains("reuters"))
  }
}
