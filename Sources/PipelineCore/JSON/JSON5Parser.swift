/// A line and column in a text file, both counted from 1 (columns in characters).
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}

/// A JSON5 value with the location of every node, as read from a pipeline file.
public struct JSON5Node: Sendable, Equatable {
  /// The value's kind and payload.
  public enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSON5Node])
    case object([Member])
  }

  /// One key of an object with its location.
  public struct Member: Sendable, Equatable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: JSON5Node
  }

  public var value: Value
  public var location: SourceLocation

  /// The plain JSON value, without locations.
  public var json: JSONValue {
    switch value {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .number(let n): return .number(n)
    case .string(let s): return .string(s)
    case .array(let a): return .array(a.map(\.json))
    case .object(let members): return .object(JSONObject(members.map { ($0.key, $0.value.json) }))
    }
  }

  /// The members when this is an object.
  public var members: [Member]? {
    if case .object(let m) = value { return m }
    return nil
  }

  /// The first member named `key`, when this is an object.
  public func member(_ key: String) -> Member? {
    members?.first { $0.key == key }
  }

  /// The location of the node at `path` (object keys and array indices as strings), or of the
  /// deepest node that exists along it.
  public func location(of path: [String]) -> SourceLocation {
    var node = self
    var loc = location
    for step in path {
      switch node.value {
      case .object(let members):
        guard let m = members.first(where: { $0.key == step }) else { return loc }
        loc = m.keyLocation
        node = m.value
      case .array(let items):
        guard let i = Int(step), items.indices.contains(i) else { return loc }
        node = items[i]
        loc = node.location
      default:
        return loc
      }
    }
    return loc
  }

  /// A short name of the node's kind, for messages.
  public var kindName: String { json.kindName }
}

/// A JSON5 syntax error, with its line and column.
public struct JSON5SyntaxError: Error, Sendable, Equatable {
  public var location: SourceLocation
  public var message: String
}

/// A duplicate key found while parsing, reported but not fatal to the parse.
public struct JSON5DuplicateKey: Sendable, Equatable {
  public var key: String
  public var location: SourceLocation
  public var firstLocation: SourceLocation

  public init(key: String, location: SourceLocation, firstLocation: SourceLocation) {
    self.key = key
    self.location = location
    self.firstLocation = firstLocation
  }
}

/// A JSON5 (https://spec.json5.org) parser that records the location of every value and key,
/// reports syntax errors with line and column, and reports duplicate keys.
///
/// Foundation's `JSONDecoder` reads JSON5 but gives no location for syntax errors, ignores unknown
/// keys and silently keeps the first of two duplicate keys; pipeline files need all three.
public struct JSON5Parser {
  private let bytes: [UInt8]
  private var pos = 0
  private var line = 1
  private var lineStart = 0
  private var depth = 0
  /// Duplicate keys seen so far.
  public private(set) var duplicates: [JSON5DuplicateKey] = []

  private init(_ text: String) { bytes = Array(text.utf8) }

