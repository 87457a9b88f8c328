/// Literal search and replace on UTF-8 bytes.
enum ByteSearch {
  @inline(__always)
  static func fold(_ b: UInt8) -> UInt8 { (b &- 65) < 26 ? b | 0x20 : b }

  /// Replaces every occurrence of `find` in `text` (ASCII case folded when `ignoreCase`).
  /// Returns `nil` when there is none.
  static func replaceAll(in text: String, find: [UInt8], with: [UInt8], ignoreCase: Bool) -> (
    text: String, count: Int
  )? {
    let needle = ignoreCase ? find.map(fold) : find
    guard let first = needle.first else { return nil }
    var text = text
    return text.withUTF8 { hay -> (String, Int)? in
      var out: [UInt8] = []
      var count = 0
      var i = 0
      var copied = 0
      let n = hay.count
      let m = needle.count
      while i + m <= n {
        let b = ignoreCase ? fold(hay[i]) : hay[i]
        if b == first {
          var j = 1
          while j < m && (ignoreCase ? fold(hay[i + j]) : hay[i + j]) == needle[j] { j += 1 }
          if j == m {
            if count == 0 { out.reserveCapacity(n) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: hay[copied..<i]))
            out.append(contentsOf: with)
            count += 1
            i += m
            copied = i
            continue
          }
        }
        i += 1
      }
      guard count > 0 else { return nil }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: hay[copied..<n]))
      return (String(decoding: out, as: UTF8.self), count)
    }
  }

  /// Whether `text` contains `find`, ASCII case-insensitively.
  static func contains(_ text: String, _ find: [UInt8]) -> Bool {
    guard let first = find.first else { return true }
    var text = text
    return text.withUTF8 { hay in
      let n = hay.count
      let m = find.count
      var i = 0
      while i + m <= n {
        if fold(hay[i]) == first {
          var j = 1
          while j < m && fold(hay[i + j]) == find[j] { j += 1 }
          if j == m { return true }
        }
        i += 1
      }
      return false
    }
  }
}
