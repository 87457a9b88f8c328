/// Classes of UTF-8 bytes for the date scanner's main loop: one table load per byte.
enum ByteClass {
  static let other: UInt8 = 0
  static let digit: UInt8 = 1
  static let newline: UInt8 = 2
  static let lower: UInt8 = 3
  static let upper: UInt8 = 4
  /// The lead byte of a non-ASCII letter (Latin-1 letters, Cyrillic, ...).
  static let letterLead: UInt8 = 5
  /// A UTF-8 continuation byte.
  static let continuation: UInt8 = 6
  /// The lead byte of non-ASCII punctuation and symbols (U+0080–U+00BF, U+2000–U+2FFF).
  static let symbolLead: UInt8 = 7

  /// The class of every byte value.
  static let table: [UInt8] = {
    var t = [UInt8](repeating: other, count: 256)
    for b in 48...57 { t[b] = digit }
    t[10] = newline
    for b in 97...122 { t[b] = lower }
    for b in 65...90 { t[b] = upper }
    for b in 0x80...0xBF { t[b] = continuation }
    for b in 0xC3...0xF4 { t[b] = letterLead }
    t[0xC2] = symbolLead
    t[0xE2] = symbolLead
    return t
  }()

  /// Whether a byte of this class belongs to a word (a letter or the rest of one).
  @inline(__always)
  static func isWordByte(_ c: UInt8) -> Bool { c >= lower && c <= continuation }
}

/// Whether `b` is an ASCII digit.
@inline(__always)
func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }

/// Whether `b` is an ASCII letter.
@inline(__always)
func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 }

/// `b` lowercased when it is an ASCII letter.
@inline(__always)
func asciiLower(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }
