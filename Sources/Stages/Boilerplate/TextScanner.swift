/// Byte-level helpers shared by the boilerplate code: UTF-8 decoding, a small case fold and the
/// word hash that the vocabulary and the line scanner agree on.
///
/// Words are runs of letters and digits; everything else separates them, except soft hyphens,
/// zero-width characters and variation selectors, which are skipped inside a word. A lower-case
/// letter followed by an upper-case one also starts a new word, so glued text such as
/// `iconInstagram` or `DaulbayevOTTAWA` splits where a reader would split it.
enum TextScanner {
  /// What a code point is for tokenising.
  enum CharKind: UInt8 {
    case lower, upper, caseless, digit, separator, ignorable
  }

  /// Decodes the code point starting at `i` (which must be `< end`); returns it and its length.
  /// Invalid UTF-8 decodes as U+FFFD with length 1.
  @inline(__always)
  static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int) {
    let b0 = p[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    if b0 >= 0xC2 && b0 < 0xE0, i + 1 < end {
      let b1 = p[i + 1]
      if b1 & 0xC0 == 0x80 { return (UInt32(b0 & 0x1F) << 6 | UInt32(b1 & 0x3F), 2) }
    } else if b0 >= 0xE0 && b0 < 0xF0, i + 2 < end {
      let b1 = p[i + 1]
      let b2 = p[i + 2]
      if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
        return (UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F), 3)
      }
    } else if b0 >= 0xF0 && b0 < 0xF5, i + 3 < end {
      let b1 = p[i + 1]
      let b2 = p[i + 2]
      let b3 = p[i + 3]
      if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 && b3 & 0xC0 == 0x80 {
        let hi = UInt32(b0 & 0x07) << 18 | UInt32(b1 & 0x3F) << 12
        return (hi | UInt32(b2 & 0x3F) << 6 | UInt32(b3 & 0x3F), 4)
      }
    }
    return (0xFFFD, 1)
  }

  /// The kind of a non-ASCII code point and its lower-case form (Latin-1, Latin Extended-A,
  /// Greek and Cyrillic are folded; other scripts count as caseless letters).
  @inline(__always)
  static func classify(_ cp: UInt32) -> (CharKind, UInt32) {
    if cp < 0x80 {
      if cp >= 0x61 && cp <= 0x7A { return (.lower, cp) }
      if cp >= 0x41 && cp <= 0x5A { return (.upper, cp | 0x20) }
      if cp >= 0x30 && cp <= 0x39 { return (.digit, cp) }
      return (.separator, cp)
    }
    if cp < 0xC0 { return cp == 0xAD ? (.ignorable, cp) : (.separator, cp) }
    if cp < 0x100 {
      if cp == 0xD7 || cp == 0xF7 { return (.separator, cp) }
      if cp < 0xDF { return (.upper, cp + 0x20) }
      return (.lower, cp)
    }
    if cp < 0x180 {
      // Latin Extended-A: pairs of upper then lower, shifted by one in 0x139–0x148 and 0x179–0x17E.
      let oddUpper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)
      let isUpper = oddUpper ? (cp & 1 == 1) : (cp & 1 == 0)
      if cp == 0x138 || cp == 0x149 || cp == 0x17F { return (.lower, cp) }
      return isUpper ? (.upper, cp + 1) : (.lower, cp)
    }
    if cp >= 0x391 && cp <= 0x3A9 { return (.upper, cp + 0x20) }
    if cp >= 0x3B1 && cp <= 0x3C9 { return (.lower, cp) }
    if cp >= 0x400 && cp < 0x530 {
      if cp < 0x410 { return (.upper, cp + 0x50) }
      if cp < 0x430 { return (.upper, cp + 0x20) }
      if cp < 0x460 { return (.lower, cp) }
      return (cp & 1 == 0) ? (.upper, cp + 1) : (.lower, cp)
    }
    if cp >= 0x2000 && cp < 0x2C00 {
      if (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 { return (.ignorable, cp) }
      return (.separator, cp)
    }
    if cp >= 0x3000 && cp < 0x3040 { return (.separator, cp) }
    if cp >= 0xFE00 && cp <= 0xFE0F { return (.ignorable, cp) }
    if cp == 0xFEFF { return (.ignorable, cp) }
    if cp >= 0xFF00 && cp < 0xFF10 { return (.separator, cp) }
    if cp >= 0x1F000 || cp == 0xFFFD { return (.separator, cp) }
    return (.caseless, cp)
  }

  /// The kind of an ASCII byte.
  @inline(__always)
  static func asciiKind(_ b: UInt8) -> CharKind {
    let lower = b | 0x20
    if lower >= 0x61 && lower <= 0x7A { return b & 0x20 != 0 ? .lower : .upper }
    if b >= 0x30 && b <= 0x39 { return .digit }
    return .separator
  }

  /// Whether an ASCII byte is a space or tab (line-internal whitespace).
  @inline(__always)
  static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

  /// FNV-1a offset basis: the hash of the empty word.
  static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

  /// Adds one folded code point to a word hash.
  @inline(__always)
  static func add(_ h: UInt64, _ cp: UInt32) -> UInt64 {
    (h ^ UInt64(cp)) &* 0x0000_0100_0000_01B3
  }

  /// The murmur3 finaliser: spreads every input bit over the whole word.
  @inline(__always)
  static func mix(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
    z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
    return z ^ (z >> 33)
  }

  /// Chains word hashes into the hash of a word sequence (a phrase, or a whole line).
  @inline(__always)
  static func chain(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let x = (a ^ (a >> 31)) &* 0xBF58_476D_1CE4_E5B9
    return (x ^ (x >> 29)) ^ b
  }

  /// One word of a vocabulary entry: its hash and, for a word of one to eight ASCII bytes, its
  /// packed key.
  struct Word: Equatable {
    /// The word's hash (``WordHash``), as the line scanner computes it for the same word.
    var hash: UInt64
    /// The word's folded bytes packed little-endian (``PackedWordTable``), or nil when it is
    /// longer than eight bytes or not ASCII.
    var packed: UInt64?
  }

  /// The word hashes of `text`, tokenised exactly as the line scanner tokenises document text.
  static func wordHashes(_ text: String) -> [UInt64] { words(text).map(\.hash) }

  /// The words of `text` with their hashes and packed keys, tokenised exactly as the line
  /// scanner tokenises document text.
  static func words(_ text: String) -> [Word] {
    var text = text
    return text.withUTF8 { words($0) }
  }

  /// The words of the UTF-8 text `p` (see ``words(_:)-(String)``).
  private static func words(_ p: UnsafeBufferPointer<UInt8>) -> [Word] {
    var out: [Word] = []
    var i = 0
    var h = WordHash()
    // The folded bytes packed so far and their count (9: too long or not ASCII, no key).
    var packed: UInt64 = 0
    var packedCount = 0
    var inWord = false
    var prevLower = false
    func flush() {
      if inWord { out.append(Word(hash: h.value, packed: packedCount <= 8 ? packed : nil)) }
      h = WordHash()
      packed = 0
      packedCount = 0
    }
    while i < p.count {
      let (cp, n) = decode(p, i, p.count)
      i += n
      let (kind, cpFolded) = classify(cp)
      switch kind {
      case .ignorable: continue
      case .separator:
        flush()
        inWord = false
        prevLower = false
      case .lower, .upper, .caseless, .digit:
        if inWord && prevLower && kind == .upper { flush() }
        h.add(cpFolded)
        if cpFolded < 0x80 && packedCount < 8 {
          packed |= UInt64(cpFolded) << UInt64(8 * packedCount)
          packedCount += 1
        } else {
          packedCount = 9
        }
        inWord = true
        prevLower = kind == .lower
      }
    }
    flush()
    return out
  }

  /// The hash of a word sequence: the first word's hash chained with the following ones.
  static func phraseHash(_ words: [UInt64]) -> UInt64? {
    guard var h = words.first else { return nil }
    for w in words.dropFirst() { h = chain(h, w) }
    return h
  }
}

