/// A short run of consecutive tokens (the words of a name being read), grown at either end in
/// temporary storage instead of an array, so reading a name allocates nothing on the heap.
///
/// Valid only inside ``with(capacity:_:)``. The storage holds `capacity` tokens on each side
/// of the start, so up to `capacity` tokens can be appended and up to `capacity` prepended.
struct TokenRun {
  private let store: UnsafeMutableBufferPointer<Token>
  private var lo: Int
  private var hi: Int

  /// Calls `body` with an empty run that can grow by `capacity` tokens at each end; the run
  /// must not escape it.
  static func with<R>(capacity: Int, _ body: (inout TokenRun) throws -> R) rethrows -> R {
    let room = max(capacity, 0)
    return try withUnsafeTemporaryAllocation(of: Token.self, capacity: 2 * room) { store in
      var run = TokenRun(store: store, lo: room, hi: room)
      return try body(&run)
    }
  }

  private init(store: UnsafeMutableBufferPointer<Token>, lo: Int, hi: Int) {
    self.store = store
    self.lo = lo
    self.hi = hi
  }

  var count: Int { hi - lo }
  var isEmpty: Bool { hi == lo }
  var first: Token? { hi > lo ? store[lo] : nil }
  var last: Token? { hi > lo ? store[hi - 1] : nil }

  /// Token `i` of the run, counted from its first.
  subscript(i: Int) -> Token {
    precondition(i >= 0 && i < hi - lo)
    return store[lo + i]
  }

  /// Adds `t` after the last token (at most `capacity` times).
  mutating func append(_ t: Token) {
    precondition(hi < store.count, "TokenRun: more appends than its capacity")
    store.initializeElement(at: hi, to: t)
    hi += 1
  }

  /// Adds `t` before the first token (at most `capacity` times).
  mutating func prepend(_ t: Token) {
    precondition(lo > 0, "TokenRun: more prepends than its capacity")
    lo -= 1
    store.initializeElement(at: lo, to: t)
  }

  /// Drops the first token.
  mutating func removeFirst() {
    precondition(hi > lo)
    lo += 1
  }
}
