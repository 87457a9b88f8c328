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
    slowBits = .allocate(capacity: 0x10000 / 64)
    slowBits.initialize(repeating: 0, count: 0x10000 / 64)
    for cp in UInt32(0x80)...0xFFFF {
      var slow =
        TextCleaner.action(for: cp) != .keep || TextCleaner.mayStartMojibakeAlone(cp) || cp == 0x402
      slow = slow || (0xD800...0xDFFF).contains(cp) || normalization?.isSensitive(cp) == true
      slow = slow || (asciiPunctuation && TextCleaner.asciiReplacement(cp) != nil)
      if slow { slowBits[Int(cp >> 6)] |= 1 << UInt64(cp & 63) }
    }
    strongBits = .allocate(capacity: 0x10000 / 64)
    strongBits.initialize(repeating: 0, count: 0x10000 / 64)
    let strong = MojibakeCategory.mojibakeClasses.subtracting([.lowerCommon, .upperCommon, .common])
    for cp in UInt32(0x80)...0xFFFF where MojibakeCategory.of(cp).containsAny(strong) || cp == 0x402 {
      strongBits[Int(cp >> 6)] |= 1 << UInt64(cp & 63)
    }
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