/// The hash of one word: the UTF-8 bytes of its folded characters, packed eight at a time into a
/// 64-bit accumulator that is mixed into the hash once per eight bytes. The line scanner adds
/// whole runs of ASCII letters at once (``add(bytes:count:)``); other characters are added one by
/// one (``add(_:)``), with the same result.
struct WordHash {
  private var h: UInt64 = WordHash.seed
  private static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15
  private var acc: UInt64 = 0
  private var n = 0

  /// Adds `count` (1...8) bytes, little-endian in `bytes` (zero above them).
  @inline(__always)
  mutating func add(bytes: UInt64, count: Int) {
    let shift = UInt64(n &* 8)
    acc |= bytes &<< shift
    let total = n &+ count
    if total >= 8 {
      h = Self.mix(h ^ acc)
      acc = shift == 0 ? 0 : bytes &>> (64 &- shift)
      n = total &- 8
    } else {
      n = total
    }
  }

  /// Adds one folded code point (as its UTF-8 bytes).
  @inline(__always)
  mutating func add(_ cp: UInt32) {
    let c = UInt64(cp)
    if cp < 0x80 {
      add(bytes: c, count: 1)
    } else if cp < 0x800 {
      add(bytes: (0xC0 | c >> 6) | (0x80 | c & 0x3F) << 8, count: 2)
    } else if cp < 0x10000 {
      add(bytes: (0xE0 | c >> 12) | (0x80 | c >> 6 & 0x3F) << 8 | (0x80 | c & 0x3F) << 16, count: 3)
    } else {
      let head = (0xF0 | c >> 18) | (0x80 | c >> 12 & 0x3F) << 8
      add(bytes: head | (0x80 | c >> 6 & 0x3F) << 16 | (0x80 | c & 0x3F) << 24, count: 4)
    }
  }

  /// The hash of a word of at most seven bytes, `bytes` little-endian (zero above them): the
  /// same as adding them to an empty hash.
  @inline(__always)
  static func short(_ bytes: UInt64) -> UInt64 { mix(seed ^ bytes) }

  /// The hash of a word of 8 to 15 bytes: `first` holds its first eight bytes and `rest` the
  /// others (zero above them); the same as adding them to an empty hash.
  @inline(__always)
  static func pair(_ first: UInt64, _ rest: UInt64) -> UInt64 { mix(mix(seed ^ first) ^ rest) }

  /// A cheap bijective mix (multiply, xor-shift): words of up to eight bytes never collide.
  @inline(__always)
  private static func mix(_ x: UInt64) -> UInt64 {
    let z = x &* 0x9E37_79B9_7F4A_7C15
    return z ^ (z >> 29)
  }

  /// The word's hash.
  @inline(__always)
  var value: UInt64 { Self.mix(h ^ acc) }
}
