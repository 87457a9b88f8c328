#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// printf-style number formatting and padding for tables and messages, without Foundation.
public enum TextFormatting {
  /// `format` with `arguments` as C's `printf` writes them (`"%.4f"`, `"%8.2f"`, `"%d"`); the
  /// rounding is C's, which is also Python's `%` formatting.
  public static func printf(_ format: String, _ arguments: CVarArg...) -> String {
    var buffer = [CChar](repeating: 0, count: 128)
    while true {
      let needed = withVaList(arguments) { list in
        buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, list) }
      }
      if needed < 0 { return "" }
      if Int(needed) < buffer.count {
        return buffer.withUnsafeBufferPointer { p in
          String(decoding: UnsafeRawBufferPointer(p).prefix(Int(needed)), as: UTF8.self)
        }
      }
      buffer = [CChar](repeating: 0, count: Int(needed) + 1)
    }
  }
}

extension String {
  /// The string padded with spaces on the right to `width` characters, as a table's column. A
  /// longer string is never cut (a label or name must stay readable): it gets one space after it.
  public func padded(to width: Int) -> String {
    let n = count
    return self + String(repeating: " ", count: n >= width ? 1 : width - n)
  }

  /// The string without leading and trailing spaces and tabs (on UTF-8, no copy when there
  /// are none).
  public func trimmingSpacesAndTabs() -> String {
    let utf8 = self.utf8
    @inline(__always) func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    guard let first = utf8.first, let last = utf8.last, blank(first) || blank(last) else { return self }
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end && blank(utf8[start]) { start = utf8.index(after: start) }
    while end > start {
      let before = utf8.index(before: end)
      guard blank(utf8[before]) else { break }
      end = before
    }
    return String(self[start..<end])
  }
}

/// Writes to standard error with write(2): unbuffered, whole messages.
public enum StandardError {
  /// Writes `message` as is.
  public static func write(_ message: String) {
    _ = Array(message.utf8).withUnsafeBytes { FilePath.writeAll($0, to: 2) }
  }
}
