/// A replacement template for regular-expression matches, in ICU's syntax: `$0` is the whole
/// match, `$1`–`$9` the groups (more digits are read while they name an existing group, so `$12`
/// is group 12 when there are twelve groups, else group 1 and a `2`), `${name}` or `${12}` a group
/// by name or number, `\$` a dollar sign and `\\` a backslash (a backslash keeps any character
/// literally). A group that did not take part in the match inserts nothing.
struct RegexReplacement: Sendable, Equatable {
  /// A piece of the template.
  enum Part: Sendable, Equatable {
    /// Bytes copied as they are.
    case literal([UInt8])
    /// The text of a capture group.
    case group(Int)
  }

  /// The pieces, in order.
  let parts: [Part]

  /// Parses `template` for a pattern with `captureCount` groups and the given named groups; throws
  /// ``RegexSyntaxError`` (offsets in Unicode scalars of the template) for a reference to a group
  /// that does not exist or a `$` that names no group.
  init(_ template: String, captureCount: Int, names: [String: Int] = [:]) throws {
    let s = Array(template.unicodeScalars)
    var parts: [Part] = []
    var literal = ""
    func flush() {
      if !literal.isEmpty { parts.append(.literal(Array(literal.utf8))) }
      literal = ""
    }
    func checked(_ n: Int, at offset: Int) throws -> Int {
      guard n <= captureCount else {
        throw RegexSyntaxError(
          "the replacement refers to group \(n) but the pattern has \(captureCount) group\(captureCount == 1 ? "" : "s")",
          at: offset)
      }
      return n
    }
    var i = 0
    while i < s.count {
      let c = s[i]
      if c == "\\" {
        guard i + 1 < s.count else { throw RegexSyntaxError("the replacement ends with a lone backslash", at: i) }
        literal.unicodeScalars.append(s[i + 1])
        i += 2
      } else if c == "$" {
        let start = i
        i += 1
        if i < s.count, s[i].value &- 48 < 10 {
          var n = try checked(Int(s[i].value - 48), at: start)
          i += 1
          while i < s.count, s[i].value &- 48 < 10, n * 10 + Int(s[i].value - 48) <= captureCount {
            n = n * 10 + Int(s[i].value - 48)
            i += 1
          }
          flush()
          parts.append(.group(n))
        } else if i < s.count, s[i] == "{" {
          guard let close = s[i...].firstIndex(of: "}") else {
            throw RegexSyntaxError("'${' without a closing '}' in the replacement", at: start)
          }
          let name = String(String.UnicodeScalarView(s[(i + 1)..<close]))
          let n: Int
          if let number = Int(name) {
            n = try checked(number, at: start)
          } else if let named = names[name] {
            n = named
          } else {
            throw RegexSyntaxError(
              "the replacement refers to a group named '\(name)' that the pattern lacks", at: start)
          }
          flush()
          parts.append(.group(n))
          i = close + 1
        } else {
          throw RegexSyntaxError(
            "'$' in the replacement must be followed by a group number or {name} (write \\$ for a dollar sign)",
            at: start)
        }
      } else {
        literal.unicodeScalars.append(c)
        i += 1
      }
    }
    flush()
    self.parts = parts
  }

  /// Appends the replacement of the match described by `slots` (see ``PikeVM/slots``) to `out`.
  @inline(__always)
  func append(slots: [Int], from bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    for part in parts {
      switch part {
      case .literal(let b): out.append(contentsOf: b)
      case .group(let n):
        let (s, e) = (slots[2 * n], slots[2 * n + 1])
        if s >= 0, e >= s { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[s..<e])) }
      }
    }
  }

  /// Replaces every match of `vm`'s pattern in `text` with this template. Returns nil when there
  /// is no match; throws ``PikeVM/Timeout`` past `deadline`.
  func replaceAll(in text: String, using vm: PikeVM, deadline: ContinuousClock.Instant? = nil) throws -> (
    text: String, count: Int
  )? {
    var text = text
    return try text.withUTF8 { bytes -> (String, Int)? in
      var out: [UInt8] = []
      var copied = 0
      let count = try vm.forEachMatch(in: bytes, deadline: deadline) { slots in
        if out.isEmpty { out.reserveCapacity(bytes.count + 16) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<slots[0]]))
        append(slots: slots, from: bytes, to: &out)
        copied = slots[1]
      }
      guard count > 0 else { return nil }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
      return (String(decoding: out, as: UTF8.self), count)
    }
  }
}
