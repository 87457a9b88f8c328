/// A read-only open-addressing map from nonzero 64-bit keys to small values: one multiply-shift
/// (Fibonacci hashing) finds the home slot, linear probing, and an empty slot (key 0, holding
/// the missing value) ends a miss.
///
/// It serves the line scanner twice: short words by their packed bytes (``PackedWordTable``) and
/// the word automaton's transitions by their packed (state, word id) pair (``WordPairTable``).
///
/// A lookup reads the home slot's key and the next one and picks the slot to read the value
/// from by adding a flag, not by a branch (whether a word of running text is in the table is a
/// coin toss): the home slot when it holds the key or is empty, else the next one, which then
/// holds the key or is empty (its value is the missing one). Only a key whose two first slots
/// both hold other keys (a few per cent at the table's load) takes a probe loop.
struct PackedKeyTable<Value: BitwiseCopyable & Sendable>: Sendable {
  /// A key and its value, side by side: a lookup reads one cache line.
  struct Slot: BitwiseCopyable {
    var key: UInt64
    var value: Value
  }

  /// `capacity + 1` slots: the last one repeats slot 0, so that the slot after any home slot is
  /// read without masking.
  private let slots: FrozenBuffer<Slot>
  private let mask: Int
  private let shift: UInt64

  /// A table of `pairs` (key 0 is skipped) with at least `spread` slots a key, so that a key that
  /// is not in it is rejected after one or two probes; `missing` is the value of such a key.
  init(_ pairs: [UInt64: Value], spread: Int, missing: Value) {
    var bits = 4
    while (1 << bits) < pairs.count * spread { bits += 1 }
    let capacity = 1 << bits
    var keys = [UInt64](repeating: 0, count: capacity + 1)
    var values = [Value](repeating: missing, count: capacity + 1)
    let shift = UInt64(64 - bits)
    // Inserted in key order: the layout, and so which keys sit past the two slots a lookup
    // reads at once, does not depend on the dictionary's per-process iteration order.
    for (key, value) in pairs.sorted(by: { $0.key < $1.key }) where key != 0 {
      var slot = Self.home(key, shift)
      while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = key
      values[slot] = value
    }
    keys[capacity] = keys[0]
    values[capacity] = values[0]
    self.slots = FrozenBuffer(zip(keys, values).map { Slot(key: $0, value: $1) })
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
    let home = Self.home(key, shift)
    // `home` < capacity, so `home + 1` ≤ capacity is inside both buffers.
    let k0 = slots.base[home].key
    let k1 = slots.base[home &+ 1].key
    // 1 when the home slot holds another key: the key, if anywhere, is further on.
    let taken = (k0 == key ? 0 : 1) & (k0 == 0 ? 0 : 1)
    // Both slots hold other keys: rare, so one or-ed test that is almost never true guards
    // the loop.
    let open: UInt8 = UInt8(truncatingIfNeeded: taken) & (k1 == key ? 0 : 1) & (k1 == 0 ? 0 : 1)
    if open != 0 { return slots.base[probe(key, from: (home &+ 2) & mask)].value }
    return slots.base[home &+ taken].value
  }

  /// The index of `key`'s value, probing from `slot` on (an empty slot's when absent).
  @inline(never)
  private func probe(_ key: UInt64, from slot: Int) -> Int {
    var slot = slot
    let slots = self.slots.base
    while true {
      // `slot` is always masked to the table's power-of-two capacity.
      let found = slots[slot].key
      if found == key || found == 0 { return slot }
      slot = (slot &+ 1) & mask
    }
  }
}
