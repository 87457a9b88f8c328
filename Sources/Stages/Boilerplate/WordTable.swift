/// A read-only open-addressing hash table from word (or word-sequence) hashes to flag bits.
///
/// Built once when a stage is configured; looked up for every word of every line, so it is a
/// flat power-of-two array probed linearly.
struct WordTable: Sendable {
  /// What an entry is.
  struct Flags: OptionSet, Sendable, Hashable {
    let rawValue: UInt32
    /// A stop word (function word) of some language.
    static let stop = Flags(rawValue: 1 << 0)
    /// The start of a longer phrase: keep matching with the next word.
    static let prefix = Flags(rawValue: 1 << 1)
    /// A complete boilerplate phrase ("all rights reserved").
    static let strong = Flags(rawValue: 1 << 2)
    /// A complete signal word or phrase ("facebook", "print"): a hint, not proof.
    static let weak = Flags(rawValue: 1 << 3)
    /// A whole line with exactly these words is a button or menu label ("Share", "Startseite").
    static let line = Flags(rawValue: 1 << 4)
    /// A word that ends image alt-text ("logo", "icon").
    static let altText = Flags(rawValue: 1 << 5)
    /// A word that credits a picture or source when a colon follows ("Foto:", "Photo:").
    static let credit = Flags(rawValue: 1 << 6)
    /// A phrase that starts the part after an article (related links, comments).
    static let terminal = Flags(rawValue: 1 << 7)
  }

  private let keys: [UInt64]
  private let values: [UInt32]
  private let mask: Int
  /// A 64-Kibit presence filter (8 KiB, stays in the L1 cache): most words of running text
  /// are in no list, and the filter rejects them without touching the table.
  private let filter: [UInt64]

  @inline(__always)
  private static func filterBit(_ key: UInt64) -> (word: Int, bit: UInt64) {
    let b = Int(truncatingIfNeeded: (key >> 40) & 0xFFFF)
    return (b >> 6, 1 << UInt64(b & 63))
  }

  /// Builds the table from entries; flags of equal keys are merged.
  init(_ entries: [UInt64: Flags]) {
    var capacity = 16
    while capacity < entries.count * 2 + 1 { capacity <<= 1 }
    var keys = [UInt64](repeating: 0, count: capacity)
    var values = [UInt32](repeating: 0, count: capacity)
    var filter = [UInt64](repeating: 0, count: 1024)
    let mask = capacity - 1
    for (rawKey, flags) in entries {
      let key = rawKey == 0 ? 1 : rawKey
      let (word, bit) = Self.filterBit(key)
      filter[word] |= bit
      var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
      while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
      keys[slot] = key
      values[slot] |= flags.rawValue
    }
    self.keys = keys
    self.values = values
    self.mask = mask
    self.filter = filter
  }

  /// The number of distinct keys.
  var count: Int { keys.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

  /// The flags of `rawKey` (empty when absent).
  @inline(__always)
  func flags(_ rawKey: UInt64) -> Flags {
    let key = rawKey == 0 ? 1 : rawKey
    let (word, bit) = Self.filterBit(key)
    if filter.withUnsafeBufferPointer({ $0[word] & bit }) == 0 { return [] }
    var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
    return keys.withUnsafeBufferPointer { k in
      while true {
        let found = k[slot]
        if found == key { return Flags(rawValue: values[slot]) }
        if found == 0 { return [] }
        slot = (slot + 1) & mask
      }
    }
  }
}
