/// A parsed regular expression: a tree of literals, sets, assertions, groups, alternations and
/// repetitions. Flags (`(?i)`, `(?m)`, `(?s)`) are already applied: a case-insensitive letter is a
/// set of its case variants, `^` is a line or a text start.
indirect enum RegexNode: Sendable, Equatable {
  /// Matches the empty string.
  case empty
  /// One scalar.
  case literal(UInt32)
  /// One scalar of a set (a class, `.`, `\d`, a case-insensitive letter).
  case set(ScalarSet)
  /// A zero-width condition on the position.
  case assertion(RegexAssertion)
  /// A capturing group (numbered from 1).
  case capture(Int, RegexNode)
  /// Each node in turn.
  case concat([RegexNode])
  /// The first alternative that leads to a match (leftmost-first, like Perl and ICU).
  case alternation([RegexNode])
  /// `min` to `max` (nil: unbounded) repetitions, as many as possible when `greedy`.
  case repetition(RegexNode, min: Int, max: Int?, greedy: Bool)
}

/// Zero-width assertions. Line terminators are those of ICU: `\n`, `\r\n`, `\r`, VT, FF, U+0085,
/// U+2028, U+2029.
enum RegexAssertion: Sendable, Equatable {
  /// `^` in multi-line mode: the start of the text or of a line (not after a final terminator).
  case lineStart
  /// `$` in multi-line mode: the end of the text or before a line terminator.
  case lineEnd
  /// `^` or `\A`: the start of the text.
  case textStart
  /// `\z`: the end of the text.
  case textEnd
  /// `$` or `\Z`: the end of the text, or before a line terminator that ends the text.
  case textEndOrFinalTerminator
  /// `\b`: between a word character (`\w`) and a non-word character or a text edge.
  case wordBoundary
  /// `\B`: not at a word boundary.
  case notWordBoundary
}

/// A pattern that cannot be compiled: what is wrong and where (an offset in Unicode scalars).
struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, e.g. `unbalanced ')'`.
  var message: String
  /// Where, counted in Unicode scalars from the start of the pattern.
  var offset: Int
  init(_ message: String, at offset: Int) {
    self.message = message
    self.offset = offset
  }
  var description: String { "\(message) at offset \(offset)" }
}

/// The parse of a whole pattern.
struct RegexSyntaxTree: Sendable {
  /// The expression.
  var root: RegexNode
  /// The number of capturing groups (group 0, the whole match, not counted).
  var captureCount: Int
  /// The numbers of named groups.
  var captureNames: [String: Int]

  /// Parses `pattern` (ICU/Perl syntax subset), case-insensitively when `ignoreCase`.
  static func parse(_ pattern: String, ignoreCase: Bool = false) throws -> RegexSyntaxTree {
    var parser = RegexParser(pattern: Array(pattern.unicodeScalars), ignoreCase: ignoreCase)
    let root = try parser.parseAlternation(depth: 0)
    if parser.i < parser.s.count { throw RegexSyntaxError("unbalanced ')'", at: parser.i) }
    return RegexSyntaxTree(root: root, captureCount: parser.captureCount, captureNames: parser.names)
  }
}

/// A recursive-descent parser over the scalars of a pattern.
struct RegexParser {
  struct Flags {
    var ignoreCase = false
    var multiline = false
    var dotAll = false
    var extended = false
  }

  static let maxDepth = 100
  static let maxRepeat = 1000
  static let linearNote = "not supported: the engine runs in linear time"

  let s: [Unicode.Scalar]
  var i = 0
  var flags = Flags()
  var captureCount = 0
  var names: [String: Int] = [:]
  /// Whether the last atom was a `\Q...\E` run.
  var quoted = false

  init(pattern: [Unicode.Scalar], ignoreCase: Bool) {
    s = pattern
    flags.ignoreCase = ignoreCase
  }

