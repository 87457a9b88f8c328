/// Vocabulary words of one to eight ASCII bytes looked up by their folded bytes packed into one
/// `UInt64` (little-endian, zero above the word): one multiply-shift to find the home slot, one
/// compare per probe, and no hash collisions because the key is the word itself.
///
/// The line scanner's fast path reads a short ASCII word as exactly this packed value, so looking
/// it up costs no hashing at all; longer and non-ASCII words go to the ``WordTable``.
struct PackedWordTable: Sendable {
  private let keys: FrozenBuffer<UInt64>
  private let entries: FrozenBuffer<WordEntry>
  private let mask: Int
  private let shift: UInt64

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
    var bits = 4
    while (1 << bits) < words.count * 4 { bits += 1 }
    let capacity = 1 << bits
    var keys = [UInt64](repeating: 0, count: capacity)
    var entries = [WordEntry](repeating: WordEntry(), count: capacity)
    let shift = UInt64(64 - bits)
    for (key, entry) in words where key != 0 {
      var slot = Self.home(key, shift)
      while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = key
      entries[slot] = entry
    }
    self.keys = FrozenBuffer(keys)
    self.entries = FrozenBuffer(entries)
    self.mask = capacity - 1
    self.shift = shift
  }

  @inline(__always)
  private static func home(_ key: UInt64, _ shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
  }

  /// The entry of the packed word `key` (not 0); empty when the word is not in the table.
  @inline(__always)
  func entry(_ key: UInt64) -> WordEntry {
    var slot = Self.home(key, shift)
    let keys = self.keys.base
    while true {
      // `slot` is always masked to the table's power-of-two capacity.
      let found = keys[slot]
      if found == key { return entries.base[slot] }
      if found == 0 { return WordEntry() }
      slot = (slot &+ 1) & mask
    }
  }
}