  /// Parses a whole JSON5 document.
  public static func parse(_ text: String) throws(JSON5SyntaxError) -> (
    root: JSON5Node, duplicates: [JSON5DuplicateKey]
  ) {
    var p = JSON5Parser(text)
    if p.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      p.pos = 3
      p.lineStart = 3
    }
    try p.skipTrivia()
    guard p.pos < p.bytes.count else { throw p.error("the file is empty; expected a JSON5 value") }
    let root = try p.parseValue()
    try p.skipTrivia()
    if p.pos < p.bytes.count { throw p.error("unexpected \(p.describeHere()) after the end of the value") }
    return (root, p.duplicates)
  }

  /// The column cache: the byte offset and character column last computed on the current line,
  /// so finding the column is incremental and parsing a long line stays linear.
  private var columnCache: (offset: Int, column: Int) = (0, 1)

  private var here: SourceLocation {
    mutating get {
      // Column in characters: count UTF-8 lead bytes since the line start (or the last lookup).
      var (i, col) = columnCache.offset >= lineStart && columnCache.offset <= pos ? columnCache : (lineStart, 1)
      while i < pos && i < bytes.count {
        if bytes[i] & 0xC0 != 0x80 { col += 1 }
        i += 1
      }
      columnCache = (i, col)
      return SourceLocation(line: line, column: col)
    }
  }

  private mutating func error(_ message: String) -> JSON5SyntaxError {
    JSON5SyntaxError(location: here, message: message)
  }

  private func describeHere() -> String {
    guard pos < bytes.count else { return "end of file" }
    let b = bytes[pos]
    if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
    if b == 0x0A { return "end of line" }
    return "character"
  }

  private mutating func advance() {
    if bytes[pos] == 0x0A {
      line += 1
      lineStart = pos + 1
    }
    pos += 1
  }

  private mutating func skipTrivia() throws(JSON5SyntaxError) {
    while pos < bytes.count {
      let b = bytes[pos]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C {
        advance()
      } else if b == 0xC2, pos + 1 < bytes.count, bytes[pos + 1] == 0xA0 {
        pos += 2
      } else if b == 0xE2, pos + 2 < bytes.count, bytes[pos + 1] == 0x80,
        bytes[pos + 2] == 0xA8 || bytes[pos + 2] == 0xA9
      {
        pos += 3
      } else if b == UInt8(ascii: "/"), pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "/") {
        while pos < bytes.count && bytes[pos] != 0x0A { pos += 1 }
      } else if b == UInt8(ascii: "/"), pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "*") {
        let start = here
        pos += 2
        var closed = false
        while pos < bytes.count {
          if bytes[pos] == UInt8(ascii: "*"), pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "/") {
            pos += 2
            closed = true
            break
          }
          advance()
        }
        if !closed { throw JSON5SyntaxError(location: start, message: "unterminated /* comment") }
      } else {
        return
      }
    }
  }

  private mutating func parseValue() throws(JSON5SyntaxError) -> JSON5Node {
    let loc = here
    guard pos < bytes.count else { throw error("unexpected end of file, expected a value") }
    let b = bytes[pos]
    switch b {
    case UInt8(ascii: "{"): return JSON5Node(value: try parseObject(), location: loc)
    case UInt8(ascii: "["): return JSON5Node(value: try parseArray(), location: loc)
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      return JSON5Node(value: .string(try parseString()), location: loc)
    default:
      if b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
        || (b >= 0x30 && b <= 0x39)
      {
        return JSON5Node(value: .number(try parseNumber()), location: loc)
      }
      let word = identifier()
      switch word {
      case "true": return JSON5Node(value: .bool(true), location: loc)
      case "false": return JSON5Node(value: .bool(false), location: loc)
      case "null": return JSON5Node(value: .null, location: loc)
      case "Infinity", "NaN":
        throw JSON5SyntaxError(location: loc, message: "\(word) is not supported in pipeline files")
      case "":
        throw error("unexpected \(describeHere()), expected a value")
      default:
        throw JSON5SyntaxError(
          location: loc, message: "unexpected word '\(word)', expected a value (strings need quotes)")
      }
    }
  }

  private mutating func identifier() -> String {
    let start = pos
    while pos < bytes.count {
      let b = bytes[pos]
      let ok =
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39 && pos > start)
        || b == UInt8(ascii: "_") || b == UInt8(ascii: "$") || b >= 0x80
      if !ok { break }
      pos += 1
    }
    return String(decoding: bytes[start..<pos], as: UTF8.self)
  }

  private mutating func enter() throws(JSON5SyntaxError) {
    depth += 1
    if depth > 128 { throw error("nesting deeper than 128 levels") }
  }

  private mutating func parseArray() throws(JSON5SyntaxError) -> JSON5Node.Value {
    try enter()
    let open = here
    pos += 1
    var items: [JSON5Node] = []
    while true {
      try skipTrivia()
      guard pos < bytes.count else {
        throw JSON5SyntaxError(location: open, message: "unclosed '[': expected ']'")
      }
      if bytes[pos] == UInt8(ascii: "]") {
        pos += 1
        depth -= 1
        return .array(items)
      }
      items.append(try parseValue())
      try skipTrivia()
      guard pos < bytes.count else {
        throw JSON5SyntaxError(location: open, message: "unclosed '[': expected ']'")
      }
      if bytes[pos] == UInt8(ascii: ",") {
        pos += 1
      } else if bytes[pos] != UInt8(ascii: "]") {
        throw error("expected ',' or ']' after an array item, found \(describeHere())")
      }
    }
  }

  private mutating func parseObject() throws(JSON5SyntaxError) -> JSON5Node.Value {
    try enter()
    let open = here
    pos += 1
    var members: [JSON5Node.Member] = []
    while true {
      try skipTrivia()
      guard pos < bytes.count else {
        throw JSON5SyntaxError(location: open, message: "unclosed '{': expected '}'")
      }
      if bytes[pos] == UInt8(ascii: "}") {
        pos += 1
        depth -= 1
        return .object(members)
      }
      let keyLoc = here
      let key: String
      if bytes[pos] == UInt8(ascii: "\"") || bytes[pos] == UInt8(ascii: "'") {
        key = try parseString()
      } else {
        key = identifier()
        if key.isEmpty { throw error("expected a key, found \(describeHere())") }
      }
      try skipTrivia()
      guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
        throw error("expected ':' after the key \"\(key)\", found \(describeHere())")
      }
      pos += 1
      try skipTrivia()
      let value = try parseValue()
      if let first = members.first(where: { $0.key == key }) {
        duplicates.append(JSON5DuplicateKey(key: key, location: keyLoc, firstLocation: first.keyLocation))
      }
      members.append(JSON5Node.Member(key: key, keyLocation: keyLoc, value: value))
      try skipTrivia()
      guard pos < bytes.count else {
        throw JSON5SyntaxError(location: open, message: "unclosed '{': expected '}'")
      }
      if bytes[pos] == UInt8(ascii: ",") {
        pos += 1
      } else if bytes[pos] != UInt8(ascii: "}") {
        throw error("expected ',' or '}' after the value of \"\(key)\", found \(describeHere())")
      }
    }
  }

  private mutating func parseString() throws(JSON5SyntaxError) -> String {
    let quote = bytes[pos]
    let start = here
    pos += 1
    // Most strings have no escapes: find the closing quote and take the bytes as they are.
    var end = pos
    while end < bytes.count {
      let b = bytes[end]
      if b == quote || b == UInt8(ascii: "\\") || b == 0x0A || b == 0x0D { break }
      end += 1
    }
    if end < bytes.count && bytes[end] == quote {
      let text = String(decoding: bytes[pos..<end], as: UTF8.self)
      pos = end + 1
      return text
    }
    var out: [UInt8] = []
    while pos < bytes.count {
      let b = bytes[pos]
      if b == quote {
        pos += 1
        return String(decoding: out, as: UTF8.self)
      }
      if b == 0x0A || b == 0x0D {
        throw JSON5SyntaxError(location: start, message: "unterminated string (a string cannot span lines)")
      }
      if b != UInt8(ascii: "\\") {
        out.append(b)
        pos += 1
        continue
      }
      pos += 1
      guard pos < bytes.count else { break }
      let e = bytes[pos]
      pos += 1
      switch e {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "v"): out.append(0x0B)
      case UInt8(ascii: "0"): out.append(0x00)
      case 0x0A:
        line += 1
        lineStart = pos
      case UInt8(ascii: "x"):
        let v = try hex(2)
        out.append(contentsOf: String(Character(Unicode.Scalar(UInt8(v)))).utf8)
      case UInt8(ascii: "u"):
        var v = try hex(4)
        if (0xD800..<0xDC00).contains(v), pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"),
          bytes[pos + 1] == UInt8(ascii: "u")
        {
          pos += 2
          let low = try hex(4)
          v = 0x10000 + ((v - 0xD800) << 10) + (low &- 0xDC00)
        }
        let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
        out.append(contentsOf: String(Character(scalar)).utf8)
      default: out.append(e)
      }
    }
    throw JSON5SyntaxError(location: start, message: "unterminated string")
  }

  private mutating func hex(_ n: Int) throws(JSON5SyntaxError) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<n {
      guard pos < bytes.count, let d = hexDigit(bytes[pos]) else { throw error("invalid escape sequence") }
      v = v << 4 | d
      pos += 1
    }
    return v
  }

  private func hexDigit(_ b: UInt8) -> UInt32? {
    switch b {
    case 0x30...0x39: return UInt32(b - 0x30)
    case 0x41...0x46: return UInt32(b - 0x41 + 10)
    case 0x61...0x66: return UInt32(b - 0x61 + 10)
    default: return nil
    }
  }

  /// Parses a JSON5 number and returns it as a JSON lexeme.
  private mutating func parseNumber() throws(JSON5SyntaxError) -> String {
    let start = pos
    var negative = false
    if bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") {
      negative = bytes[pos] == UInt8(ascii: "-")
      pos += 1
    }
    if pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "0"), bytes[pos + 1] | 0x20 == UInt8(ascii: "x") {
      pos += 2
      var v: UInt64 = 0
      var digits = 0
      while pos < bytes.count, let d = hexDigit(bytes[pos]) {
        v = v &* 16 &+ UInt64(d)
        pos += 1
        digits += 1
      }
      if digits == 0 { throw error("invalid hexadecimal number") }
      return (negative ? "-" : "") + String(v)
    }
    let bodyStart = pos
    while pos < bytes.count {
      let b = bytes[pos]
      let isNum =
        (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: ".") || b | 0x20 == UInt8(ascii: "e")
        || ((b == UInt8(ascii: "+") || b == UInt8(ascii: "-")) && bytes[pos - 1] | 0x20 == UInt8(ascii: "e"))
      if !isNum { break }
      pos += 1
    }
    let body = String(decoding: bytes[bodyStart..<pos], as: UTF8.self)
    guard !body.isEmpty, let d = Double(body), d.isFinite else {
      pos = start
      throw error("invalid number")
    }
    // Plain JSON numbers are kept as written; JSON5-only forms (.5, 5., +1) are normalised.
    if body.first != ".", body.last != ".",
      !(body.count > 1 && body.first == "0" && body.dropFirst().first != "."
        && body.dropFirst().first?.lowercased() != "e")
    {
      return (negative ? "-" : "") + body
    }
    if case .number(let n) = JSONValue.double(negative ? -d : d) { return n }
    return "0"
  }
}
