/// The reference scorer's rule for outlet names: a predicted source is right when its folded
/// form equals the folded gold `source`, one of its `aliases`, the `domain`, or the domain's
/// first label.
///
/// Folding lowercases (Python's full Unicode lowercasing, final sigma included), spells out
/// German umlauts and ß (`ä`→`ae`, `ß`→`ss`), applies NFKD, keeps only letters and digits (no
/// combining marks), and drops a leading `the`:
///
/// ```swift
/// SourceFolding.fold("The Times of India") == "timesofindia"
/// SourceFolding.fold("Süddeutsche Zeitung") == "sueddeutschezeitung"
/// ```
public enum SourceFolding {
  /// The folded form of `name`.
  public static func fold(_ name: String) -> String {
    let lowered = spellingOutUmlauts(pythonLowercased(name))
    var out = String.UnicodeScalarView()
    for scalar in UnicodeNormalization.normalize(lowered, .nfkd).unicodeScalars
    where isAlphanumeric(scalar) && scalar.properties.canonicalCombiningClass.rawValue == 0 {
      out.append(scalar)
    }
    if out.starts(with: "the".unicodeScalars) { out.removeFirst(3) }
    return String(out)
  }

  /// Whether `prediction` (a `source` value of a prediction) names the gold record's outlet.
  public static func matches(_ prediction: JSONValue?, gold: JSONObject) -> Bool {
    guard let prediction, prediction.isTruthy else { return false }
    let domain = gold["domain"].flatMap { $0.isTruthy ? $0.pythonString : nil } ?? ""
    var names: Set<String> = [
      fold(gold["source"].flatMap { $0.isTruthy ? $0.pythonString : nil } ?? ""),
      fold(domain),
      fold(String(domain.split(separator: ".", omittingEmptySubsequences: false).first ?? "")),
    ]
    if let aliases = gold["aliases"]?.arrayValue {
      for alias in aliases { names.insert(fold(alias.pythonString)) }
    }
    names.remove("")
    return names.contains(fold(prediction.pythonString))
  }

  /// Python's `str.isalnum()` for one code point: a letter (`L*`) or any numeric character.
  static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      return true
    default:
      return scalar.properties.numericType != nil
    }
  }

  /// Python's `str.lower()`: the full lowercase mapping of each code point, with capital sigma
  /// becoming final sigma (ς) at the end of a word.
  static func pythonLowercased(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for (i, scalar) in scalars.enumerated() {
      if scalar.value == 0x03A3 {
        out.unicodeScalars.append(isFinalSigma(scalars, at: i) ? "\u{03C2}" : "\u{03C3}")
      } else {
        out += scalar.properties.lowercaseMapping
      }
    }
    return out
  }

  /// `ä`, `ö`, `ü` and `ß` (precomposed code points) written as `ae`, `oe`, `ue` and `ss`.
  static func spellingOutUmlauts(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\u{E4}": out.append(contentsOf: "ae".unicodeScalars)
      case "\u{F6}": out.append(contentsOf: "oe".unicodeScalars)
      case "\u{FC}": out.append(contentsOf: "ue".unicodeScalars)
      case "\u{DF}": out.append(contentsOf: "ss".unicodeScalars)
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// Unicode's Final_Sigma context: a cased letter before (skipping case-ignorables) and none
  /// after.
  private static func isFinalSigma(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
    var j = i - 1
    while j >= 0 && scalars[j].properties.isCaseIgnorable { j -= 1 }
    guard j >= 0, scalars[j].properties.isCased else { return false }
    var k = i + 1
    while k < scalars.count && scalars[k].properties.isCaseIgnorable { k += 1 }
    return k == scalars.count || !scalars[k].properties.isCased
  }
}
