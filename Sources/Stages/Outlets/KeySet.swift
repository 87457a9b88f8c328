/// An immutable set of short string keys (name keys such as `gmbh`, `newsletter`) with a cheap
/// lookup: an open-addressing table of FNV-1a hashes over the UTF-8 bytes, each hit confirmed
/// byte for byte. Used where `Set<String>` would hash every probe with SipHash.
struct KeySet: Sendable, ExpressibleByArrayLiteral {
  /// The distinct keys, as bytes.
  private let keys: [[UInt8]]
  /// Per slot: an index into `keys`, or -1.
  private let slots: [Int32]
  private let mask: Int

  init<S: Sequence>(_ words: S) where S.Element == String {
    var distinct: [[UInt8]] = []
    var size = 16
    let all = words.map { Array($0.utf8) }
    while size < all.count * 4 { size <<= 1 }
    var slots = [Int32](repeating: -1, count: size)
    for bytes in all {
      var s = Int(truncatingIfNeeded: Self.hash(bytes)) & (size - 1)
      var known = false
      while slots[s] >= 0 {
        if distinct[Int(slots[s])] == bytes {
          known = true
          break
        }
        s = (s + 1) & (size - 1)
      }
      guard !known else { continue }
      slots[s] = Int32(distinct.count)
      distinct.append(bytes)
    }
    self.keys = distinct
    self.slots = slots
    self.mask = size - 1
  }

  init(arrayLiteral elements: String...) { self.init(elements) }

  /// The keys of both sets.
  func union(_ other: KeySet) -> KeySet {
    KeySet((keys + other.keys).map { String(decoding: $0, as: UTF8.self) })
  }

  /// The number of distinct keys.
  var count: Int { keys.count }

  /// FNV-1a over the bytes, folded so that the low bits depend on all of them.
  @inline(__always)
  static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h ^ (h >> 29)
  }

  /// Whether `key` is one of the keys.
  func contains(_ key: String) -> Bool {
    var key = key
    return key.withUTF8 { contains(bytes: $0) }
  }

  /// Whether the bytes `p` are one of the keys.
  func contains(bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
    var s = Int(truncatingIfNeeded: Self.hash(p)) & mask
    while true {
      let k = Int(slots[s])
      if k < 0 { return false }
      if keys[k].count == p.count && keys[k].elementsEqual(p) { return true }
      s = (s + 1) & mask
    }
  }
}
