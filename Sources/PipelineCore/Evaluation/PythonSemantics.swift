import FoundationEssentials

/// How the reference scorer (`score.py`) sees JSON values once Python has loaded them: whether a
/// value counts as an answer (truthiness) and the text `str()` gives for it. `pipe eval` follows
/// these rules so that its numbers agree with the reference scorer's, edge cases included.
extension JSONValue {
  /// Python truthiness: `null`, `false`, `0`, `""`, `[]` and `{}` are false.
  var isTruthy: Bool {
    switch self {
    case .null: return false
    case .bool(let b): return b
    case .number(let n): return (Double(n) ?? 1) != 0
    case .string(let s): return !s.isEmpty
    case .array(let a): return !a.isEmpty
    case .object(let o): return o.count > 0
    }
  }

  /// The text Python's `str()` gives for the value (`None`, `True`, `3`, `1.5`, `['a']`).
  var pythonString: String {
    switch self {
    case .string(let s): return s
    default: return pythonRepr
    }
  }

  /// Python's `repr()` of the value (strings quoted), used inside lists and dicts.
  private var pythonRepr: String {
    switch self {
    case .null: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .number(let n): return Self.pythonNumber(n)
    case .string(let s):
      let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
      var out = String(quote)
      for c in s {
        if c == "\\" || c == quote { out.append("\\") }
        out.append(c)
      }
      out.append(quote)
      return out
    case .array(let items): return "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
    case .object(let o):
      return "{"
        + o.map { JSONValue.string($0.key).pythonRepr + ": " + $0.value.pythonRepr }
        .joined(separator: ", ") + "}"
    }
  }

  /// A JSON number as Python prints it: integers as written (`-0` as `0`), others as floats.
  private static func pythonNumber(_ lexeme: String) -> String {
    let isInteger = !lexeme.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
    if isInteger { return lexeme == "-0" ? "0" : lexeme }
    guard let d = Double(lexeme) else { return lexeme }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    return d.description
  }
}

/// Python's `round(x, 4)` of a share: the correctly rounded decimal of the binary double nearest
/// to `numerator / denominator` (glibc's and Darwin's `printf` round exactly, as Python does).
func pythonRound4(_ numerator: Int, _ denominator: Int) -> Double? {
  guard denominator != 0 else { return nil }
  let x = Double(numerator) / Double(denominator)
  return Double(formatFixed4(x)) ?? x
}

/// `x` with four decimals (`0.8372`), as `printf("%.4f")` writes it.
func formatFixed4(_ x: Double) -> String {
  TextFormatting.printf("%.4f", x)
}