  var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }
  func peek(_ k: Int) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

  mutating func parseAlternation(depth: Int) throws -> RegexNode {
    guard depth <= RegexParser.maxDepth else {
      throw RegexSyntaxError("groups nested more than \(RegexParser.maxDepth) deep", at: i)
    }
    var branches = [try parseConcat(depth: depth)]
    while peek == "|" {
      i += 1
      branches.append(try parseConcat(depth: depth))
    }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  mutating func parseConcat(depth: Int) throws -> RegexNode {
    var items: [RegexNode] = []
    while true {
      skipExtendedSpace()
      guard let c = peek, c != "|", c != ")" else { break }
      quoted = false
      guard let atom = try parseAtom(depth: depth) else { continue }
      if quoted, case .concat(var run) = atom, let last = run.popLast() {
        // A quantifier after \Q...\E repeats the last quoted character only.
        items += run
        items.append(try parseQuantifier(last))
      } else {
        items.append(try parseQuantifier(atom))
      }
    }
    return items.isEmpty ? .empty : items.count == 1 ? items[0] : .concat(items)
  }

  /// In `(?x)` mode, skips whitespace and `#` comments.
  mutating func skipExtendedSpace() {
    guard flags.extended else { return }
    while let c = peek {
      if c == "#" {
        while let d = peek, d != "\n" { i += 1 }
      } else if c.properties.isWhitespace {
        i += 1
      } else {
        return
      }
    }
  }

  mutating func parseQuantifier(_ atom: RegexNode) throws -> RegexNode {
    skipExtendedSpace()
    guard let c = peek else { return atom }
    var min = 0
    var max: Int?
    switch c {
    case "*": i += 1
    case "+":
      i += 1
      min = 1
    case "?":
      i += 1
      max = 1
    case "{":
      (min, max) = try parseBraces()
    default: return atom
    }
    var greedy = true
    if peek == "?" {
      greedy = false
      i += 1
    } else if peek == "+" {
      throw RegexSyntaxError("possessive quantifiers (*+, ++, ?+) are \(RegexParser.linearNote)", at: i)
    }
    skipExtendedSpace()
    if let n = peek, n == "*" || n == "+" || n == "?" || n == "{" {
      throw RegexSyntaxError("nested quantifier '\(n)' (wrap the repeated part in (?:...))", at: i)
    }
    return .repetition(atom, min: min, max: max, greedy: greedy)
  }

  /// Parses `{n}`, `{n,}` or `{n,m}` at `i`.
  mutating func parseBraces() throws -> (Int, Int?) {
    let start = i
    i += 1
    func number() -> Int? {
      var value: Int?
      while let c = peek, c.value &- 48 < 10 {
        value = Swift.min((value ?? 0) * 10 + Int(c.value - 48), 1_000_000)
        i += 1
      }
      return value
    }
    let problem = "'{' must start a repetition like {2}, {2,} or {2,5} (write \\{ for a literal brace)"
    guard let min = number() else { throw RegexSyntaxError(problem, at: start) }
    var max: Int? = min
    if peek == "," {
      i += 1
      max = number()
    }
    guard peek == "}" else { throw RegexSyntaxError(problem, at: start) }
    i += 1
    if let m = max, m < min {
      throw RegexSyntaxError("repetition {\(min),\(m)} has its maximum below its minimum", at: start)
    }
    if Swift.max(min, max ?? 0) > RegexParser.maxRepeat {
      throw RegexSyntaxError("repetition counts above \(RegexParser.maxRepeat) are not supported", at: start)
    }
    return (min, max)
  }

  /// Parses one atom; `nil` for a construct that matches nothing by itself (`(?i)`, `(?#...)`).
  mutating func parseAtom(depth: Int) throws -> RegexNode? {
    guard let c = peek else { return nil }
    let start = i
    i += 1
    switch c {
    case "(": return try parseGroup(start: start, depth: depth)
    case "[": return try parseClass(start: start)
    case ".": return .set(ScalarSet.dot(dotAll: flags.dotAll))
    case "^": return .assertion(flags.multiline ? .lineStart : .textStart)
    case "$": return .assertion(flags.multiline ? .lineEnd : .textEndOrFinalTerminator)
    case "\\": return try parseEscape(start: start)
    case "*", "+", "?", "{":
      throw RegexSyntaxError("nothing to repeat before '\(c)'", at: start)
    default: return literal(c.value)
    }
  }

  /// A literal scalar, or the set of its case variants when ignoring case.
  func literal(_ v: UInt32) -> RegexNode {
    guard flags.ignoreCase else { return .literal(v) }
    let variants = RegexCaseFolding.equivalents(of: v)
    return variants.count > 1 ? .set(ScalarSet(ranges: variants.map { $0...$0 })) : .literal(v)
  }

  mutating func parseGroup(start: Int, depth: Int) throws -> RegexNode? {
    var capture: Int?
    let saved = flags
    if peek == "?" {
      i += 1
      guard let c = peek else { throw RegexSyntaxError("missing ')' for the group opened", at: start) }
      switch c {
      case ":": i += 1
      case "=", "!":
        throw RegexSyntaxError("lookahead (?\(c)...) is \(RegexParser.linearNote)", at: start)
      case ">": throw RegexSyntaxError("atomic groups (?>...) are \(RegexParser.linearNote)", at: start)
      case "#":
        while let d = peek, d != ")" { i += 1 }
        guard peek == ")" else { throw RegexSyntaxError("missing ')' for the comment opened", at: start) }
        i += 1
        return nil
      case "<" where peek(1) == "=" || peek(1) == "!":
        throw RegexSyntaxError("lookbehind (?<\(peek(1) ?? "=")...) is \(RegexParser.linearNote)", at: start)
      case "<", "P":
        if c == "P" {
          guard peek(1) == "<" else {
            throw RegexSyntaxError("backreferences and recursion (?P...) are \(RegexParser.linearNote)", at: start)
          }
          i += 1
        }
        i += 1
        let nameStart = i
        while let d = peek, d.isASCII, d == "_" || d.properties.isAlphabetic || (i > nameStart && d.value &- 48 < 10) {
          i += 1
        }
        let name = String(String.UnicodeScalarView(s[nameStart..<i]))
        guard !name.isEmpty, peek == ">" else {
          throw RegexSyntaxError("a group name must be letters, digits or '_' and end with '>'", at: nameStart)
        }
        guard names[name] == nil else { throw RegexSyntaxError("duplicate group name '\(name)'", at: nameStart) }
        i += 1
        captureCount += 1
        capture = captureCount
        names[name] = captureCount
      default:
        // Flags: (?imsx-imsx) for the rest of the group, or (?imsx-imsx:...) for a group.
        var on = true
        while let f = peek, f != ")", f != ":" {
          switch f {
          case "i": flags.ignoreCase = on
          case "m": flags.multiline = on
          case "s": flags.dotAll = on
          case "x": flags.extended = on
          case "-" where on: on = false
          default:
            if f.value &- 48 < 10 || f == "R" || f == "&" {
              throw RegexSyntaxError("recursion (?\(f)...) is \(RegexParser.linearNote)", at: start)
            }
            throw RegexSyntaxError("unknown group flag '\(f)' (supported: i, m, s, x)", at: i)
          }
          i += 1
        }
        guard let end = peek else { throw RegexSyntaxError("missing ')' for the group opened", at: start) }
        i += 1
        if end == ")" { return nil }  // flags stay on until the enclosing group ends
      }
    } else {
      captureCount += 1
      capture = captureCount
    }
    let body = try parseAlternation(depth: depth + 1)
    guard peek == ")" else { throw RegexSyntaxError("missing ')' for the group opened", at: start) }
    i += 1
    flags = saved
    return capture.map { .capture($0, body) } ?? body
  }

  /// Parses an escape after `\` outside a class.
  mutating func parseEscape(start: Int) throws -> RegexNode {
    guard let c = peek else { throw RegexSyntaxError("the pattern ends with a lone backslash", at: start) }
    switch c {
    case "d", "D", "w", "W", "s", "S":
      i += 1
      return .set(RegexParser.propertySet(c))
    case "v":
      i += 1
      return .set(ScalarSet(ranges: [0x0A...0x0D, 0x85...0x85, 0x2028...0x2029]))
    case "b":
      i += 1
      return .assertion(.wordBoundary)
    case "B":
      i += 1
      return .assertion(.notWordBoundary)
    case "A":
      i += 1
      return .assertion(.textStart)
    case "z":
      i += 1
      return .assertion(.textEnd)
    case "Z":
      i += 1
      return .assertion(.textEndOrFinalTerminator)
    case "Q":
      i += 1
      var items: [RegexNode] = []
      while let d = peek, !(d == "\\" && peek(1) == "E") {
        items.append(literal(d.value))
        i += 1
      }
      if peek != nil { i += 2 }
      quoted = true
      return items.isEmpty ? .empty : .concat(items)
    default:
      return literal(try parseScalarEscape(start: start))
    }
  }

  /// The set of `\d`, `\D`, `\w`, `\W`, `\s` or `\S`.
  static func propertySet(_ c: Unicode.Scalar) -> ScalarSet {
    let negated = c.properties.isUppercase
    switch c {
    case "d", "D": return ScalarSet(property: .digit, negated: negated)
    case "w", "W": return ScalarSet(property: .word, negated: negated)
    default: return ScalarSet(property: .space, negated: negated)
    }
  }

  /// Parses an escape that stands for one scalar (`\n`, `\x41`, `\u{1F600}`, `\.`), `i` just after
  /// the backslash at `start`.
  mutating func parseScalarEscape(start: Int) throws -> UInt32 {
    guard let c = peek else { throw RegexSyntaxError("the pattern ends with a lone backslash", at: start) }
    i += 1
    switch c {
    case "n": return 0x0A
    case "t": return 0x09
    case "r": return 0x0D
    case "f": return 0x0C
    case "a": return 0x07
    case "e": return 0x1B
    case "0":
      var v: UInt32 = 0
      var k = 0
      while k < 3, let d = peek, d.value &- 48 < 8 {
        v = v * 8 + d.value - 48
        i += 1
        k += 1
      }
      return v
    case "x", "u", "U":
      if peek == "{" {
        i += 1
        return try hex(count: nil, start: start)
      }
      return try hex(count: c == "x" ? 2 : c == "u" ? 4 : 8, start: start)
    case "1"..."9":
      throw RegexSyntaxError("backreferences (\\\(c)) are \(RegexParser.linearNote)", at: start)
    case "k":
      throw RegexSyntaxError("backreferences (\\k<name>) are \(RegexParser.linearNote)", at: start)
    case "p", "P":
      throw RegexSyntaxError(
        "Unicode property classes (\\\(c){...}) are not supported; use \\w, \\d, \\s or a range", at: start)
    default:
      if c.isASCII && (c.properties.isAlphabetic || c.value &- 48 < 10) {
        throw RegexSyntaxError("unknown escape '\\\(c)'", at: start)
      }
      return c.value
    }
  }

  /// Reads hexadecimal digits: exactly `count`, or up to a closing `}` when `count` is nil.
  mutating func hex(count: Int?, start: Int) throws -> UInt32 {
    var v: UInt32 = 0
    var k = 0
    while let d = peek, let h = d.isASCII ? Int(String(d), radix: 16) : nil, count.map({ k < $0 }) ?? (k < 8) {
      v = v << 4 | UInt32(h)
      i += 1
      k += 1
    }
    if count == nil {
      guard k > 0, peek == "}" else { throw RegexSyntaxError("bad hexadecimal escape (expected \\x{HEX})", at: start) }
      i += 1
    } else if k != count {
      throw RegexSyntaxError("bad hexadecimal escape (expected \(count ?? 0) hex digits)", at: start)
    }
    guard Unicode.Scalar(v) != nil else {
      throw RegexSyntaxError("escape is not a Unicode scalar value", at: start)
    }
    return v
  }

  /// Parses a class after `[` at `start`.
  mutating func parseClass(start: Int) throws -> RegexNode {
    var negated = false
    if peek == "^" {
      negated = true
      i += 1
    }
    var ranges: [ClosedRange<UInt32>] = []
    var properties: [ScalarSet.PropertyItem] = []
    var first = true
    while true {
      guard let c = peek else { throw RegexSyntaxError("missing ']' for the class opened", at: start) }
      if c == "]" && !first {
        i += 1
        break
      }
      first = false
      let itemStart = i
      guard let lo = try parseClassItem(&properties) else {
        if peek == "-", let n = peek(1), n != "]" {
          throw RegexSyntaxError("a range cannot start with a class like \\d", at: itemStart)
        }
        continue
      }
      if peek == "-", let n = peek(1), n != "]" {
        i += 1
        let hiStart = i
        guard let hi = try parseClassItem(&properties) else {
          throw RegexSyntaxError("a range cannot end with a class like \\d", at: hiStart)
        }
        guard lo <= hi else {
          throw RegexSyntaxError(
            "range out of order \(String(Character(Unicode.Scalar(lo) ?? "?")))-\(String(Character(Unicode.Scalar(hi) ?? "?")))",
            at: itemStart)
        }
        ranges.append(lo...hi)
      } else {
        ranges.append(lo...lo)
      }
    }
    var set = ScalarSet(ranges: ranges, properties: properties, negated: negated)
    if flags.ignoreCase { set = set.caseClosed() }
    return .set(set)
  }

  /// Parses one class member: returns its scalar, or adds a property (`\d`) and returns nil.
  mutating func parseClassItem(_ properties: inout [ScalarSet.PropertyItem]) throws -> UInt32? {
    guard let c = peek else { return nil }
    let start = i
    i += 1
    switch c {
    case "[":
      throw RegexSyntaxError(
        "'[' inside a class must be escaped as \\[ (nested classes and [:name:] are not supported)", at: start)
    case "&" where peek == "&":
      throw RegexSyntaxError("class intersection '&&' is not supported", at: start)
    case "\\":
      guard let e = peek else { throw RegexSyntaxError("the pattern ends with a lone backslash", at: start) }
      switch e {
      case "d", "D", "w", "W", "s", "S":
        i += 1
        let set = RegexParser.propertySet(e)
        properties.append(.init(property: set.properties[0].property, negated: set.negated))
        return nil
      case "b":
        i += 1
        return 0x08
      default:
        return try parseScalarEscape(start: start)
      }
    default:
      return c.value
    }
  }
}
