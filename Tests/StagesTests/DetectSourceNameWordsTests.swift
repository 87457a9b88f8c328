import Testing

@testable import Stages

/// `NameWords` (word ranges and keys in temporary storage) against the array-backed splitter it
/// replaced: the same words, keys and cleaned names for every input.
@Suite struct DetectSourceNameWordsTests {
  @Test func splitsOnSpacesTabsAndNoBreakSpaces() {
    let (ranges, keys, text) = NameWords.with("The\u{A0}Straits  Times\tGmbH ") { w in
      (Array(w.ranges), Array(w.keys), w.text)
    }
    #expect(ranges == [0..<3, 5..<12, 14..<19, 20..<24])
    #expect(keys == ["the", "straits", "times", "gmbh"])
    #expect(text == "The\u{A0}Straits  Times\tGmbH")
  }

  @Test func removingWordsMovesTheWindow() {
    NameWords.with("by Die Zeit Online 2024") { w in
      w.removeFirst()
      w.removeLast()
      #expect(w.count == 3)
      #expect(Array(w.keys) == ["die", "zeit", "online"])
      #expect(w.text == "Die Zeit Online")
      #expect(w.text(from: 1, count: 2) == "Zeit Online")
      #expect(w.joinedKey == "diezeitonline")
    }
  }

  @Test func emptyAndSpaceOnlyNamesHaveNoWords() {
    #expect(NameWords.with("") { $0.count } == 0)
    #expect(NameWords.with(" \t\u{A0} ") { $0.count } == 0)
    #expect(NameFilter.clean("  ", legal: true, generic: true) == nil)
  }

  @Test func hyphenatedGenericAndPunctuation() {
    #expect(NameFilter.clean("Campact-Team", legal: false, generic: true) == "Campact")
    #expect(NameFilter.clean("Perspective-Media", legal: true, generic: false) == "Perspective")
    #expect(NameFilter.clean("Ars Technica -", legal: false, generic: false) == "Ars Technica")
    #expect(NameFilter.clean("Süddeutsche Zeitung GmbH", legal: true, generic: false) == "Süddeutsche Zeitung")
  }

  static let vocabulary: [String] = [
    "The", "the", "by", "von", "Link", "zu", "Die", "Zeit", "Straits", "Times", "GmbH", "Inc.",
    "S.A.", "Media", "Group", "Verlag", "2023", "1998-2023", "2019–2024", "Newsletter", "App",
    "Campact-Team", "LN-Shop", "Perspective-Media", "Süddeutsche", "Zeitung", "Ärzte", "ŁÓDŹ",
    "Ελληνικά", "ΟΔΟΣ·", "Новости", "日本", "-", "|", "·", "–", "X,", "Y;", "a", "A.", "22.700",
    "Follower", "1,2", "Mio.", "Pressestelle", "Ministry", "of", "and", "&", "@handle", "#tag",
    "Facebook", "us", "Subscribe", "to", "Get", "News", "Online", "de", "la", "Noticias", "El",
    "País", "thé", "Theater", "Über", "ß", "Straße", "ŉ", "Ǆ", "ﬁ",
  ]
  static let separators = [" ", "  ", "\t", "\u{A0}", " \u{A0}"]

  @Test func matchesTheArraySplitterOnRandomNames() {
    var random = SplitMix64(seed: 0x5EED_0A3E)
    for _ in 0..<1500 {
      var name = Int.random(in: 0..<8, using: &random) == 0 ? " " : ""
      for k in 0..<Int.random(in: 0...10, using: &random) {
        if k > 0 { name += Self.separators.randomElement(using: &random) ?? " " }
        name += Self.vocabulary.randomElement(using: &random) ?? ""
      }
      if Int.random(in: 0..<6, using: &random) == 0 { name += " " }
      let reference = ArrayNameWords(name)
      NameWords.with(name) { w in
        #expect(Array(w.ranges) == reference.ranges, "\(name)")
        #expect(Array(w.keys) == reference.keys, "\(name)")
        #expect(w.joinedKey == reference.keys.joined(), "\(name)")
      }
      for (legal, generic) in [(false, false), (true, false), (false, true), (true, true)] {
        #expect(
          NameFilter.clean(name, legal: legal, generic: generic)
            == ReferenceNameFilter.clean(name, legal: legal, generic: generic), "\(name)")
      }
      #expect(NameFilter.accepts(name) == ReferenceNameFilter.accepts(ArrayNameWords(name)), "\(name)")
      #expect(NameFilter.wordKeys(name) == reference.keys.filter { !$0.isEmpty && $0 != "the" })
    }
  }
}

