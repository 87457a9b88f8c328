/// Which characters of the Basic Multilingual Plane ``TextCleaner`` may copy without a second
/// look, for one configuration: not a space, line break, invisible or control character, not a
/// character the normal form may change, not one that can start mojibake on its own, and not
/// typographic punctuation that is being folded to ASCII.
final class CleanerFastPath: @unchecked Sendable {
  /// One bit per BMP code point, set for characters that need the careful path. Written only
  /// in `init`.
  let slowBits: UnsafeMutablePointer<UInt64>
  /// One bit per BMP code point, set for characters in a mojibake class other than the letters
  /// of Greek and Cyrillic and common punctuation (see ``mayFormMojibake(_:followedBy:at:)``),
  /// and for `Ђ`. Written only in `init`.
  let strongBits: UnsafeMutablePointer<UInt64>

  private init(normalization: NormalizationCheck?, asciiPunctuation: Bool) {
    let words = 0x10000 / 64
    // The characters the normal form may change, and surrogates (which valid text never holds),
    // a word at a time; then the few characters with a rule of their own, from their ranges.
    slowBits = .allocate(capacity: words)
    for w in 0..<words { slowBits[w] = normalization?.bmpBits[w] ?? 0 }
    for w in (0xD800 / 64)...(0xDFFF / 64) { slowBits[w] = ~0 }
    slowBits[0] = 0  // ASCII never takes this path
    slowBits[1] = 0
    for range in TextCleaner.specialRanges {
      for cp in range
      where TextCleaner.action(for: cp) != .keep || TextCleaner.mayStartMojibakeAlone(cp)
        || (asciiPunctuation && TextCleaner.asciiReplacement(cp) != nil)
      {
        Self.set(slowBits, cp)
      }
    }
    Self.set(slowBits, 0x402)
    // Only the dense part of the category table and its few listed exceptions have classes.
    strongBits = .allocate(capacity: words)
    strongBits.initialize(repeating: 0, count: words)
    let strong = MojibakeCategory.mojibakeClasses.subtracting([.lowerCommon, .upperCommon, .common])
    for cp in (0x80..<MojibakeCategoryTable.denseLimit) + MojibakeCategory.sparse
    where MojibakeCategory.of(cp).containsAny(strong) {
      Self.set(strongBits, cp)
    }
    Self.set(strongBits, 0x402)
  }

  /// Sets the bit of `cp` in a table of BMP bits.
  private static func set(_ bits: UnsafeMutablePointer<UInt64>, _ cp: UInt32) {
    bits[Int(cp >> 6)] |= 1 << UInt64(cp & 63)
  }

  deinit {
    slowBits.deallocate()
    strongBits.deallocate()
  }

  /// Whether the character `scalar`, followed by the non-ASCII character that starts at
  /// `p[next]`, may be part of mojibake. Every pattern of ``Badness`` with two non-ASCII
  /// characters side by side has a pair where one is in a mojibake class other than Greek and
  /// Cyrillic letters and common punctuation (`Ã©`, `â€`, `Ð°`), or where the second is `Ђ`
  /// (`вЂ`); so running Russian or Kazakh text does not need a closer look.
  @inline(__always)
  func mayFormMojibake(_ scalar: UInt32, followedBy p: UnsafePointer<UInt8>, at next: Int) -> Bool {
    if isStrong(scalar) { return true }
    let b = p[next]
    if b >= 0xF0 { return false }  // above U+FFFF: no mojibake class
    return isStrong(TextCleaner.scalar2or3(p, next))
  }

  @inline(__always)
  private func isStrong(_ scalar: UInt32) -> Bool {
    scalar <= 0xFFFF && strongBits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
  }

  /// Whether `scalar` (U+0080–U+FFFF) needs the careful path.
  @inline(__always)
  func isSlow(_ scalar: UInt32) -> Bool {
    slowBits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
  }

  private static let nfc = CleanerFastPath(normalization: .nfc, asciiPunctuation: false)
  private static let nfcASCII = CleanerFastPath(normalization: .nfc, asciiPunctuation: true)
  private static let nfkc = CleanerFastPath(normalization: .nfkc, asciiPunctuation: false)
  private static let nfkcASCII = CleanerFastPath(normalization: .nfkc, asciiPunctuation: true)
  private static let plain = CleanerFastPath(normalization: nil, asciiPunctuation: false)
  private static let plainASCII = CleanerFastPath(normalization: nil, asciiPunctuation: true)

  /// The table for a normal form and punctuation setting (built once, on first use).
  static func table(form: NormalForm, asciiPunctuation: Bool) -> CleanerFastPath {
    switch form {
    case .nfc: return asciiPunctuation ? nfcASCII : nfc
    case .nfkc: return asciiPunctuation ? nfkcASCII : nfkc
    case .none: return asciiPunctuation ? plainASCII : plain
    }
  }
}
