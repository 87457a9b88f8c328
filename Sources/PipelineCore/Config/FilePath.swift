#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few path and file operations `pipe` needs, on POSIX calls.
public enum FilePath {
  /// What a path names.
  public enum Kind: Sendable, Equatable {
    case file
    case directory
    case other
  }

  /// What `path` names, or `nil` when nothing is there (symbolic links are followed).
  public static func kind(_ path: String) -> Kind? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    switch st.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .file
    default: return .other
    }
  }

  /// `name` appended to `directory` with one `/` between them.
  public static func join(_ directory: String, _ name: String) -> String {
    if directory.isEmpty { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// The last component of `path` (`a/b/c.json5` → `c.json5`), ignoring trailing slashes.
  public static func lastComponent(_ path: String) -> String {
    var p = Substring(path)
    while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
    guard let slash = p.lastIndex(of: "/") else { return String(p) }
    return p == "/" ? "/" : String(p[p.index(after: slash)...])
  }

  /// `path` with a leading `~/` replaced by the home directory (`$HOME`).
  public static func expandingTilde(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME").map({ String(cString: $0) }) else {
      return path
    }
    return home + path.dropFirst()
  }

  /// The directory for temporary files: `$TMPDIR` or `/tmp`.
  public static var temporaryDirectory: String {
    if let t = getenv("TMPDIR").map({ String(cString: $0) }), !t.isEmpty { return t }
    return "/tmp"
  }

  /// Writes `bytes` to `path` (created or truncated); the error is the system's reason.
  public static func write(_ bytes: [UInt8], to path: String) throws(FileError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw FileError(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    if let failure = bytes.withUnsafeBytes({ writeAll($0, to: fd) }) {
      throw FileError(path: path, reason: String(cString: strerror(failure)))
    }
  }

  /// Writes all of `bytes` to the descriptor `fd`, resuming after partial and interrupted
  /// writes; the `errno` of the write that failed, or `nil` when all went out.
  public static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
    guard let base = bytes.baseAddress else { return nil }
    var offset = 0
    while offset < bytes.count {
      let n = posixWrite(fd, base + offset, bytes.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += n
    }
    return nil
  }

  /// A file that could not be read or written, with the system's reason.
  public struct FileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
  }
}

/// write(2), named apart so `FilePath.write` does not shadow it.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, bytes, count)
}