/// `NameFilter.clean` and `accepts` as they were on ``ArrayNameWords``.
enum ReferenceNameFilter {
  static func clean(_ name: String, legal: Bool, generic: Bool) -> String? {
    var w = ArrayNameWords(name)
    guard !w.ranges.isEmpty else { return nil }
    while w.count > 1 {
      let key = w.keys[0]
      let lowerConnector = NameReader.connectorKeys.contains(key) && w.startsLower(0)
      guard NameFilter.badFirstWords.contains(key) || lowerConnector else { break }
      w.removeFirst()
    }
    while w.count > 1 {
      let i = w.count - 1
      let key = w.keys[i]
      if w.isYearLike(i) || key.isEmpty
        || (legal && (NameFilter.legalSuffixes.contains(key) || NameFilter.corporateWords.contains(key)))
        || (generic && NameFilter.trailingGeneric.contains(key)) || NameReader.connectorKeys.contains(key)
        || (key.count == 1 && w.bytes[w.ranges[i].upperBound - 1] == 0x2E)
      {
        w.removeLast()
        continue
      }
      break
    }
    if generic && w.count == 1 { w.dropHyphenatedGeneric() }
    if legal && w.count == 1 { w.dropHyphenated(NameFilter.corporateWords) }
    w.trimPunctuation()
    guard !w.ranges.isEmpty else { return nil }
    return accepts(w) ? w.text : nil
  }

  static func accepts(_ w: ArrayNameWords) -> Bool {
    guard !w.ranges.isEmpty, w.count <= 7 else { return false }
    let span = w.ranges[0].lowerBound..<w.ranges[w.count - 1].upperBound
    guard span.count <= 64 else { return false }
    for k in span where NameFilter.forbidden[Int(w.bytes[k])] { return false }
    var key = w.keys.joined()
    if key.hasPrefix("the") { key.removeFirst(3) }
    guard key.utf8.count >= 2, key.utf8.contains(where: { $0 >= 0x61 || $0 >= 0x80 }) else {
      return false
    }
    if NameFilter.rejected.contains(key) || NameFilter.badFirstWords.contains(w.keys[0]) { return false }
    let first = w.ranges[0]
    if w.bytes[first.lowerBound] &- 0x30 < 10,
      first.contains(where: { w.bytes[$0] == 0x2E || w.bytes[$0] == 0x2C }),
      w.count > 1
    {
      return false
    }
    if w.keys.allSatisfy({ NameFilter.rejected.contains($0) || $0.isEmpty || $0 == "the" }) {
      return false
    }
    return !NameFilter.namesDepartment(key)
  }
}

/// The array-backed word splitter `NameWords` replaced (a copy of it): the reference for
/// the randomised comparison.
struct ArrayNameWords {
  let bytes: [UInt8]
  private(set) var ranges: [Range<Int>] = []
  private(set) var keys: [String] = []

  init(_ name: String) {
    bytes = Array(name.utf8)
    ranges.reserveCapacity(8)
    var start = -1
    var i = 0
    while i <= bytes.count {
      let space =
        i == bytes.count || bytes[i] == 0x20 || bytes[i] == 0x09
        || (bytes[i] == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0)
      if space {
        if start >= 0 { ranges.append(start..<i) }
        start = -1
        if i < bytes.count && bytes[i] == 0xC2 { i += 1 }
      } else if start < 0 {
        start = i
      }
      i += 1
    }
    keys = ranges.map { NameKey.word(bytes[$0]) }
  }

