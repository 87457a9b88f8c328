/// The small syntax of terms in keyword lists and taxonomies, expanded to matcher patterns.
///
/// - A plain term matches as a whole word or phrase: `visa regime`.
/// - A trailing `*` makes it a stem that the word may continue: `launch*` matches `launch`,
///   `launched`, `launches`, `launching` (and `launchpad`: choose stems with care).
/// - Braces list inflections: `court{,s}` is `court` and `courts`; `визов{ый,ая,ое,ые}` is four
///   words; `visa{-, }free` is `visa-free` and `visa free`. Several groups multiply out
///   (`{trade,tariff} war{,s}` is four terms); groups do not nest.
/// - A backslash makes the next character literal: `\{`, `\}`, `\,`, `\*`, `\\`.
///
/// Whitespace inside a term matches any run of whitespace in the text (a phrase broken by a line
/// break still matches).
public enum TermSyntax {
  /// The most patterns one term may expand to.
  public static let maximumExpansions = 256

  /// A term that cannot be expanded, with the reason.
  public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
  }

  /// Expands `term` into the patterns it stands for, in order, without duplicates.
  ///
  /// Works on the UTF-8 bytes (the syntax characters are ASCII), so expanding a taxonomy's
  /// terms at start-up costs little.
  public static func expand(_ term: String) throws(Error) -> [AhoCorasick.Pattern] {
    if let plain = plainPattern(term) { return [plain] }
    var bytes = Array(term.utf8)
    // Trailing white space goes (a term written "visa " is "visa").
    while !bytes.isEmpty {
      let w = trailingWhitespace(bytes)
      if w == 0 { break }
      bytes.removeLast(w)
    }
    var prefix = false
    if bytes.last == 0x2A, !(bytes.count >= 2 && bytes[bytes.count - 2] == 0x5C) {
      prefix = true
      bytes.removeLast()
    }
    // Split into parts: a literal piece is a part with one alternative, a brace group a part
    // with several; alternatives are byte ranges of `chars` (the term with escapes resolved).
    var chars: [UInt8] = []
    chars.reserveCapacity(bytes.count)
    var parts: [[Range<Int>]] = []
    var pieceStart = 0
    var inGroup = false
    var forms = 1
    func closePiece() {
      if inGroup {
        parts[parts.count - 1].append(pieceStart..<chars.count)
      } else if chars.count > pieceStart {
        parts.append([pieceStart..<chars.count])
      }
      pieceStart = chars.count
    }
    var i = 0
    while i < bytes.count {
      let c = bytes[i]
      i += 1
      switch c {
      case 0x5C:  // backslash: the next character is literal
        guard i < bytes.count else { throw Error("term \"\(term)\" ends with a lone backslash") }
        let end = min(i + scalarLength(bytes[i]), bytes.count)
        chars += bytes[i..<end]
        i = end
      case 0x7B:  // {
        guard !inGroup else { throw Error("term \"\(term)\": braces cannot nest") }
        closePiece()
        inGroup = true
        parts.append([])
      case 0x7D:  // }
        guard inGroup else {
          throw Error("term \"\(term)\": '}' without '{' (write \\} for a literal brace)")
        }
        closePiece()
        forms *= parts[parts.count - 1].count
        guard forms <= maximumExpansions else {
          throw Error("term \"\(term)\" expands to more than \(maximumExpansions) forms")
        }
        inGroup = false
      case 0x2C where inGroup:  // ,
        closePiece()
      case 0x2A:  // *
        throw Error(
          "term \"\(term)\": '*' is only allowed at the end of a term (write \\* for a literal star)"
        )
      default:
        chars.append(c)
      }
    }
    guard !inGroup else { throw Error("term \"\(term)\": unclosed '{'") }
    closePiece()
    // Every combination, the last group varying fastest; duplicates go (compared as Strings,
    // so forms that differ only in how an accent is encoded are one form).
    var out: [AhoCorasick.Pattern] = []
    out.reserveCapacity(forms)
    var choice = [Int](repeating: 0, count: parts.count)
    var form: [UInt8] = []
    form.reserveCapacity(chars.count)
    for _ in 0..<forms {
      form.removeAll(keepingCapacity: true)
      for (k, part) in parts.enumerated() { form += chars[part[choice[k]]] }
      let normalised = form.withUnsafeBufferPointer { UnicodeWhitespace.normalised($0) }
      guard !normalised.isEmpty else {
        throw Error(
          term.trimmingSpaces.isEmpty ? "empty term" : "term \"\(term)\" has an empty form")
      }
      let text = String(decoding: normalised, as: UTF8.self)
      if !out.contains(where: { $0.text == text }) {
        out.append(AhoCorasick.Pattern(text, prefix: prefix))
      }
      // The next combination.
      var k = parts.count - 1
      while k >= 0 {
        choice[k] += 1
        if choice[k] < parts[k].count { break }
        choice[k] = 0
        k -= 1
      }
    }
    return out
  }

  /// The one pattern of a term without syntax (no braces or backslashes, white space only as
  /// single spaces between words, `*` at most at the end), or `nil` for any other term.
  static func plainPattern(_ term: String) -> AhoCorasick.Pattern? {
    var copy = term
    return copy.withUTF8 { bytes -> AhoCorasick.Pattern? in
      let n = bytes.count
      guard n > 0, bytes[0] != 0x20, bytes[0] != 0x2A else { return nil }
      var i = 0
      while i < n {
        let b = bytes[i]
        switch b {
        case 0x7B, 0x7D, 0x5C: return nil  // { } \
        case 0x2A: if i != n - 1 { return nil }  // *
        case 0x20: if i == n - 1 || bytes[i + 1] == 0x20 || bytes[i + 1] == 0x2A { return nil }
        case 0x09...0x0D: return nil
        case 0xC2, 0xE1, 0xE2, 0xE3: if UnicodeWhitespace.length(at: i, in: bytes) > 0 { return nil }
        default: break
        }
        i += 1
      }
      if bytes[n - 1] == 0x2A {
        return AhoCorasick.Pattern(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<(n - 1)]), as: UTF8.self),
          prefix: true)
      }
      return AhoCorasick.Pattern(term, prefix: false)
    }
  }

  /// The byte length of the white-space character that ends `bytes`, or 0.
  private static func trailingWhitespace(_ bytes: [UInt8]) -> Int {
    var start = bytes.count - 1
    while start > 0, bytes.count - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return bytes.withUnsafeBufferPointer { b in
      let w = UnicodeWhitespace.length(at: start, in: b)
      return start + w == b.count ? w : 0
    }
  }

  /// The length of the UTF-8 sequence that `lead` starts.
  private static func scalarLength(_ lead: UInt8) -> Int {
    lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// `text` with leading and trailing whitespace removed and inner runs made one space.
  static func normaliseSpaces(_ text: String) -> String {
    var text = text
    return text.withUTF8 { String(decoding: UnicodeWhitespace.normalised($0), as: UTF8.self) }
  }
}

extension String {
  fileprivate var trimmingSpaces: String { TermSyntax.normaliseSpaces(self) }
}
