/// Decoding of HTML character references left in text, as ftfy's `unescape_html` does it: the
/// HTML5 named references that end in `;` (`&amp;`, `&eacute;`, `&hellip;`...), their all-caps
/// forms for Latin letters (`&EACUTE;` → `É`), and numeric references (`&#8217;`, `&#x2019;`,
/// with the Windows-1252 reading browsers give `&#150;`). A reference without its `;` is left
/// alone, so informal text such as `this&not that` keeps its meaning.
struct HTMLEntities: Sendable {
  /// The shared table, parsed once from the generated list.
  static let shared = HTMLEntities()

  /// The generated table's bytes (sorted by name, one `NAME HEX...` line each) and where each
  /// line starts. Looking a name up is a binary search over the lines, so building the table is
  /// one scan for newlines: start-up stays cheap, and references are rare enough in news text
  /// that a dictionary would not pay for itself.
  private let table: [UInt8]
  private let lineStarts: [Int]

  private init() {
    let bytes = Array(htmlEntityTableText.utf8)
    var starts: [Int] = []
    starts.reserveCapacity(3600)
    var atLineStart = true
    for (i, b) in bytes.enumerated() {
      if atLineStart && b != 0x20 && b != 0x0A { starts.append(i) }
      atLineStart = b == 0x0A || (atLineStart && b == 0x20)
    }
    table = bytes
    lineStarts = starts
  }

  /// The characters (UTF-8) the named reference `name` (without `&` and `;`) stands for.
  func named(_ name: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var lo = 0
    var hi = lineStarts.count
    while lo < hi {
      let mid = (lo + hi) / 2
      switch compare(name, line: lineStarts[mid]) {
      case 0: return value(line: lineStarts[mid] + name.count)
      case ..<0: hi = mid
      default: lo = mid + 1
      }
    }
    return nil
  }

  /// Byte order of `name` against the name at the start of the line at `start`.
  private func compare(_ name: UnsafeBufferPointer<UInt8>, line start: Int) -> Int {
    var i = 0
    while true {
      let t = start + i
      let tb: UInt8 = t < table.count && table[t] != 0x20 ? table[t] : 0
      let nb: UInt8 = i < name.count ? name[i] : 0
      if nb != tb { return Int(nb) - Int(tb) }
      if nb == 0 { return 0 }
      i += 1
    }
  }

  /// The code points after the name, as UTF-8.
  private func value(line nameEnd: Int) -> [UInt8] {
    var scalars: [UInt32] = []
    var i = nameEnd
    var current: UInt32 = 0
    var inNumber = false
    while i < table.count, table[i] != 0x0A {
      let b = table[i]
      if let d = Self.hexDigit(b) {
        current = current << 4 | d
        inNumber = true
      } else if inNumber {
        scalars.append(current)
        current = 0
        inNumber = false
      }
      i += 1
    }
    if inNumber { scalars.append(current) }
    var bytes: [UInt8] = []
    UTF8Variants.encode(scalars, into: &bytes)
    return bytes
  }

  private static func hexDigit(_ b: UInt8) -> UInt32? {
    switch b {
    case 0x30...0x39: return UInt32(b - 0x30)
    case 0x41...0x46: return UInt32(b - 0x41 + 10)
    default: return nil
    }
  }

  /// `bytes` with their character references decoded, or `nil` when there are none. `count`
  /// receives the number of references decoded.
  func decode(_ bytes: UnsafeBufferPointer<UInt8>, count: inout Int) -> [UInt8]? {
    var out: [UInt8] = []
    var copied = 0
    var i = 0
    let n = bytes.count
    while i < n {
      guard bytes[i] == 0x26, let (end, value) = reference(in: bytes, at: i) else {
        i += 1
        continue
      }
      if out.isEmpty { out.reserveCapacity(n) }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
      out.append(contentsOf: value)
      count += 1
      i = end
      copied = end
    }
    if copied == 0 { return nil }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<n]))
    return out
  }

  /// The reference starting with the `&` at `start`: where it ends and what it stands for.
  private func reference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Int, [UInt8])? {
    let n = bytes.count
    var i = start + 1
    let numeric = i < n && bytes[i] == 0x23  // #
    if numeric { i += 1 }
    let nameStart = i
    while i < n && i - nameStart < 24 && isAlphanumeric(bytes[i]) { i += 1 }
    guard i > nameStart, i < n, bytes[i] == 0x3B else { return nil }  // ;
    let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<i])
    let end = i + 1
    if numeric {
      guard let scalar = Self.numericValue(name) else { return nil }
      var value: [UInt8] = []
      UTF8Variants.encode(scalar, into: &value)
      return (end, value)
    }
    guard let value = named(name) else { return nil }
    return (end, value)
  }

  @inline(__always)
  private func isAlphanumeric(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
  }

  /// The characters a numeric reference body (`8217`, `x2019`) stands for, as Python's
  /// `html.unescape` reads it; `nil` when the body is not a number.
  static func numericValue(_ body: UnsafeBufferPointer<UInt8>) -> [UInt32]? {
    guard let first = body.first else { return nil }
    let hex = first == 0x78 || first == 0x58  // x X
    let digits = hex ? UnsafeBufferPointer(rebasing: body.dropFirst()) : body
    guard !digits.isEmpty else { return nil }
    var value: UInt64 = 0
    for d in digits {
      let digit: UInt64
      switch d {
      case 0x30...0x39: digit = UInt64(d - 0x30)
      case 0x41...0x46 where hex: digit = UInt64(d - 0x41 + 10)
      case 0x61...0x66 where hex: digit = UInt64(d - 0x61 + 10)
      default: return nil
      }
      value = min(value * (hex ? 16 : 10) + digit, 0x1_0000_0000)
    }
    switch value {
    case 0x00: return [0xFFFD]
    case 0x0D: return [0x0D]
    case 0x80...0x9F: return [CodePage.windows1252.decode(UInt8(value))]
    case 0xD800...0xDFFF, 0x11_0000...: return [0xFFFD]
    case 0x01...0x08, 0x0B, 0x0E...0x1F, 0x7F, 0xFDD0...0xFDEF: return []
    default:
      if value & 0xFFFE == 0xFFFE { return [] }  // U+FFFE, U+FFFF and their copies in every plane
      return [UInt32(value)]
    }
  }
}
