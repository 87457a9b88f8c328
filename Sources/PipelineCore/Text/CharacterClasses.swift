/// The input alphabet of an ``AhoCorasick`` automaton: every character of the text maps to a
/// class, and the automaton steps once per character.
///
/// Characters used in the patterns get a class each (case-folded, so `V` and `v` share one);
/// all other characters fall into two classes, *other word character* and *other separator*.
/// Each class is either made of word characters or of separators, which is what lets the
/// automaton know whether a match may start at the next character. ASCII is classified by a
/// 128-entry table, two-byte characters (Latin, Greek, Cyrillic, ...) by a 2048-entry table that
/// also folds case; longer characters are decoded and looked up (rare in most texts).
struct CharacterClasses: Sendable {
  /// Class of every other separator character (and of invalid bytes).
  static let otherSeparator: UInt16 = 0
  /// Class of every other word character.
  static let otherWord: UInt16 = 1

  let ascii: [UInt16]
  let twoByte: [UInt16]
  /// Classes of characters of three and four bytes used in patterns, by scalar value.
  let long: [UInt32: UInt16]
  /// Whether each class is made of word characters.
  let isWord: [Bool]
  /// The number of classes.
  var count: Int { isWord.count }
  /// The class of whitespace when runs of it are collapsed, else -1.
  let space: Int

  /// Classes for the characters of `keys` (patterns already case-folded and whitespace-normalised).
  init(keys: [String], caseInsensitive: Bool, collapseWhitespace: Bool, wholeWords: Bool) {
    var ascii = [UInt16](repeating: Self.otherSeparator, count: 128)
    var twoByte = [UInt16](repeating: Self.otherSeparator, count: 2048)
    var long: [UInt32: UInt16] = [:]
    var isWord = [false, true]
    for b in 0..<128 where WordCharacters.ascii[b] { ascii[b] = Self.otherWord }
    for v in 0x80..<0x800 where Unicode.Scalar(UInt32(v)).map(WordCharacters.classify) ?? false {
      twoByte[v] = Self.otherWord
    }
    // One class per distinct pattern character: the space and the letters most frequent in
    // Latin-script text first, then the rest of ASCII, then other scripts, so that the entries of
    // a transition row that ordinary text uses share as few cache lines as possible.
    var used = Set<UInt32>()
    for key in keys { for scalar in key.unicodeScalars { used.insert(scalar.value) } }
    func rank(_ v: UInt32) -> (Int, UInt32) {
      if let i = Self.frequent.firstIndex(of: v) { return (i, v) }
      return (Self.frequent.count + (v < 0x80 ? 0 : 1), v)
    }
    var classOf: [UInt32: UInt16] = [:]
    for value in used.sorted(by: { rank($0) < rank($1) }) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let c = UInt16(isWord.count)
      classOf[value] = c
      isWord.append(wholeWords && WordCharacters.isWord(scalar))
      switch value {
      case 0..<0x80: ascii[Int(value)] = c
      case 0x80..<0x800: twoByte[Int(value)] = c
      default: long[value] = c
      }
    }
    if !wholeWords { isWord[Int(Self.otherWord)] = false }
    if caseInsensitive {
      for b in 0x41...0x5A { ascii[b] = ascii[b | 0x20] }
      for v in 0x80..<0x800 {
        let f = Int(UTF8CaseFold.twoByte[v])
        if f != v, classOf[UInt32(f)] != nil { twoByte[v] = twoByte[f] }
      }
    }
    var space = -1
    if collapseWhitespace, let c = classOf[0x20] {
      space = Int(c)
      for b in [0x09, 0x0A, 0x0B, 0x0C, 0x0D] { ascii[b] = c }
      twoByte[0xA0] = c
      for v in Self.longSpaces { long[v] = c }
    }
    self.ascii = ascii
    self.twoByte = twoByte
    self.long = long
    self.isWord = isWord
    self.space = space
  }

  /// The space and the letters in order of frequency in English (and most Latin-script) text.
  static let frequent: [UInt32] = Array(" etaoinsrhldcumfpgwybvkxjqz".unicodeScalars.map(\.value))

  /// Spaces of three bytes that collapse like ASCII whitespace (en/em spaces, narrow no-break
  /// space, ideographic space...).
  static let longSpaces: [UInt32] = Array(0x2000...0x200A) + [0x202F, 0x205F, 0x3000]

  /// The class of a character of three or four bytes.
  func longClass(_ scalar: UInt32) -> UInt16 {
    if !long.isEmpty, let c = long[scalar] { return c }
    guard isWord[Int(Self.otherWord)], let s = Unicode.Scalar(scalar) else {
      return Self.otherSeparator
    }
    return WordCharacters.isWord(s) ? Self.otherWord : Self.otherSeparator
  }

  /// The classes of the characters of `key`, in order.
  func classes(of key: String) -> [UInt16] {
    key.unicodeScalars.map { s in
      switch s.value {
      case 0..<0x80: return ascii[Int(s.value)]
      case 0x80..<0x800: return twoByte[Int(s.value)]
      default: return longClass(s.value)
      }
    }
  }
}
