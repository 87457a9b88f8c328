/// A read-only map from (state, word id) to a state, for the phrase automaton and the label
/// trie: an open-addressing table of packed 64-bit keys with a multiply-shift home slot.
struct WordPairTable: Sendable {
  private let keys: FrozenBuffer<UInt64>
  private let values: FrozenBuffer<UInt32>
  private let mask: Int
  private let shift: UInt64

  /// The key of a pair (never 0: states and ids used as keys start at 1).
  @inline(__always)
  static func key(_ state: UInt32, _ id: UInt32) -> UInt64 { UInt64(state) << 32 | UInt64(id) }

  /// A table of `pairs` (keys from ``key(_:_:)`` → states other than 0), at most half full.
  init(_ pairs: [UInt64: UInt32]) {
    var bits = 4
    while (1 << bits) < pairs.count * 2 { bits += 1 }
    let capacity = 1 << bits
    var keys = [UInt64](repeating: 0, count: capacity)
    var values = [UInt32](repeating: 0, count: capacity)
    let shift = UInt64(64 - bits)
    for (key, value) in pairs where key != 0 {
      var slot = Self.home(key, shift)
      while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = key
      values[slot] = value
    }
    self.keys = FrozenBuffer(keys)
    self.values = FrozenBuffer(values)
    self.mask = capacity - 1
    self.shift = shift
  }

  @inline(__always)
  private static func home(_ key: UInt64, _ shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
  }

  /// The state for `(state, id)`, or 0 when there is none.
  @inline(__always)
  func next(_ state: UInt32, _ id: UInt32) -> UInt32 {
    let key = Self.key(state, id)
    var slot = Self.home(key, shift)
    let keys = self.keys.base
    while true {
      // `slot` is always masked to the table's power-of-two capacity.
      let found = keys[slot]
      if found == key { return values.base[slot] }
      if found == 0 { return 0 }
      slot = (slot &+ 1) & mask
    }
  }
}
