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
  /// The string cut or padded with spaces on the right to `width` characters.
  public func padded(to width: Int) -> String {
    let n = count
    return n >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - n)
  }

  /// The string without leading and trailing spaces and tabs.
  public func trimmingSpacesAndTabs() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}

/// Writes to standard error with write(2): unbuffered, whole messages.
public enum StandardError {
  /// Writes `message` as is.
  public static func write(_ message: String) {
    var bytes = Array(message.utf8)
    bytes.withUnsafeMutableBufferPointer { p in
      guard let base = p.baseAddress else { return }
      var offset = 0
      while offset < p.count {
        let n = writeToDescriptor(2, base + offset, p.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += n
      }
    }
  }
}

/// write(2), named apart so `StandardError.write` does not shadow it.
private func writeToDescriptor(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, bytes, count)
}
