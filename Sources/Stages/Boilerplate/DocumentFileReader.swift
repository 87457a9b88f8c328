import Foundation
import PipelineCore

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
      try readHandle(FileHandle.standardInput, name: "-", body)
      return
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
      throw UsageError("input not found: \(input)")
    }
    if isDirectory.boolValue {
      let files = (FileManager.default.enumerator(atPath: input)?.allObjects as? [String]) ?? []
      for relative in files.sorted() {
        let path = (input as NSString).appendingPathComponent(relative)
        var sub: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &sub), !sub.boolValue,
          !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
        {
          try readFile(path)
        }
      }
      return
    }
    try readFile(input)

    func readFile(_ path: String) throws {
      guard let handle = FileHandle(forReadingAtPath: path) else {
        throw UsageError("cannot read \(path)")
      }
      defer { try? handle.close() }
      try readHandle(handle, name: path, body)
    }
  }

  private mutating func readHandle(
    _ handle: FileHandle, name: String, _ body: (String, JSONObject) -> Void
  ) throws {
    var buffer: [UInt8] = []
    var decided = false
    var jsonLines = false
    while true {
      let data = handle.readData(ofLength: chunkSize)
      if data.isEmpty { break }
      buffer.append(contentsOf: data)
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
