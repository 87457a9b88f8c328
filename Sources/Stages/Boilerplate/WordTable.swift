/// A read-only open-addressing hash table from word hashes to flag bits and phrase-word ids:
/// every vocabulary word, for the words that the ``PackedWordTable`` does not take (longer than
/// eight bytes, or not ASCII).
///
/// Built once when a stage is configured; a flat power-of-two array probed linearly behind a
/// presence filter.
struct WordTable: Sendable {
  /// What a word is (phrases themselves live in the ``PhraseAutomaton``).
  struct Flags: OptionSet, Sendable, Hashable {
    let rawValue: UInt32
    /// A stop word (function word) of some language.
    static let stop = Flags(rawValue: 1 << 0)
    /// The first word of a phrase (or a whole one-word phrase): the phrase automaton leaves its
    /// start state only on such a word.
    static let prefix = Flags(rawValue: 1 << 1)
    /// A boilerplate phrase ("all rights reserved").
    static let strong = Flags(rawValue: 1 << 2)
    /// A signal word or phrase ("facebook", "print"): a hint, not proof.
    static let weak = Flags(rawValue: 1 << 3)
    /// A word that ends image alt-text ("logo", "icon").
    static let altText = Flags(rawValue: 1 << 5)
    /// A word that credits a picture or source when a colon follows ("Foto:", "Photo:").
    static let credit = Flags(rawValue: 1 << 6)
    /// A phrase that starts the part after an article (related links, comments).
    static let terminal = Flags(rawValue: 1 << 7)
    /// A word that starts a byline ("by", "von").
    static let byline = Flags(rawValue: 1 << 8)
    /// A phrase word whose start state (see ``WordEntry``) does not fit in its entry: the
    /// scanner steps the automaton the general way.
    static let deepStart = Flags(rawValue: 1 << 9)
  }

  /// One slot of the table: a key (0 = empty), its flags and its phrase-word id (0 = the word
  /// is in no phrase or label).
  struct Slot {
    var key: UInt64 = 0
    var flags: UInt32 = 0
    var id: UInt32 = 0
  }

  private let slots: [Slot]
  private let mask: Int
  /// A 64-Kibit presence filter (8 KiB, stays in the L1 cache): most words of running text
  /// are in no list, and the filter rejects them without touching the table.
  private let filter: [UInt64]

  @inline(__always)
  fileprivate static func filterBit(_ key: UInt64) -> (word: Int, bit: UInt64) {
    let b = Int(truncatingIfNeeded: (key >> 40) & 0xFFFF)
    return (b >> 6, 1 << UInt64(b & 63))
  }

  @inline(__always)
  fileprivate static func home(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
  }

  /// Builds the table from entries: word hash → flags and phrase-word id.
  init(_ entries: [UInt64: WordEntry]) {
    var capacity = 16
    while capacity < entries.count * 2 + 1 { capacity <<= 1 }
    var slots = [Slot](repeating: Slot(), count: capacity)
    var filter = [UInt64](repeating: 0, count: 1024)
    let mask = capacity - 1
    for (rawKey, entry) in entries {
      let key = rawKey == 0 ? 1 : rawKey
      let (word, bit) = Self.filterBit(key)
      filter[word] |= bit
      var slot = Self.home(key, mask)
      while slots[slot].key != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
      slots[slot].key = key
      slots[slot].flags |= entry.flags
      if entry.id != 0 { slots[slot].id = entry.id }
    }
    self.slots = slots
    self.mask = mask
    self.filter = filter
  }

  /// The flags and phrase-word id of `rawKey` (empty when absent).
  func entry(_ rawKey: UInt64) -> WordEntry {
    withView { $0.entry(rawKey) }
  }

  /// Calls `body` with a view of the table for fast lookups (valid only inside `body`).
  func withView<R>(_ body: (View) throws -> R) rethrows -> R {
    try filter.withUnsafeBufferPointer { f in
      try slots.withUnsafeBufferPointer { s in
        // Both arrays are never empty (1024 filter words, at least 16 slots).
        guard let filter = f.baseAddress, let slots = s.baseAddress else {
          preconditionFailure("empty word table")
        }
        return try body(View(filter: filter, slots: slots, mask: mask))
      }
    }
  }

  /// A borrowed view of the table's memory: lookups without array overhead.
  struct View {
    let filter: UnsafePointer<UInt64>
    let slots: UnsafePointer<Slot>
    let mask: Int

    /// The flags of `rawKey` (empty when absent).
    /// The flags and phrase-word id of `rawKey` (empty when absent).
    @inline(__always)
    func entry(_ rawKey: UInt64) -> WordEntry {
      let key = rawKey == 0 ? 1 : rawKey
      let (word, bit) = WordTable.filterBit(key)
      if filter[word] & bit == 0 { return WordEntry() }
      var slot = WordTable.home(key, mask)
      while true {
        let found = slots[slot]
        if found.key == key { return WordEntry(flags: found.flags, id: found.id) }
        if found.key == 0 { return WordEntry() }
        slot = (slot &+ 1) & mask
      }
    }
  }
}
