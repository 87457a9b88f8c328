/// Bytes finished by a ``ByteBuffer`` and handed over without a copy: immutable from then on,
/// so they can go to another thread (a batch's output, from its worker to the writer).
final class OwnedBytes: @unchecked Sendable {
  // Sendable: both are set once, and the memory they describe is never written again.
  private let base: UnsafeMutablePointer<UInt8>
  /// Number of bytes.
  let count: Int

  /// Takes ownership of `count` initialised bytes at `base` (allocated with `allocate`).
  init(taking base: UnsafeMutablePointer<UInt8>, count: Int) {
    self.base = base
    self.count = count
  }

  deinit { base.deallocate() }

  /// Calls `body` with the first `prefix` bytes (all of them by default).
  func withUnsafeBytes<R>(prefix: Int? = nil, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try body(UnsafeRawBufferPointer(start: base, count: min(prefix ?? count, count)))
  }

  /// The bytes as an array (a copy).
  var array: [UInt8] { [UInt8](UnsafeBufferPointer(start: base, count: count)) }
}
