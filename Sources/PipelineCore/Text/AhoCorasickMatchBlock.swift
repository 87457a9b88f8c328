/// Matches gathered by a scan of ``Automaton`` for the caller, handed over a block at a time
/// (when the block is full and at the end of the scan): one call per block instead of one per
/// match, so that a caller in another module loops over plain memory.
struct MatchBlock {
  /// The block's memory (uninitialised beyond `count`; matches are trivial values).
  let slots: UnsafeMutableBufferPointer<AhoCorasick.Match>
  /// The matches waiting in `slots`.
  var count = 0

  /// The number of matches per block.
  static let capacity = 256

  /// Adds `match`, first handing the full block to `body`.
  @inline(__always)
  mutating func append(
    _ match: AhoCorasick.Match, _ body: (UnsafeBufferPointer<AhoCorasick.Match>) throws -> Void
  ) rethrows {
    if count == slots.count { try flush(body) }
    slots.initializeElement(at: count, to: match)
    count &+= 1
  }

  /// Hands the waiting matches (if any) to `body` and empties the block.
  mutating func flush(_ body: (UnsafeBufferPointer<AhoCorasick.Match>) throws -> Void) rethrows {
    guard count > 0 else { return }
    let full = count
    count = 0
    try body(UnsafeBufferPointer(rebasing: slots[0..<full]))
  }
}
