/// Vocabulary words of one to eight ASCII bytes looked up by their folded bytes packed into one
/// `UInt64` (little-endian, zero above the word): one multiply-shift to find the home slot, one
/// compare per probe, and no hash collisions because the key is the word itself.
///
/// The line scanner's fast path reads a short ASCII word as exactly this packed value, so looking
/// it up costs no hashing at all; longer and non-ASCII words go to the ``WordTable``.
struct PackedWordTable: Sendable {
  private let table: PackedKeyTable<WordEntry>

  /// The packed key of a folded word, or nil when it is empty, longer than eight bytes or not
  /// ASCII.
  static func key(_ folded: [UInt8]) -> UInt64? {
    guard !folded.isEmpty, folded.count <= 8, folded.allSatisfy({ $0 < 0x80 && $0 != 0 }) else {
      return nil
    }
    var x: UInt64 = 0
    for b in folded.reversed() { x = x << 8 | UInt64(b) }
    return x
  }

  /// A table of `words` (packed key → entry). The table is kept at most a quarter full so that
  /// a word that is not in it (most words of running text) is rejected after one or two probes.
  init(_ words: [UInt64: WordEntry]) {
    table = PackedKeyTable(words, spread: 4, missing: WordEntry())
  }

  /// The entry of the packed word `key` (not 0); empty when the word is not in the table.
  @inline(__always)
  func entry(_ key: UInt64) -> WordEntry { table.value(key) }
}
