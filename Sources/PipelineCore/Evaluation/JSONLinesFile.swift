import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A problem with a gold or predictions file: it cannot be read, or a line is not a JSON
/// object. `pipe eval` reports it as a usage error (exit status 2).
public struct EvalFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file's path as given.
  public var path: String
  /// The 1-based line of the bad record, or `nil` when the file itself cannot be read.
  public var line: Int?
  /// What is wrong.
  public var message: String

  /// An error in `path`, at `line` when a record is bad.
  public init(path: String, line: Int? = nil, _ message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// `gold.jsonl:12: not valid JSON: ...` (a compiler-style location).
  public var description: String {
    if let line { return "\(path):\(line): \(message)" }
    return "\(path): \(message)"
  }
}

/// Reads JSON Lines files record by record, in bounded memory: blank lines are skipped, every
/// other line must be one JSON object.
enum JSONLinesFile {
  /// Calls `body` with each record of the file at `path` and its line number.
  static func forEachRecord(path: String, _ body: (JSONObject, Int) throws(EvalFileError) -> Void)
    throws(EvalFileError)
  {
    guard let kind = FilePath.kind(path) else {
      throw EvalFileError(path: path, "no such file")
    }
    if kind == .directory {
      throw EvalFileError(path: path, "is a directory, expected a JSON Lines file")
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw EvalFileError(path: path, "cannot open: \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    try forEachRecord(fd: fd, name: path, body)
  }

  /// Calls `body` with each record read from `fd` (from its current offset) and its line
  /// number; `name` names the stream in errors.
  static func forEachRecord(
    fd: Int32, name: String, _ body: (JSONObject, Int) throws(EvalFileError) -> Void
  ) throws(EvalFileError) {
    var pending: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var line = 0
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw EvalFileError(path: name, "read error: \(String(cString: strerror(errno)))")
      }
      if n == 0 { break }
      var start = 0
      while let newline = newlineIndex(in: chunk, from: start, to: n) {
        pending.append(contentsOf: chunk[start..<newline])
        line += 1
        try parse(pending, line: line, name: name, body)
        pending.removeAll(keepingCapacity: true)
        start = newline + 1
      }
      pending.append(contentsOf: chunk[start..<n])
    }
    if !pending.isEmpty { try parse(pending, line: line + 1, name: name, body) }
  }

  /// The index of the first newline in `bytes[from..<to]`.
  private static func newlineIndex(in bytes: [UInt8], from: Int, to: Int) -> Int? {
    guard from < to else { return nil }
    return bytes.withUnsafeBufferPointer { p -> Int? in
      guard let base = p.baseAddress, let hit = memchr(base + from, 0x0A, to - from) else {
        return nil
      }
      return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
  }

  private static func parse(
    _ bytes: [UInt8], line: Int, name: String,
    _ body: (JSONObject, Int) throws(EvalFileError) -> Void
  ) throws(EvalFileError) {
    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes).value
    } catch {
      throw EvalFileError(
        path: name, line: line, "not valid JSON: \(error.message) at column \(error.offset + 1)")
    }
    guard case .object(let object) = value else {
      throw EvalFileError(path: name, line: line, "expected a JSON object, found \(value.kindName)")
    }
    try body(object, line)
  }
}
