/// A set of words compared case-insensitively against tokens of the text, without building
/// strings: each word is kept as a hash of its folded bytes (see ``CaseFold``), in an
/// open-addressing table probed without `Hasher`.
struct WordSet: Sendable {
  /// The word hashes by slot; 0 marks an empty slot (a word hashing to 0 is kept in `hasZero`).
  private let slots: [UInt64]
  private let shift: UInt64
  private let hasZero: Bool

  init(_ words: [String]) {
    let hashes = Set(words.map { Self.hash(CaseFold.fold($0)) })
    var bits: UInt64 = 4
    while (1 << bits) < hashes.count * 4 { bits += 1 }
    let size = 1 << Int(bits)
    var slots = [UInt64](repeating: 0, count: size)
    let shift = 64 - bits
    for h in hashes where h != 0 {
      var s = Self.slot(h, shift)
      while slots[s] != 0 { s = (s + 1) & (size - 1) }
      slots[s] = h
    }
    self.slots = slots
    self.shift = shift
    self.hasZero = hashes.contains(0)
  }

  /// The home slot of a hash: its top bits after a multiplication that mixes all of them.
  @inline(__always)
  private static func slot(_ h: UInt64, _ shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// FNV-1a over folded bytes.
  static func hash<C: Collection>(_ folded: C) -> UInt64 where C.Element == UInt8 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in folded { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
  }

  /// The hash of the core of `t`, folded on the fly.
  static func hash(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var i = t.coreStart
    while i < t.coreEnd {
      let (a, b, w) = CaseFold.unit(p, i, t.coreEnd)
      h = (h ^ UInt64(a)) &* 0x0000_0100_0000_01B3
      if b != 0 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
      i += w
    }
    return h
  }

  /// Whether the core of `t` is one of the words.
  func contains(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    contains(hash: Self.hash(p, t))
  }

  /// Whether a token hash (``hash(_:_:)``) is one of the words.
  func contains(hash h: UInt64) -> Bool {
    if h == 0 { return hasZero }
    let mask = slots.count - 1
    var s = Self.slot(h, shift)
    while true {
      let v = slots[s]
      if v == h { return true }
      if v == 0 { return false }
      s = (s + 1) & mask
    }
  }
}
