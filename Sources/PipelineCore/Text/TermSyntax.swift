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
  public static func expand(_ term: String) throws(Error) -> [AhoCorasick.Pattern] {
    var scalars = Array(term.unicodeScalars)
    while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
    var prefix = false
    if scalars.last == "*", !(scalars.count >= 2 && scalars[scalars.count - 2] == "\\") {
      prefix = true
      scalars.removeLast()
    }
    // Split into literal pieces and brace groups.
    var variants: [String] = [""]
    var literal = ""
    var inGroup = false
    var alternatives: [String] = []
    func append(_ c: Unicode.Scalar) {
      if inGroup {
        alternatives[alternatives.count - 1].unicodeScalars.append(c)
      } else {
        literal.unicodeScalars.append(c)
      }
    }
    func flushLiteral() {
      if !literal.isEmpty {
        variants = variants.map { $0 + literal }
        literal = ""
      }
    }
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      i += 1
      switch c {
      case "\\":
        guard i < scalars.count else { throw Error("term \"\(term)\" ends with a lone backslash") }
        append(scalars[i])
        i += 1
      case "{":
        guard !inGroup else { throw Error("term \"\(term)\": braces cannot nest") }
        flushLiteral()
        inGroup = true
        alternatives = [""]
      case "}":
        guard inGroup else {
          throw Error("term \"\(term)\": '}' without '{' (write \\} for a literal brace)")
        }
        var next: [String] = []
        for v in variants {
          for a in alternatives { next.append(v + a) }
        }
        guard next.count <= maximumExpansions else {
          throw Error("term \"\(term)\" expands to more than \(maximumExpansions) forms")
        }
        variants = next
        inGroup = false
      case "," where inGroup:
        alternatives.append("")
      case "*":
        throw Error(
          "term \"\(term)\": '*' is only allowed at the end of a term (write \\* for a literal star)"
        )
      default:
        append(c)
      }
    }
    guard !inGroup else { throw Error("term \"\(term)\": unclosed '{'") }
    flushLiteral()
    var seen = Set<String>()
    var out: [AhoCorasick.Pattern] = []
    for v in variants {
      let normalised = normaliseSpaces(v)
      guard !normalised.isEmpty else {
        throw Error(
          term.trimmingSpaces.isEmpty ? "empty term" : "term \"\(term)\" has an empty form")
      }
      if seen.insert(normalised).inserted {
        out.append(AhoCorasick.Pattern(normalised, prefix: prefix))
      }
    }
    return out
  }

  /// `text` with leading and trailing whitespace removed and inner runs made one space.
  static func normaliseSpaces(_ text: String) -> String {
    var out = ""
    var pendingSpace = false
    for s in text.unicodeScalars {
      if s.properties.isWhitespace {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.unicodeScalars.append(s)
      }
    }
    return out
  }
}

extension String {
  fileprivate var trimmingSpaces: String { TermSyntax.normaliseSpaces(self) }
}
