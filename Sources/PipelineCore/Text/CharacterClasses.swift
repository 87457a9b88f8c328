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

  /// Classes for the characters of `keys` (the UTF-8 bytes of patterns already case-folded and
  /// whitespace-normalised).
  init(keys: [[UInt8]], caseInsensitive: Bool, collapseWhitespace: Bool, wholeWords: Bool) {
    var ascii = [UInt16](repeating: Self.otherSeparator, count: 128)
    var twoByte = [UInt16](repeating: Self.otherSeparator, count: 2048)
    var long: [UInt32: UInt16] = [:]
    var isWord = [false, true]
    for b in 0..<128 where WordCharacters.ascii[b] { ascii[b] = Self.otherWord }
    WordCharacters.basicPlane.withUnsafeBufferPointer { plane in
      for v in 0x80..<0x800 where plane[v >> 6] & (1 << UInt64(v & 63)) != 0 {
        twoByte[v] = Self.otherWord
      }
    }
    // One class per distinct pattern character: the space and the letters most frequent in
    // Latin-script text first, then the rest of ASCII, then other scripts, so that the entries of
    // a transition row that ordinary text uses share as few cache lines as possible.
    var usedShort = [Bool](repeating: false, count: 0x800)
    var usedLong = Set<UInt32>()
    for key in keys {
      Self.forEachScalar(key) { v in
        if v < 0x800 { usedShort[Int(v)] = true } else { usedLong.insert(v) }
      }
    }
    var used: [UInt32] = []
    for v in 0..<0x800 where usedShort[v] { used.append(UInt32(v)) }
    used += usedLong
    var frequentRank = [Int](repeating: Self.frequent.count, count: 128)
    for (i, v) in Self.frequent.enumerated() { frequentRank[Int(v)] = i }
    func rank(_ v: UInt32) -> (Int, UInt32) {
      if v < 0x80 { return (frequentRank[Int(v)], v) }
      return (Self.frequent.count + 1, v)
    }
    // Classes of the characters below U+0800 by scalar value (0: none); the others in `long`.
    var shortClass = [UInt16](repeating: 0, count: 0x800)
    for value in used.sorted(by: { rank($0) < rank($1) }) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let c = UInt16(isWord.count)
      isWord.append(wholeWords && WordCharacters.isWord(scalar))
      switch value {
      case 0..<0x80:
        ascii[Int(value)] = c
        shortClass[Int(value)] = c
      case 0x80..<0x800:
        twoByte[Int(value)] = c
        shortClass[Int(value)] = c
      default: long[value] = c
      }
    }
    if !wholeWords { isWord[Int(Self.otherWord)] = false }
    if caseInsensitive {
      for b in 0x41...0x5A { ascii[b] = ascii[b | 0x20] }
      UTF8CaseFold.twoByte.withUnsafeBufferPointer { fold in
        for v in 0x80..<0x800 {
          let f = Int(fold[v])
          if f != v, shortClass[f] != 0 { twoByte[v] = twoByte[f] }
        }
      }
    }
    var space = -1
    if collapseWhitespace, shortClass[0x20] != 0 {
      let c = shortClass[0x20]
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

  /// Calls `body` with every scalar value of the valid UTF-8 `bytes`, in order.
  @inline(__always)
  static func forEachScalar(_ bytes: [UInt8], _ body: (UInt32) -> Void) {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = UInt32(bytes[i])
      if b < 0x80 {
        body(b)
        i += 1
      } else if b < 0xE0, i + 1 < n {
        body((b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))
        i += 2
      } else if b < 0xF0, i + 2 < n {
        body((b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))
        i += 3
      } else if i + 3 < n {
        body(
          (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F))
        i += 4
      } else {
        i += 1
      }
    }
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

  /// Appends the classes of the characters of `key` (valid UTF-8), in order, to `out`.
  func appendClasses(of key: [UInt8], to out: inout [UInt16]) {
    Self.forEachScalar(key) { v in
      switch v {
      case 0..<0x80: out.append(ascii[Int(v)])
      case 0x80..<0x800: out.append(twoByte[Int(v)])
      default: out.append(longClass(v))
      }
    }
  }
}