  var count: Int { ranges.count }

  /// The words from the first to the last as written.
  var text: String {
    guard let first = ranges.first, let last = ranges.last else { return "" }
    return String(decoding: bytes[first.lowerBound..<last.upperBound], as: UTF8.self)
  }

  /// The `count` words from word `start` on, as written.
  func text(from start: Int, count: Int) -> String {
    let r = ranges[start].lowerBound..<ranges[start + count - 1].upperBound
    return String(decoding: bytes[r], as: UTF8.self)
  }

  func startsLower(_ i: Int) -> Bool {
    let b = bytes[ranges[i].lowerBound]
    return b >= 0x61 && b <= 0x7A
  }

  mutating func removeFirst() {
    ranges.removeFirst()
    keys.removeFirst()
  }

  mutating func removeLast() {
    ranges.removeLast()
    keys.removeLast()
  }

  /// Whether word `i` is a year, a range of years or a short number (`2023`, `1998-2023`).
  func isYearLike(_ i: Int) -> Bool {
    let r = ranges[i]
    guard let first = r.first, bytes[first] >= 0x30 && bytes[first] <= 0x39 else { return false }
    var digits = 0
    var k = r.lowerBound
    while k < r.upperBound {
      let b = bytes[k]
      if b >= 0x30 && b <= 0x39 {
        digits += 1
      } else if b == 0xE2 && k + 2 < r.upperBound && bytes[k + 1] == 0x80 {
        k += 2  // – —
      } else if !(b == 0x2D || b == 0x2F || b == 0x2E || b == 0x2C) {
        return false
      }
      k += 1
    }
    return digits == 2 || digits == 4 || digits == 8
  }

  /// `Campact-Team`, `LN-Shop`: a generic word glued to the name with a hyphen.
  mutating func dropHyphenatedGeneric() { dropHyphenated(NameFilter.trailingGeneric) }

  /// Drops the last hyphen-joined part of the first word when its key is one of `words`
  /// (`Perspective-Media` → `Perspective` for corporate words).
  mutating func dropHyphenated(_ words: KeySet) {
    guard let r = ranges.first else { return }
    var dash = r.upperBound - 1
    while dash > r.lowerBound && bytes[dash] != 0x2D { dash -= 1 }
    guard dash > r.lowerBound, dash + 1 < r.upperBound else { return }
    let tail = NameKey.word(bytes[(dash + 1)..<r.upperBound])
    guard words.contains(tail) else { return }
    ranges[0] = r.lowerBound..<dash
    keys[0] = NameKey.word(bytes[r.lowerBound..<dash])
  }

  /// Drops separators and punctuation hanging at the ends (`X -`, `X,`).
  mutating func trimPunctuation() {
    while let last = ranges.last {
      var e = last.upperBound
      while e > last.lowerBound && Self.isTrailing(bytes, e) { e -= Self.width(bytes, e) }
      if e == last.lowerBound {
        removeLast()
        continue
      }
      ranges[ranges.count - 1] = last.lowerBound..<e
      break
    }
  }

  /// Whether the character ending at `e` is `,;:-|/&` or a dash, bullet or middle dot.
  private static func isTrailing(_ b: [UInt8], _ e: Int) -> Bool {
    let c = b[e - 1]
    if c == 0x2C || c == 0x3B || c == 0x3A || c == 0x2D || c == 0x7C || c == 0x2F || c == 0x26 {
      return true
    }
    if e >= 2 && b[e - 2] == 0xC2 && c == 0xB7 { return true }
    if e >= 3 && b[e - 3] == 0xE2 && b[e - 2] == 0x80 && (c == 0x93 || c == 0x94 || c == 0xA2) {
      return true
    }
    return false
  }

  private static func width(_ b: [UInt8], _ e: Int) -> Int {
    if b[e - 1] < 0x80 { return 1 }
    return b[e - 1] == 0xB7 ? 2 : 3
  }
}
