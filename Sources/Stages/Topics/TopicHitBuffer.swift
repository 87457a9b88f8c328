/// The hits of one document while it is scored: memory the tagger manages itself (allocated on
/// the first block of matches, grown by doubling, freed by ``release()``), so that a block of
/// matches is appended with one capacity check rather than one per hit.
struct TopicHitBuffer {
  private var base: UnsafeMutablePointer<TopicTagger.Hit>? = nil
  private var capacity = 0
  /// The number of hits.
  private(set) var count = 0

  /// The hits so far.
  var hits: UnsafeBufferPointer<TopicTagger.Hit> { UnsafeBufferPointer(start: base, count: count) }

  /// Appends `n` hits, `make(k)` being the k-th.
  @inline(__always)
  mutating func append(_ n: Int, _ make: (Int) -> TopicTagger.Hit) {
    if count + n > capacity { grow(to: count + n) }
    guard let base else { return }
    for k in 0..<n { (base + count + k).initialize(to: make(k)) }
    count += n
  }

  private mutating func grow(to needed: Int) {
    let newCapacity = max(needed, 2 * capacity, 64)
    let grown = UnsafeMutablePointer<TopicTagger.Hit>.allocate(capacity: newCapacity)
    if let base {
      grown.moveInitialize(from: base, count: count)
      base.deallocate()
    }
    base = grown
    capacity = newCapacity
  }

  /// Frees the memory (the hits are plain values: nothing to deinitialise).
  mutating func release() {
    base?.deallocate()
    base = nil
    capacity = 0
    count = 0
  }
}
