/// A name split into words on spaces, with each word's key, for cleaning without string
/// slicing.
///
/// A view valid only inside ``with(_:_:)``: the name's bytes are read in place and the word
/// ranges and keys live in temporary (stack) storage, so splitting a name allocates nothing on
/// the heap (keys of up to 15 bytes are stored inline in their strings). Removing words at
/// either end moves the window `lo..<hi` over that storage; ``ranges`` and ``keys`` are the
/// words in the window, indexed from 0.
struct NameWords {
  /// The name's UTF-8 bytes.
  let bytes: UnsafeBufferPointer<UInt8>
  private let rangeStore: UnsafeMutableBufferPointer<Range<Int>>
  private let keyStore: UnsafeMutableBufferPointer<String>
  private var lo = 0
  private var hi: Int

  /// Calls `body` with the words of `name`; the words must not escape it.
  static func with<R>(_ name: String, _ body: (inout NameWords) throws -> R) rethrows -> R {
    if let result = try name.utf8.withContiguousStorageIfAvailable({ try with(bytes: $0, body) }) {
      return result
    }
    let copy = Array(name.utf8)
    return try copy.withUnsafeBufferPointer { try with(bytes: $0, body) }
  }

  /// Calls `body` with the words of the UTF-8 `bytes`; the words must not escape it.
  static func with<R>(bytes: UnsafeBufferPointer<UInt8>, _ body: (inout NameWords) throws -> R)
    rethrows -> R
  {
    // Words are separated by at least one byte: at most (n + 1) / 2 of them.
    let capacity = bytes.count / 2 + 1
    return try withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: capacity) { ranges in
      let count = split(bytes, into: ranges)
      return try withUnsafeTemporaryAllocation(of: String.self, capacity: count) { keys in
        for i in 0..<count { keys.initializeElement(at: i, to: NameKey.word(bytes[ranges[i]])) }
        defer { UnsafeMutableBufferPointer(rebasing: keys[0..<count]).deinitialize() }
        var words = NameWords(bytes: bytes, rangeStore: ranges, keyStore: keys, hi: count)
        return try body(&words)
      }
    }
  }

  private init(
    bytes: UnsafeBufferPointer<UInt8>, rangeStore: UnsafeMutableBufferPointer<Range<Int>>,
    keyStore: UnsafeMutableBufferPointer<String>, hi: Int
  ) {
    self.bytes = bytes
    self.rangeStore = rangeStore
    self.keyStore = keyStore
    self.hi = hi
  }

  /// Writes the byte ranges of the words of `bytes` (split on spaces, tabs and no-break spaces)
  /// into `out` and returns their number; `out` has room for `bytes.count / 2 + 1` ranges.
  private static func split(
    _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<Range<Int>>
  ) -> Int {
    var n = 0
    var start = -1
    var i = 0
    while i <= bytes.count {
      let space =
        i == bytes.count || bytes[i] == 0x20 || bytes[i] == 0x09
        || (bytes[i] == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0)
      if space {
        if start >= 0 {
          out[n] = start..<i
          n += 1
        }
        start = -1
        if i < bytes.count && bytes[i] == 0xC2 { i += 1 }
      } else if start < 0 {
        start = i
      }
      i += 1
    }
    return n
  }

  /// The byte ranges of the words.
  var ranges: UnsafeBufferPointer<Range<Int>> {
    UnsafeBufferPointer(rebasing: rangeStore[lo..<hi])
  }

  /// The key of each word (``NameKey/word(_:)-5j6ot``), as made when the name was split (or
  /// when ``dropHyphenated(_:)`` cut its first word).
  var keys: UnsafeBufferPointer<String> {
    UnsafeBufferPointer(rebasing: keyStore[lo..<hi])
  }

  var count: Int { hi - lo }

  /// The words from the first to the last as written.
  var text: String {
    guard hi > lo else { return "" }
    return String(
      decoding: UnsafeBufferPointer(
        rebasing: bytes[rangeStore[lo].lowerBound..<rangeStore[hi - 1].upperBound]),
      as: UTF8.self)
  }

  /// The `count` words from word `start` on, as written.
  func text(from start: Int, count: Int) -> String {
    let r = ranges[start].lowerBound..<ranges[start + count - 1].upperBound
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
  }

  /// The keys of the words joined (`the`, `new`, `york`, `times` → `thenewyorktimes`).
  var joinedKey: String {
    let keys = self.keys
    var total = 0
    for key in keys { total += key.utf8.count }
    return String(unsafeUninitializedCapacity: total) { out in
      var n = 0
      for var key in keys {
        key.withUTF8 { k in
          for b in k {
            out[n] = b
            n += 1
          }
        }
      }
      return n
    }
  }

  func startsLower(_ i: Int) -> Bool {
    let b = bytes[ranges[i].lowerBound]
    return b >= 0x61 && b <= 0x7A
  }

  mutating func removeFirst() {
    precondition(hi > lo)
    lo += 1
  }

  mutating func removeLast() {
    precondition(hi > lo)
    hi -= 1
  }

  /// Whether word `i` is a year, a range of years or a short number (`2023`, `1998-2023`).
  func isYearLike(_ i: Int) -> Bool {
    let r = ranges[i]
    guard let first = r.first, bytes[first] >= 0x30 && bytes[first] <= 0x39 else { return false }
    var digits = 0
    var k = r.lowerBound
    while k < r.upperBound {
      let b = bytes[k]
      if b >= 0x30 && b <= 0x39 {
        digits += 1
      } else if b == 0xE2 && k + 2 < r.upperBound && bytes[k + 1] == 0x80 {
        k += 2  // – —
      } else if !(b == 0x2D || b == 0x2F || b == 0x2E || b == 0x2C) {
        return false
      }
      k += 1
    }
    return digits == 2 || digits == 4 || digits == 8
  }

  /// `Campact-Team`, `LN-Shop`: a generic word glued to the name with a hyphen.
  mutating func dropHyphenatedGeneric() { dropHyphenated(NameFilter.trailingGeneric) }

  /// Drops the last hyphen-joined part of the first word when its key is one of `words`
  /// (`Perspective-Media` → `Perspective` for corporate words).
  mutating func dropHyphenated(_ words: KeySet) {
    guard hi > lo else { return }
    let r = rangeStore[lo]
    var dash = r.upperBound - 1
    while dash > r.lowerBound && bytes[dash] != 0x2D { dash -= 1 }
    guard dash > r.lowerBound, dash + 1 < r.upperBound else { return }
    let tail = NameKey.word(bytes[(dash + 1)..<r.upperBound])
    guard words.contains(tail) else { return }
    rangeStore[lo] = r.lowerBound..<dash
    keyStore[lo] = NameKey.word(bytes[r.lowerBound..<dash])
  }

  /// Drops separators and punctuation hanging at the ends (`X -`, `X,`). The last word's key
  /// stays as it was (the key has no punctuation).
  mutating func trimPunctuation() {
    while hi > lo {
      let last = rangeStore[hi - 1]
      var e = last.upperBound
      while e > last.lowerBound && Self.isTrailing(bytes, e) { e -= Self.width(bytes, e) }
      if e == last.lowerBound {
        removeLast()
        continue
      }
      rangeStore[hi - 1] = last.lowerBound..<e
      break
    }
  }

  /// Whether the character ending at `e` is `,;:-|/&` or a dash, bullet or middle dot.
  private static func isTrailing(_ b: UnsafeBufferPointer<UInt8>, _ e: Int) -> Bool {
    let c = b[e - 1]
    if c == 0x2C || c == 0x3B || c == 0x3A || c == 0x2D || c == 0x7C || c == 0x2F || c == 0x26 {
      return true
    }
    if e >= 2 && b[e - 2] == 0xC2 && c == 0xB7 { return true }
    if e >= 3 && b[e - 3] == 0xE2 && b[e - 2] == 0x80 && (c == 0x93 || c == 0x94 || c == 0xA2) {
      return true
    }
    return false
  }

  private static func width(_ b: UnsafeBufferPointer<UInt8>, _ e: Int) -> Int {
    if b[e - 1] < 0x80 { return 1 }
    return b[e - 1] == 0xB7 ? 2 : 3
  }
}
