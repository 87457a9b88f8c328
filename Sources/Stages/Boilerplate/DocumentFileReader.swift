import PipelineCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads documents from files, directories (recursively, in name order) or stdin (`-`) for
/// `pipe learn-boilerplate`: a file whose first visible byte is `{` is JSON Lines (one record a
/// line, its `text` field the document), any other file is one document. JSON Lines are read
/// in chunks, so memory stays bounded by the longest record.
struct DocumentFileReader {
  /// Records that were not JSON objects with a string `text`.
  private(set) var badRecords = 0
  /// Size of one read.
  var chunkSize = 1 << 20

  /// Calls `body` with each document's text and fields.
  mutating func read(_ input: String, _ body: (String, JSONObject) -> Void) throws {
    if input == "-" {
      try readDescriptor(0, name: "-", body)
      return
    }
    guard let kind = FilePath.kind(input) else {
      throw UsageError("input not found: \(input)")
    }
    if kind == .directory {
      for path in Self.files(under: input) { try readFile(path) }
      return
    }
    try readFile(input)

    func readFile(_ path: String) throws {
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else { throw UsageError("cannot read \(path): \(String(cString: strerror(errno)))") }
      defer { close(fd) }
      try readDescriptor(fd, name: path, body)
    }
  }

  /// The regular files under `directory`, recursively, in name order, skipping hidden entries.
  static func files(under directory: String) -> [String] {
    guard let dir = opendir(directory) else { return [] }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if !name.hasPrefix(".") { names.append(name) }
    }
    closedir(dir)
    var out: [String] = []
    for name in names.sorted() {
      let path = FilePath.join(directory, name)
      switch FilePath.kind(path) {
      case .directory?: out += files(under: path)
      case .file?: out.append(path)
      default: break
      }
    }
    return out
  }

  private mutating func readDescriptor(
    _ fd: Int32, name: String, _ body: (String, JSONObject) -> Void
  ) throws {
    var buffer: [UInt8] = []
    var decided = false
    var jsonLines = false
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while true {
      let n = chunk.withUnsafeMutableBufferPointer { readBytes(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw UsageError("cannot read \(name): \(String(cString: strerror(errno)))")
      }
      if n == 0 { break }
      buffer.append(contentsOf: chunk[0..<n])
      if !decided,
        let first = buffer.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
      {
        decided = true
        jsonLines = first == UInt8(ascii: "{")
      }
      if decided && jsonLines {
        var start = 0
        while let nl = buffer[start...].firstIndex(of: 0x0A) {
          record(buffer[start..<nl], body)
          start = nl + 1
        }
        buffer.removeFirst(start)
      }
    }
    if jsonLines {
      record(buffer[...], body)
    } else if !buffer.isEmpty {
      body(String(decoding: buffer, as: UTF8.self), JSONObject([("id", .string(name))]))
    }
  }

  private mutating func record(_ bytes: ArraySlice<UInt8>, _ body: (String, JSONObject) -> Void) {
    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { return }
    guard let value = try? JSONParser.parse(Array(bytes)).value, let object = value.objectValue,
      let text = object["text"]?.stringValue
    else {
      badRecords += 1
      return
    }
    body(text, object)
  }
}

/// read(2), named apart from `DocumentFileReader.read`.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
