/// A set of words compared case-insensitively against tokens of the text, without building
/// strings: each word is kept as a hash of its folded bytes (see ``CaseFold``).
struct WordSet: Sendable {
  private let hashes: Set<UInt64>

  init(_ words: [String]) {
    hashes = Set(words.map { Self.hash(CaseFold.fold($0)) })
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
    hashes.contains(Self.hash(p, t))
  }

  /// Whether a token hash (``hash(_:_:)``) is one of the words.
  func contains(hash: UInt64) -> Bool { hashes.contains(hash) }
}
