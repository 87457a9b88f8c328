/// Serialises ``JSONValue``s to compact JSON bytes, appending to a reusable buffer.
///
/// Strings are escaped byte-wise: only `"`, `\` and control characters are escaped, everything
/// else (including non-ASCII) is copied as UTF-8, so output is as compact as the input allows.
public enum JSONWriter {
  /// Appends the compact JSON form of `value` to `out`.
  public static func write(_ value: JSONValue, into out: inout [UInt8]) {
    switch value {
    case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    case .bool(let b):
      if b {
        out.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
      } else {
        out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
      }
    case .number(let n): out.append(contentsOf: n.utf8)
    case .string(let s): writeString(s, into: &out)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        write(item, into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let object):
      write(object, into: &out)
    }
  }

  /// Appends the compact JSON form of `object` to `out`.
  public static func write(_ object: JSONObject, into out: inout [UInt8]) {
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

  /// Appends the compact JSON form of `object` with the member `key` replaced by the string
  /// `replacement` (written in place; appended when `object` has no such member), without
  /// copying the object: how a document's record goes out with its current text.
  public static func write(
    _ object: JSONObject, replacing key: String, with replacement: String, into out: inout [UInt8]
  ) {
    out.append(UInt8(ascii: "{"))
    var first = true
    var replaced = false
    for (k, value) in object {
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      writeString(k, into: &out)
      out.append(UInt8(ascii: ":"))
      if !replaced && k == key {
        replaced = true
        writeString(replacement, into: &out)
      } else {
        write(value, into: &out)
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

  /// The compact JSON text of `value`.
  public static func string(_ value: JSONValue) -> String {
    var out: [UInt8] = []
    write(value, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether any of the 8 bytes in `word` is a control character, `"` or `\\` (SWAR test).
  @inline(__always)
  public static func needsAttention(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
    // Bytes below 0x20 (ASCII only: bytes >= 0x80 have the high bit and are excluded).
    let below = (word &- ones &* 0x20) & ~word & highs
    return below != 0 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
  }

  /// Appends `s` as a quoted, escaped JSON string.
  public static func writeString(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { buf in
      var runStart = 0
      var i = 0
      let n = buf.count
      while i < n {
        // Skip 8 plain bytes at a time.
        if i &+ 8 <= n, let base = buf.baseAddress,
          !needsAttention(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        {
          i &+= 8
          continue
        }
        let b = buf[i]
        if b >= 0x20 && b != 0x22 && b != 0x5C {
          i += 1
          continue
        }
        if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<i])) }
        out.append(0x5C)
        switch b {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x0A: out.append(0x6E)
        case 0x0D: out.append(0x72)
        case 0x09: out.append(0x74)
        default:
          // \u00XX for the other control characters.
          let digit = { (v: UInt8) -> UInt8 in v < 10 ? 0x30 &+ v : 0x57 &+ v }
          out.append(0x75)
          out.append(0x30)
          out.append(0x30)
          out.append(digit(b >> 4))
          out.append(digit(b & 0xF))
        }
        i += 1
        runStart = i
      }
      if n > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<n])) }
    }
    out.append(UInt8(ascii: "\""))
  }
}
