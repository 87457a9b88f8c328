/// A syntax error in JSON input, with the byte offset where it was found.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Zero-based byte offset of the problem.
  public var offset: Int
  /// What was wrong.
  public var message: String

  public init(offset: Int, message: String) {
    self.offset = offset
    self.message = message
  }

  public var description: String { "\(message) at byte \(offset + 1)" }
}

/// A strict RFC 8259 JSON parser over UTF-8 bytes, used for JSON Lines records.
///
/// It works directly on a byte buffer, keeps number lexemes as written, keeps object key order,
/// rejects duplicate keys, bounds nesting depth, and replaces invalid UTF-8 inside strings with
/// U+FFFD while counting the repairs in ``repairedStrings``.
public struct JSONParser {
  /// Maximum nesting of arrays and objects; deeper input is an error, never a stack overflow.
  public static let maxDepth = 256

  /// How many strings contained invalid UTF-8 and were repaired.
  public private(set) var repairedStrings = 0

  private let bytes: UnsafeBufferPointer<UInt8>
  private var pos = 0
  private var depth = 0
  /// Short keys already made (lent by the caller for the length of a parse).
  private var keys = JSONKeyCache()

  private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Parses one complete JSON value (surrounding whitespace allowed).
  /// - Returns: the value and the number of strings whose invalid UTF-8 was repaired.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> (
    value: JSONValue, repairs: Int
  ) {
    var scratch = ByteBuffer()
    return try parse(bytes, scratch: &scratch)
  }

  /// Parses one complete JSON value, unescaping strings in `scratch` (a buffer reused from one
  /// call to the next, so a batch of records needs no allocation for it).
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout ByteBuffer) throws(JSONSyntaxError) -> (
    value: JSONValue, repairs: Int
  ) {
    var keys = JSONKeyCache()
    return try parse(bytes, scratch: &scratch, keys: &keys)
  }

  /// Parses one complete JSON value, reusing `scratch` for unescaping and the short object keys
  /// in `keys` (both kept from one record to the next of a batch).
  static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, scratch: inout ByteBuffer, keys: inout JSONKeyCache
  ) throws(JSONSyntaxError) -> (value: JSONValue, repairs: Int) {
    var p = JSONParser(bytes)
    swap(&p.keys, &keys)
    defer { swap(&p.keys, &keys) }
    p.skipWhitespace()
    let v = try p.parseValue(&scratch)
    p.skipWhitespace()
    if p.pos != bytes.count { throw p.error("unexpected data after the JSON value") }
    return (v, p.repairedStrings)
  }

  /// Parses one complete JSON value from an array of bytes.
  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> (
    value: JSONValue, repairs: Int
  ) {
    let result: Result<(value: JSONValue, repairs: Int), JSONSyntaxError> = bytes.withUnsafeBufferPointer {
      buf in
      do throws(JSONSyntaxError) { return .success(try parse(buf)) } catch { return .failure(error) }
    }
    return try result.get()
  }

  /// Parses one complete JSON value from a string.
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try parse(Array(text.utf8)).value
  }

  private func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(offset: pos, message: message)
  }

  private mutating func skipWhitespace() {
    while pos < bytes.count {
      let b = bytes[pos]
      guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
      pos += 1
    }
  }

  private mutating func parseValue(_ scratch: inout ByteBuffer) throws(JSONSyntaxError) -> JSONValue {
    guard pos < bytes.count else { throw error("unexpected end of input, expected a value") }
    switch bytes[pos] {
    case UInt8(ascii: "{"): return try parseObject(&scratch)
    case UInt8(ascii: "["): return try parseArray(&scratch)
    case UInt8(ascii: "\""): return .string(try parseString(&scratch))
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default:
      throw error("unexpected character \(describe(bytes[pos])), expected a value")
    }
  }

  private func describe(_ b: UInt8) -> String {
    if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
    return "byte 0x" + String(b, radix: 16, uppercase: true)
  }

  private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
    let n = word.utf8CodeUnitCount
    guard pos + n <= bytes.count else { throw error("invalid literal") }
    let p = word.utf8Start
    for i in 0..<n where bytes[pos + i] != p[i] { throw error("invalid literal") }
    pos += n
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
    let start = pos
    if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
    guard pos < bytes.count, isDigit(bytes[pos]) else { throw error("invalid number") }
    if bytes[pos] == UInt8(ascii: "0") {
      pos += 1
    } else {
      while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
    }
    if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
      pos += 1
      guard pos < bytes.count, isDigit(bytes[pos]) else { throw error("invalid number") }
      while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
    }
    if pos < bytes.count, bytes[pos] | 0x20 == UInt8(ascii: "e") {
      pos += 1
      if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") {
        pos += 1
      }
      guard pos < bytes.count, isDigit(bytes[pos]) else { throw error("invalid number") }
      while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
    }
    return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self))
  }

  private func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONParser.maxDepth { throw error("nesting deeper than \(JSONParser.maxDepth)") }
  }

  private mutating func parseArray(_ scratch: inout ByteBuffer) throws(JSONSyntaxError) -> JSONValue {
    try enter()
    pos += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
      pos += 1
      depth -= 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try parseValue(&scratch))
      skipWhitespace()
      guard pos < bytes.count else { throw error("unexpected end of input in an array") }
      if bytes[pos] == UInt8(ascii: ",") {
        pos += 1
        continue
      }
      if bytes[pos] == UInt8(ascii: "]") {
        pos += 1
        depth -= 1
        return .array(items)
      }
      throw error("expected ',' or ']' in an array, found \(describe(bytes[pos]))")
    }
  }

  private mutating func parseObject(_ scratch: inout ByteBuffer) throws(JSONSyntaxError) -> JSONValue {
    try enter()
    pos += 1
    // Members in order; a record has a handful, so duplicates are found by a linear scan.
    var members: [(key: String, value: JSONValue)] = []
    skipWhitespace()
    if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
      pos += 1
      depth -= 1
      return .object(JSONObject())
    }
    members.reserveCapacity(8)
    while true {
      skipWhitespace()
      guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
        throw error("expected a string key in an object")
      }
      let keyOffset = pos
      let key = try parseKey(&scratch)
      skipWhitespace()
      guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
        throw error("expected ':' after an object key")
      }
      pos += 1
      skipWhitespace()
      let value = try parseValue(&scratch)
      for member in members where JSONObject.sameKey(member.key, key) {
        throw JSONSyntaxError(offset: keyOffset, message: "duplicate key \"\(key)\"")
      }
      members.append((key, value))
      skipWhitespace()
      guard pos < bytes.count else { throw error("unexpected end of input in an object") }
      if bytes[pos] == UInt8(ascii: ",") {
        pos += 1
        continue
      }
      if bytes[pos] == UInt8(ascii: "}") {
        pos += 1
        depth -= 1
        return .object(JSONObject(distinctMembers: members))
      }
      throw error("expected ',' or '}' in an object, found \(describe(bytes[pos]))")
    }
  }

  /// An object key (at the opening quote): a short plain ASCII key comes from ``keys``, any
  /// other is read as a string.
  private mutating func parseKey(_ scratch: inout ByteBuffer) throws(JSONSyntaxError) -> String {
    let start = pos + 1
    let n = bytes.count
    if let base = bytes.baseAddress {
      let limit = min(n, start + JSONKeyCache.maxLength + 1)
      var end = start
      var seen: UInt8 = 0
      while end < limit, !JSONStringScan.isSpecial(base[end]) {
        seen |= base[end]
        end += 1
      }
      if end < n, base[end] == UInt8(ascii: "\""), end - start <= JSONKeyCache.maxLength, seen < 0x80 {
        pos = end + 1
        return keys.key(base + start, count: end - start)
      }
    }
    return try parseString(&scratch)
  }

  private mutating func parseString(_ scratch: inout ByteBuffer) throws(JSONSyntaxError) -> String {
    pos += 1
    let start = pos
    let n = bytes.count
    guard let base = bytes.baseAddress else { throw JSONSyntaxError(offset: start - 1, message: "unterminated string") }
    var seen: UInt8 = 0  // OR of the raw bytes read: >= 0x80 means some non-ASCII
    let end = JSONStringScan.plainRunEnd(base, from: start, end: n, seen: &seen)
    guard end < n else { throw JSONSyntaxError(offset: start - 1, message: "unterminated string") }
    pos = end
    let b = base[end]
    if b == UInt8(ascii: "\"") {
      let slice = UnsafeBufferPointer(start: base + start, count: end - start)
      pos += 1
      return seen < 0x80 ? UTF8Strings.uncheckedString(slice) : decodeRepairing(slice)
    }
    if b < 0x20 { throw error("control character in a string (must be escaped)") }
    return try parseEscapedString(start: start, seen: seen, into: &scratch)
  }

  /// The rest of a string from its first backslash (at `pos`), unescaped into a buffer.
  private mutating func parseEscapedString(
    start: Int, seen: UInt8, into out: inout ByteBuffer
  ) throws(JSONSyntaxError) -> String {
    let n = bytes.count
    guard let base = bytes.baseAddress else { throw JSONSyntaxError(offset: start - 1, message: "unterminated string") }
    var seen = seen
    out.removeAll()
    out.append(base + start, count: pos - start)
    while true {
      // `pos` is at a special byte: the closing quote, a control character or a backslash.
      let b = base[pos]
      if b == UInt8(ascii: "\"") {
        pos += 1
        // Escapes only ever produce well-formed UTF-8: only raw non-ASCII bytes need checking.
        return out.withUnsafeBufferPointer { seen < 0x80 ? UTF8Strings.uncheckedString($0) : decodeRepairing($0) }
      }
      if b < 0x20 { throw error("control character in a string (must be escaped)") }
      // A backslash escape.
      pos += 1
      guard pos < n else { throw JSONSyntaxError(offset: start - 1, message: "unterminated string") }
      let e = base[pos]
      pos += 1
      out.reserve(4)
      switch e {
      case UInt8(ascii: "\""): out.appendReserved(0x22)
      case UInt8(ascii: "\\"): out.appendReserved(0x5C)
      case UInt8(ascii: "/"): out.appendReserved(0x2F)
      case UInt8(ascii: "b"): out.appendReserved(0x08)
      case UInt8(ascii: "f"): out.appendReserved(0x0C)
      case UInt8(ascii: "n"): out.appendReserved(0x0A)
      case UInt8(ascii: "r"): out.appendReserved(0x0D)
      case UInt8(ascii: "t"): out.appendReserved(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar) {
          // A high surrogate must be followed by \u and a low surrogate.
          if pos + 1 < n, base[pos] == UInt8(ascii: "\\"), base[pos + 1] == UInt8(ascii: "u") {
            let save = pos
            pos += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
              scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else {
              pos = save
              scalar = 0xFFFD
              repairedStrings += 1
            }
          } else {
            scalar = 0xFFFD
            repairedStrings += 1
          }
        } else if (0xDC00..<0xE000).contains(scalar) {
          scalar = 0xFFFD
          repairedStrings += 1
        }
        appendScalar(&out, scalar)
      default:
        pos -= 1
        throw error("invalid escape '\\\(describe(e))' in a string")
      }
      pos = JSONStringRuns.unescapeBlocks(base, from: pos, end: n, into: &out, seen: &seen)
      pos = JSONStringScan.copyPlainRun(base, from: pos, end: n, into: &out, seen: &seen)
      guard pos < n else { throw JSONSyntaxError(offset: start - 1, message: "unterminated string") }
    }
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard pos + 4 <= bytes.count else { throw error("invalid \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[pos]
      let d: UInt8
      switch b {
      case 0x30...0x39: d = b - 0x30
      case 0x41...0x46: d = b - 0x41 + 10
      case 0x61...0x66: d = b - 0x61 + 10
      default: throw error("invalid \\u escape")
      }
      v = v << 4 | UInt32(d)
      pos += 1
    }
    return v
  }

  /// Appends the UTF-8 form of `v` (at most 4 bytes, reserved by the caller).
  private func appendScalar(_ out: inout ByteBuffer, _ v: UInt32) {
    switch v {
    case 0..<0x80: out.appendReserved(UInt8(v))
    case 0x80..<0x800:
      out.appendReserved(UInt8(0xC0 | (v >> 6)))
      out.appendReserved(UInt8(0x80 | (v & 0x3F)))
    case 0x800..<0x10000:
      out.appendReserved(UInt8(0xE0 | (v >> 12)))
      out.appendReserved(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.appendReserved(UInt8(0x80 | (v & 0x3F)))
    default:
      out.appendReserved(UInt8(0xF0 | (v >> 18)))
      out.appendReserved(UInt8(0x80 | ((v >> 12) & 0x3F)))
      out.appendReserved(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.appendReserved(UInt8(0x80 | (v & 0x3F)))
    }
  }

  private mutating func decodeRepairing(_ slice: UnsafeBufferPointer<UInt8>) -> String {
    // One fast well-formedness check, then the String without the standard library's second one.
    if let s = UTF8Strings.validString(slice) { return s }
    repairedStrings += 1
    return String(decoding: slice, as: UTF8.self)
  }
}
