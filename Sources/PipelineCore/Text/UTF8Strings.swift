/// Making `String`s from UTF-8 bytes that are almost always valid, fast.
///
/// `String(decoding:as:)` validates (and repairs) byte by byte, about 0.6 ns a byte: as much as
/// a whole clean-up pass over mostly-ASCII text. Here the bytes are checked eight at a time
/// while they are ASCII, each other character by the table of well-formed sequences (Unicode
/// §3.9, Table 3-7), and the `String` is then made without a second check. Bytes that are not
/// valid UTF-8 still go through `String(decoding:as:)`, which repairs them as it always did.
public enum UTF8Strings {
  /// The text of `bytes`: exactly those bytes when they are valid UTF-8, else with each invalid
  /// sequence replaced by U+FFFD (as `String(decoding:as:)` does).
  public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    validString(bytes) ?? String(decoding: bytes, as: UTF8.self)
  }

  /// The text of `bytes` when they are valid UTF-8 (checked once), `nil` when they are not.
  public static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard isValid(bytes) else { return nil }
    return String(copying: UTF8Span(unchecked: bytes.span))
  }

  /// The text of `bytes`, which the caller knows to be well-formed UTF-8 (e.g. ASCII), made
  /// without checking them again.
  @inline(__always)
  public static func uncheckedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(copying: UTF8Span(unchecked: bytes.span))
  }

  /// The text of `bytes` (see ``string(_:)-(UnsafeBufferPointer<UInt8>)``).
  public static func string(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { string($0) }
  }

  /// Whether `bytes` are well-formed UTF-8.
  public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = bytes.baseAddress else { return true }
    let n = bytes.count
    let raw = UnsafeRawPointer(p)
    var i = 0
    while i < n {
      // ASCII, 32 then eight bytes at a time.
      while i &+ 32 <= n
        && (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          | raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
          | raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self)
          | raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0
      {
        i &+= 32
      }
      while i &+ 8 <= n
        && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          & 0x8080_8080_8080_8080 == 0
      {
        i &+= 8
      }
      guard i < n else { break }
      let b = p[i]
      if b < 0x80 {
        i &+= 1
        continue
      }
      @inline(__always) func continuation(_ k: Int) -> Bool { p[i &+ k] & 0xC0 == 0x80 }
      switch b {
      case 0xC2...0xDF:
        guard i &+ 1 < n, continuation(1) else { return false }
        i &+= 2
      case 0xE0...0xEF:
        guard i &+ 2 < n, continuation(1), continuation(2) else { return false }
        let b1 = p[i &+ 1]
        // No overlong forms (E0 80–9F) and no surrogates (ED A0–BF).
        if b == 0xE0 && b1 < 0xA0 { return false }
        if b == 0xED && b1 >= 0xA0 { return false }
        i &+= 3
      case 0xF0...0xF4:
        guard i &+ 3 < n, continuation(1), continuation(2), continuation(3) else { return false }
        let b1 = p[i &+ 1]
        // No overlong forms (F0 80–8F) and nothing above U+10FFFF (F4 90–BF).
        if b == 0xF0 && b1 < 0x90 { return false }
        if b == 0xF4 && b1 >= 0x90 { return false }
        i &+= 4
      default:  // a continuation byte, C0, C1 or F5–FF
        return false
      }
    }
    return true
  }
}
