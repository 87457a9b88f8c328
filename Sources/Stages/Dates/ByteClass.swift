/// Classes of UTF-8 bytes for the date scanner's loops: one table load per byte.
enum ByteClass {
  /// ASCII spaces and punctuation.
  static let gap: UInt8 = 0
  static let digit: UInt8 = 1
  static let newline: UInt8 = 2
  /// ASCII letters, lead bytes of non-ASCII letters (Latin-1 letters, Cyrillic, ...) and
  /// continuation bytes (which only follow a lead byte).
  static let letter: UInt8 = 3
  /// The lead byte of a two-byte symbol (U+0080–U+00BF: no-break space, «, », ©, ·, º).
  static let symbol2: UInt8 = 4
  /// The lead byte of a three-byte symbol (U+2000–U+2FFF: dashes, quotes, bullets).
  static let symbol3: UInt8 = 5

  /// The class of every byte value.
  static let table: [UInt8] = {
    var t = [UInt8](repeating: gap, count: 256)
    for b in 48...57 { t[b] = digit }
    t[10] = newline
    for b in 97...122 { t[b] = letter }
    for b in 65...90 { t[b] = letter }
    for b in 0x80...0xFF { t[b] = letter }
    t[0xC2] = symbol2
    t[0xE2] = symbol3
    return t
  }()

  /// Whether a byte of class `c` belongs to a word.
  @inline(__always)
  static func isWordByte(_ c: UInt8) -> Bool { c == letter }

  /// Calls `visit` at each word start in `p[from..<to]`: a letter after a non-letter, or an ASCII
  /// capital right after an ASCII lowercase letter (words the converter glued together:
  /// `PrescottMarch`, `DaulbayevOTTAWA`). Symbols (`«`, `•`, no-break space) separate words.
  /// `visit` returns where to continue (past what it matched), or nil to go on after the start.
  @inline(__always)
  static func forEachWordStart(
    _ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int, _ visit: (Int) -> Int?
  ) {
    var i = from
    var inWord = false
    while i < to {
      let b = p[i]
      let c = table[Int(b)]
      if c == letter {
        let camel = inWord && b &- 65 < 26 && i > from && p[i - 1] &- 97 < 26
        if !inWord || camel, let next = visit(i), next > i {
          i = next
          inWord = false
          continue
        }
        inWord = true
        i += 1
      } else {
        inWord = false
        i += c == symbol2 ? 2 : c == symbol3 ? 3 : 1
      }
    }
  }
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
