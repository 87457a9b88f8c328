/// Serialises ``JSONValue``s to compact JSON bytes, appending to a reusable buffer.
///
/// Strings are escaped byte-wise: only `"`, `\` and control characters are escaped, everything
/// else (including non-ASCII) is copied as UTF-8, so output is as compact as the input allows.
/// Runs of bytes that need no escape are found 16 at a time (``JSONStringScan``) and copied in one
/// `memcpy` each.
public enum JSONWriter {
  /// Appends the compact JSON form of `value` to `out`.
  public static func write(_ value: JSONValue, into out: inout [UInt8]) {
    var buffer = ByteBuffer()
    write(value, into: &buffer)
    buffer.append(to: &out)
  }

  /// Appends the compact JSON form of `object` to `out`.
  public static func write(_ object: JSONObject, into out: inout [UInt8]) {
    var buffer = ByteBuffer()
    write(object, into: &buffer)
    buffer.append(to: &out)
  }

  /// Appends the compact JSON form of `object` with the member `key` replaced by the string
  /// `replacement` (written in place; appended when `object` has no such member), without
  /// copying the object: how a document's record goes out with its current text.
  public static func write(
    _ object: JSONObject, replacing key: String, with replacement: String, into out: inout [UInt8]
  ) {
    var buffer = ByteBuffer()
    write(object, replacing: key, with: replacement, into: &buffer)
    buffer.append(to: &out)
  }

  /// The compact JSON text of `value`.
  public static func string(_ value: JSONValue) -> String {
    var buffer = ByteBuffer()
    write(value, into: &buffer)
    return buffer.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
  }

  /// Appends `s` as a quoted, escaped JSON string.
  public static func writeString(_ s: String, into out: inout [UInt8]) {
    var buffer = ByteBuffer()
    writeString(s, into: &buffer)
    buffer.append(to: &out)
  }

  // MARK: - Into a byte buffer

  static func write(_ value: JSONValue, into out: inout ByteBuffer) {
    switch value {
    case .null: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .number(let n): out.append(n)
    case .string(let s): writeString(s, into: &out)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      var first = true
      for item in items {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        write(item, into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let object):
      write(object, into: &out)
    }
  }

  static func write(_ object: JSONObject, into out: inout ByteBuffer) {
    out.append(UInt8(ascii: "{"))
    var first = true
    for (key, value) in object {
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      writeString(key, into: &out)
      out.append(UInt8(ascii: ":"))
      write(value, into: &out)
    }
    out.append(UInt8(ascii: "}"))
  }

  static func write(
    _ object: JSONObject, replacing key: String, with replacement: String, into out: inout ByteBuffer
  ) {
    out.append(UInt8(ascii: "{"))
    var first = true
    var replaced = false
    // Members read in place (no copy of each key and value for an iterator).
    object.members.withUnsafeBufferPointer { members in
      for i in members.indices {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        writeString(members[i].key, into: &out)
        out.append(UInt8(ascii: ":"))
        if !replaced && JSONObject.sameKey(members[i].key, key) {
          replaced = true
          writeString(replacement, into: &out)
        } else {
          write(members[i].value, into: &out)
        }
      }
    }
    if !replaced {
      if !first { out.append(UInt8(ascii: ",")) }
      writeString(key, into: &out)
      out.append(UInt8(ascii: ":"))
      writeString(replacement, into: &out)
    }
    out.append(UInt8(ascii: "}"))
  }

  static func writeString(_ s: String, into out: inout ByteBuffer) {
    // Native strings (all of a run's) are read in place, without a copy of the string.
    let done: Void? = s.utf8.withContiguousStorageIfAvailable { writeString(bytes: $0, into: &out) }
    if done != nil { return }
    var s = s
    s.withUTF8 { writeString(bytes: $0, into: &out) }
  }

  /// Appends the UTF-8 bytes `bytes` as a quoted, escaped JSON string.
  static func writeString(bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer) {
    let n = bytes.count
    // Keys and short values (ids, dates, names): one check and one move, without the block scans.
    if n < 16, let p = bytes.baseAddress, writeShortPlain(p, count: n, into: &out) { return }
    out.reserve(n &+ 2)
    out.appendReserved(UInt8(ascii: "\""))
    if let p = bytes.baseAddress {
      var runStart = JSONStringRuns.escapeBlocks(p, from: 0, end: n, into: &out)
      while true {
        let i = JSONStringScan.copyPlainRun(p, from: runStart, end: n, into: &out)
        if i == n { break }
        appendEscape(p[i], into: &out)
        runStart = i &+ 1
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// Appends a string of `n` (< 16) bytes as `"bytes"` when none of them needs an escape;
  /// returns `false`, having written nothing, when one does.
  @inline(__always)
  private static func writeShortPlain(_ p: UnsafePointer<UInt8>, count n: Int, into out: inout ByteBuffer) -> Bool {
    var k = 0
    while k < n {
      if JSONStringScan.isSpecial(p[k]) { return false }
      k &+= 1
    }
    out.reserve(n &+ 2)
    out.appendReserved(UInt8(ascii: "\""))
    out.appendReserved(p, shortCount: n)
    out.appendReserved(UInt8(ascii: "\""))
    return true
  }

  /// Appends the escape of `b` (a `"`, `\` or control character).
  private static func appendEscape(_ b: UInt8, into out: inout ByteBuffer) {
    let (bytes, count) = JSONStringRuns.escape(b)
    out.reserve(8)
    // In bounds: 8 bytes reserved; only `count` (at most 6) are counted.
    UnsafeMutableRawPointer(out.freePointer).storeBytes(of: bytes, as: UInt64.self)
    out.didWrite(count)
  }
}
