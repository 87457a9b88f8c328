/// Word characters and word boundaries on UTF-8 bytes, for every script.
///
/// A word character is a letter, a digit, a combining mark or a connector (`_`) in any script:
/// `é`, `ж`, `ғ`, `α`, `٣` and `中` are word characters, so `visa` is not a whole word in `visaé`
/// and `виза` is not one in `визаны`. Everything else (spaces, punctuation, hyphens, symbols,
/// emoji) separates words. ASCII is decided by a table; other characters are decoded and looked
/// up in the Unicode properties, which only happens at candidate matches, never per byte.
public enum WordCharacters {
  /// `true` for the ASCII bytes that are word characters: `0-9`, `A-Z`, `a-z`, `_`.
  public static let ascii: [Bool] = (0..<128).map { (b: Int) -> Bool in
    let digit = b >= 0x30 && b <= 0x39
    let upper = b >= 0x41 && b <= 0x5A
    let lower = b >= 0x61 && b <= 0x7A
    return digit || upper || lower || b == 0x5F
  }

  /// Whether `scalar` is a word character (letter, digit, mark or connector in any script).
  public static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 { return ascii[Int(v)] }
    if v < 0x10000 { return basicPlane[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
    return classify(scalar)
  }

  // `basicPlane`, one bit per character of the Basic Multilingual Plane, is generated data in
  // WordCharacterTable.swift: computing it from the Unicode properties at start-up cost about
  // 36 million instructions (≈ 12 ms) of every run. It was made by looping `classify` over
  // U+0000...U+FFFF and printing the words; WordCharactersTableTests checks it still agrees.

  /// The Unicode-property definition of a word character.
  static func classify(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return ascii[Int(scalar.value)] }
    let p = scalar.properties
    if p.isAlphabetic || p.numericType != nil { return true }
    switch p.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation, .decimalNumber,
      .letterNumber, .otherNumber, .modifierLetter, .otherLetter:
      return true
    default:
      return false
    }
  }

  /// Whether the character that ends just before byte `index` is a word character (`false` at
  /// the start of the text or after bytes that are not valid UTF-8).
  public static func isWord(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard index > 0, index <= bytes.count else { return false }
    let last = bytes[index - 1]
    if last < 0x80 { return ascii[Int(last)] }
    var start = index - 1
    while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    guard let (scalar, length) = decode(at: start, in: bytes), start + length == index else {
      return false
    }
    return isWord(scalar)
  }

  /// Whether the character that starts at byte `index` is a word character (`false` at the end
  /// of the text or at bytes that are not valid UTF-8).
  public static func isWord(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard index >= 0, index < bytes.count else { return false }
    let b = bytes[index]
    if b < 0x80 { return ascii[Int(b)] }
    guard let (scalar, _) = decode(at: index, in: bytes) else { return false }
    return isWord(scalar)
  }

  /// The byte offset where the word continuing at `index` ends: `index` moved past every
  /// following word character.
  public static func wordEnd(from index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var i = index
    while i < bytes.count {
      let b = bytes[i]
      if b < 0x80 {
        guard ascii[Int(b)] else { break }
        i += 1
      } else {
        guard let (scalar, length) = decode(at: i, in: bytes), isWord(scalar) else { break }
        i += length
      }
    }
    return i
  }

  /// Whether the first character of `text` is a word character.
  public static func startsWithWord(_ text: String) -> Bool {
    text.unicodeScalars.first.map(isWord) ?? false
  }

  /// Whether the last character of `text` is a word character.
  public static func endsWithWord(_ text: String) -> Bool {
    text.unicodeScalars.last.map(isWord) ?? false
  }

  /// Decodes the UTF-8 sequence starting at `index`: its scalar and byte length, or `nil` when the
  /// bytes there are not a valid sequence.
  public static func decode(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (
    Unicode.Scalar, Int
  )? {
    let n = bytes.count
    guard index < n else { return nil }
    let b0 = UInt32(bytes[index])
    var value: UInt32
    let length: Int
    switch b0 {
    case 0..<0x80: return Unicode.Scalar(b0).map { ($0, 1) }
    case 0xC2...0xDF:
      value = b0 & 0x1F
      length = 2
    case 0xE0...0xEF:
      value = b0 & 0x0F
      length = 3
    case 0xF0...0xF4:
      value = b0 & 0x07
      length = 4
    default: return nil
    }
    guard index + length <= n else { return nil }
    for k in 1..<length {
      let c = UInt32(bytes[index + k])
      guard c & 0xC0 == 0x80 else { return nil }
      value = value << 6 | (c & 0x3F)
    }
    guard let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, length)
  }
}
