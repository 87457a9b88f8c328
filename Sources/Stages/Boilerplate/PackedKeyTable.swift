/// A read-only open-addressing map from nonzero 64-bit keys to small values: one multiply-shift
/// (Fibonacci hashing) finds the home slot, one compare per probe, linear probing, and an empty
/// slot (key 0) ends a miss.
///
/// It serves the line scanner twice: short words by their packed bytes (``PackedWordTable``) and
/// the word automaton's transitions by their packed (state, word id) pair (``WordPairTable``).
struct PackedKeyTable<Value: BitwiseCopyable & Sendable>: Sendable {
  private let keys: FrozenBuffer<UInt64>
  private let values: FrozenBuffer<Value>
  private let missing: Value
  private let mask: Int
  private let shift: UInt64

  /// A table of `pairs` (key 0 is skipped) with at least `spread` slots a key, so that a key that
  /// is not in it is rejected after one or two probes; `missing` is the value of such a key.
  init(_ pairs: [UInt64: Value], spread: Int, missing: Value) {
    var bits = 4
    while (1 << bits) < pairs.count * spread { bits += 1 }
    let capacity = 1 << bits
    var keys = [UInt64](repeating: 0, count: capacity)
    var values = [Value](repeating: missing, count: capacity)
    let shift = UInt64(64 - bits)
    for (key, value) in pairs where key != 0 {
      var slot = Self.home(key, shift)
      while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = key
      values[slot] = value
    }
    self.keys = FrozenBuffer(keys)
    self.values = FrozenBuffer(values)
    self.missing = missing
    self.mask = capacity - 1
    self.shift = shift
  }

  @inline(__always)
  private static func home(_ key: UInt64, _ shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
  }

  /// The value of `key` (not 0), or the table's missing value.
  @inline(__always)
  func value(_ key: UInt64) -> Value {
    var slot = Self.home(key, shift)
    let keys = self.keys.base
    while true {
      // `slot` is always masked to the table's power-of-two capacity.
      let found = keys[slot]
      if found == key { return values.base[slot] }
      if found == 0 { return missing }
      slot = (slot &+ 1) & mask
    }
  }
}
