/// A growable byte buffer written through a pointer: appending a run of bytes is one capacity
/// check and one `memcpy`, with none of `Array.append(contentsOf:)`'s generic overhead.
///
/// It is what the JSON writer and the string unescaper build their output in; it is
/// non-copyable, so its memory has exactly one owner and is freed when that owner goes away.
struct ByteBuffer: ~Copyable {
  /// Start of the allocation (`capacity` bytes, the first `count` initialised).
  private var base: UnsafeMutablePointer<UInt8>
  /// Number of bytes written.
  private(set) var count = 0
  /// Number of bytes allocated.
  private(set) var capacity: Int

  /// An empty buffer with room for `capacity` bytes.
  init(capacity: Int = 64) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Makes room for at least `extra` more bytes (growing geometrically).
  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if capacity &- count < extra { grow(extra) }
  }

  @inline(never)
  private mutating func grow(_ extra: Int) {
    let newCapacity = max(capacity &* 2, count &+ extra)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.initialize(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  /// Forgets the bytes written, keeping the memory.
  mutating func removeAll() { count = 0 }

  /// Appends one byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    appendReserved(byte)
  }

  /// Appends one byte into room made by an earlier ``reserve(_:)``.
  @inline(__always)
  mutating func appendReserved(_ byte: UInt8) {
    // In bounds: the caller reserved the room (checked in debug builds).
    assert(count < capacity)
    base[count] = byte
    count &+= 1
  }

  /// The first unwritten byte: ``freeCount`` bytes may be written there, then counted with
  /// ``didWrite(_:)``.
  var freePointer: UnsafeMutablePointer<UInt8> { base + count }

  /// How many bytes may be written at ``freePointer``.
  var freeCount: Int { capacity &- count }

  /// Counts `n` bytes written at ``freePointer``.
  @inline(__always)
  mutating func didWrite(_ n: Int) {
    assert(n >= 0 && capacity &- count >= n)
    count &+= n
  }

  /// Copies `n` bytes (fewer than 16) from `bytes` after the last byte, into room made by an
  /// earlier ``reserve(_:)``, and counts them: two overlapping 8- or 4-byte moves, not a loop.
  @inline(__always)
  mutating func appendReserved(_ bytes: UnsafePointer<UInt8>, shortCount n: Int) {
    // In bounds: every load is within bytes[0..<n], every store within the n reserved bytes.
    assert(n < 16 && capacity &- count >= n)
    let src = UnsafeRawPointer(bytes)
    let dst = UnsafeMutableRawPointer(base + count)
    if n >= 8 {
      let head = src.loadUnaligned(as: UInt64.self)
      let tail = src.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
      dst.storeBytes(of: head, as: UInt64.self)
      dst.storeBytes(of: tail, toByteOffset: n &- 8, as: UInt64.self)
    } else if n >= 4 {
      let head = src.loadUnaligned(as: UInt32.self)
      let tail = src.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
      dst.storeBytes(of: head, as: UInt32.self)
      dst.storeBytes(of: tail, toByteOffset: n &- 4, as: UInt32.self)
    } else {
      var k = 0
      while k < n {
        dst.storeBytes(of: bytes[k], toByteOffset: k, as: UInt8.self)
        k &+= 1
      }
    }
    count &+= n
  }

  /// Appends `n` bytes starting at `bytes`.
  @inline(__always)
  mutating func append(_ bytes: UnsafePointer<UInt8>, count n: Int) {
    reserve(n)
    (base + count).initialize(from: bytes, count: n)
    count &+= n
  }

  /// Appends the bytes of `bytes`.
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let p = bytes.baseAddress else { return }
    append(p, count: bytes.count)
  }

  /// Appends the UTF-8 bytes of `text`.
  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// The last byte written, if any.
  var last: UInt8? { count > 0 ? base[count &- 1] : nil }

  /// Calls `body` with the bytes written so far.
  func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// The bytes written so far, as an array.
  var array: [UInt8] { [UInt8](UnsafeBufferPointer(start: base, count: count)) }

  /// Hands the bytes written over to an ``OwnedBytes``, without copying them.
  consuming func finish() -> OwnedBytes {
    let bytes = OwnedBytes(taking: base, count: count)
    discard self
    return bytes
  }

  /// Appends the bytes written so far to `out`.
  func append(to out: inout [UInt8]) {
    out.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
  }
}
