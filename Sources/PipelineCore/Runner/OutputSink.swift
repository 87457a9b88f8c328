#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file descriptor written with whole-buffer write(2) calls, so a batch's lines go out
/// together and a killed process leaves only whole lines behind.
final class OutputSink: @unchecked Sendable {
  let fd: Int32
  private let ownsDescriptor: Bool
  /// Set once a write failed because the reader went away (EPIPE) or another error.
  private(set) var broken = false
  private(set) var failureMessage: String?

  init(fd: Int32, ownsDescriptor: Bool = false) {
    self.fd = fd
    self.ownsDescriptor = ownsDescriptor
  }

  /// Opens `path` for writing (created or truncated).
  static func file(_ path: String) -> OutputSink? {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return nil }
    return OutputSink(fd: fd, ownsDescriptor: true)
  }

  /// Writes all of `bytes`. Returns `false` if the descriptor is broken.
  @discardableResult
  func send(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { send($0) }
  }

  /// Writes all of `bytes`. Returns `false` if the descriptor is broken.
  @discardableResult
  func send(_ bytes: UnsafeRawBufferPointer) -> Bool {
    if broken { return false }
    if bytes.isEmpty { return true }
    if let failure = FilePath.writeAll(bytes, to: fd) {
      broken = true
      if failure != EPIPE { failureMessage = String(cString: strerror(failure)) }
    }
    return !broken
  }

  deinit {
    if ownsDescriptor { close(fd) }
  }
}
