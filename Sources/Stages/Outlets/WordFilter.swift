/// Decides cheaply whether a phrase of a ``PhraseMatcher`` can start at a word of the text, so
/// the trie is entered only there.
///
/// Three bit sets of 65,536 bits: first words after which anything may follow (one-word phrases),
/// first words of longer phrases, and pairs of such a first word with the three bytes after it
/// (`on` + ` fa` for "on facebook"). A word is hashed from its first eight folded bytes and its
/// length (``wordKey(packed:length:)``); common words that open a longer phrase (`on`, `is`,
/// `de`) are then tried only where the phrase can go on. The filter never rejects a word where a
/// phrase matches; it may let through words where none does.
struct WordFilter: Sendable {
  private var single = [UInt64](repeating: 0, count: 1024)
  private var paired = [UInt64](repeating: 0, count: 1024)
  private var pairs = [UInt64](repeating: 0, count: 1024)
  /// The first two bytes of phrases (each with bit 5 set), when both are ASCII.
  private var openings = [UInt64](repeating: 0, count: 1024)

  /// The key of a word from its first (at most eight) folded bytes, each with bit 5 set, packed
  /// little-endian, and its length in bytes.
  @inline(__always)
  static func wordKey(packed: UInt64, length: Int) -> UInt64 {
    (packed ^ (UInt64(truncatingIfNeeded: min(length, 63)) &* 0x9E37_79B9_7F4A_7C15))
      &* 0xBF58_476D_1CE4_E5B9
  }

  /// The key of a first word together with the three (ASCII, lower-cased) bytes after it.
  @inline(__always)
  static func pairKey(_ word: UInt64, next: UInt64) -> UInt64 {
    ((word >> 7) ^ (next &* 0x94D0_49BB_1331_11EB)) &* 0xBF58_476D_1CE4_E5B9
  }

  @inline(__always)
  private static func test(_ bits: [UInt64], _ key: UInt64) -> Bool {
    let k = Int(truncatingIfNeeded: key >> 48)
    return bits[k >> 6] & (1 << UInt64(k & 63)) != 0
  }

  private static func set(_ bits: inout [UInt64], _ key: UInt64) {
    let k = Int(truncatingIfNeeded: key >> 48)
    bits[k >> 6] |= 1 << UInt64(k & 63)
  }

  /// Lets through the words where the folded phrase `folded` (``CaseFold/fold(_:)``) can start.
  mutating func insert(folded: [UInt8]) {
    if folded.count >= 2 && folded[0] | folded[1] < 0x80 {
      let k = Int(folded[0] | 0x20) | Int(folded[1] | 0x20) << 8
      openings[k >> 6] |= 1 << UInt64(k & 63)
    }
    var length = 0
    var packed: UInt64 = 0
    while length < folded.count && TextScan.continuesWord(folded[length]) {
      if length < 8 { packed |= UInt64(folded[length] | 0x20) << UInt64(8 * length) }
      length += 1
    }
    guard length > 0 else { return }  // never at a word start
    let key = Self.wordKey(packed: packed, length: length)
    guard folded.count - length >= 3 else {
      Self.set(&single, key)
      return
    }
    Self.set(&paired, key)
    let a = folded[length]
    let b = folded[length + 1]
    let c = folded[length + 2]
    // Non-ASCII bytes after the first word are never tested (the text side lets them through).
    guard a | b | c < 0x80 else { return }
    let next = UInt64(CaseFold.lower(a)) | UInt64(CaseFold.lower(b)) << 8 | UInt64(CaseFold.lower(c)) << 16
    Self.set(&pairs, Self.pairKey(key, next: next))
  }

  /// Whether a phrase may start with the two ASCII bytes packed in the low 16 bits of `two`
  /// (each with bit 5 set); a quick test before the word is hashed.
  @inline(__always)
  func mayOpen(_ two: UInt64) -> Bool {
    let k = Int(truncatingIfNeeded: two & 0xFFFF)
    return openings[k >> 6] & (1 << UInt64(k & 63)) != 0
  }

  /// Whether a phrase may start at a word whose key is `key` and which ends at `end` in `p`.
  @inline(__always)
  func mayStart(_ key: UInt64, _ p: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
    if Self.test(single, key) { return true }
    guard Self.test(paired, key) else { return false }
    guard end + 3 <= p.count else { return false }  // too short for the rest of the phrase
    let a = p[end]
    let b = p[end + 1]
    let c = p[end + 2]
    guard a | b | c < 0x80 else { return true }
    let next = UInt64(CaseFold.lower(a)) | UInt64(CaseFold.lower(b)) << 8 | UInt64(CaseFold.lower(c)) << 16
    return Self.test(pairs, Self.pairKey(key, next: next))
  }
}
