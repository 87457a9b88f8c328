/// A read-only map from (state, word id) to a state, for the phrase automaton and the label
/// trie, over a ``PackedKeyTable`` of packed (state, id) keys.
struct WordPairTable: Sendable {
  private let table: PackedKeyTable<UInt32>

  /// The key of a pair (never 0: states and ids used as keys start at 1).
  @inline(__always)
  static func key(_ state: UInt32, _ id: UInt32) -> UInt64 { UInt64(state) << 32 | UInt64(id) }

  /// A table of `pairs` (keys from ``key(_:_:)`` → states other than 0), at most half full.
  init(_ pairs: [UInt64: UInt32]) {
    table = PackedKeyTable(pairs, spread: 2, missing: 0)
  }

  /// The state for `(state, id)`, or 0 when there is none.
  @inline(__always)
  func next(_ state: UInt32, _ id: UInt32) -> UInt32 { table.value(Self.key(state, id)) }
}
