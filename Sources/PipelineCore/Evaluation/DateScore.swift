/// Publication-date scores: exact day over the gold documents that have a date.
///
/// A prediction is right when its first 10 characters equal the gold date, an `X` in the gold
/// (EDTF `XXXX-12-04`) matching any character. A missing or empty prediction is no answer.
public struct DateScore: Sendable, Equatable {
  /// Gold documents with a date.
  public var dated = 0
  /// Of those, how many were given a date at all.
  public var given = 0
  /// Of those, how many were given the right day.
  public var right = 0
  /// Gold documents without a date.
  public var undated = 0
  /// Of those, how many were given a date anyway (a false date).
  public var undatedGiven = 0

  /// Empty counts.
  public init() {}

  /// Share of dated documents given the right day (no answer counts as wrong).
  public var accuracy: Share { Share(right, of: dated) }
  /// Share of dated documents given any date.
  public var coverage: Share { Share(given, of: dated) }
  /// Share of given dates that are right.
  public var precision: Share { Share(right, of: given) }
  /// Share of undated documents given a date ("dated when the gold has no date").
  public var falseDates: Share { Share(undatedGiven, of: undated) }

  /// Counts one gold document and its prediction (`nil` when the run gave none).
  public mutating func add(gold: JSONObject, prediction: JSONObject?) {
    let predicted = prediction?["date"] ?? .null
    let answered = predicted.isTruthy
    guard let goldDate = gold["date"], goldDate.isTruthy else {
      undated += 1
      if answered { undatedGiven += 1 }
      return
    }
    dated += 1
    guard answered else { return }
    given += 1
    if Self.sameDay(predicted.pythonString, goldDate.pythonString) { right += 1 }
  }

  /// Whether the first 10 characters of `prediction` match the 10-character `gold` date
  /// (`X` in the gold matches anything).
  public static func sameDay(_ prediction: String, _ gold: String) -> Bool {
    let p = Array(prediction.unicodeScalars.prefix(10))
    let g = Array(gold.unicodeScalars)
    guard p.count == 10, g.count == 10 else { return false }
    return zip(p, g).allSatisfy { $1 == "X" || $0 == $1 }
  }

  /// The metrics under the reference scorer's keys, then `pipe eval`'s own.
  func json(into out: inout JSONObject) {
    out["date_gold"] = .int(dated)
    out["date_accuracy"] = accuracy.json
    out["date_coverage"] = coverage.json
    out["date_precision"] = precision.json
    out["date_undated_gold"] = .int(undated)
    out["date_undated_given"] = falseDates.json
  }

  var rows: [EvalRow] {
    [
      EvalRow("date", "accuracy", accuracy),
      EvalRow("date", "coverage", coverage),
      EvalRow("date", "precision", precision),
      EvalRow("date", "dated, gold has none", falseDates),
    ]
  }
}

/// Time-of-day scores, for gold records with a `time` (`12:37`): the prediction's `date` must
/// be `YYYY-MM-DDTHH:MM…` with the gold day and the gold hour and minute.
public struct TimeScore: Sendable, Equatable {
  /// Gold documents with a date and a time.
  public var timed = 0
  /// Of those, how many predictions carry a time of day.
  public var given = 0
  /// Of those, how many have the right day and time.
  public var right = 0

  /// Empty counts.
  public init() {}

  /// Share of timed documents given the right day and time.
  public var accuracy: Share { Share(right, of: timed) }
  /// Share of timed documents whose prediction has a time at all.
  public var coverage: Share { Share(given, of: timed) }

  /// Counts one gold document and its prediction (`nil` when the run gave none).
  public mutating func add(gold: JSONObject, prediction: JSONObject?) {
    guard let goldTime = gold["time"], goldTime.isTruthy, let goldDate = gold["date"],
      goldDate.isTruthy
    else { return }
    timed += 1
    guard let predicted = prediction?["date"], predicted.isTruthy,
      let time = Self.timeOfDay(predicted.pythonString)
    else { return }
    given += 1
    let wanted = String(String.UnicodeScalarView(goldTime.pythonString.unicodeScalars.prefix(5)))
    if DateScore.sameDay(predicted.pythonString, goldDate.pythonString) && time == wanted {
      right += 1
    }
  }

  /// The `HH:MM` of an ISO 8601 date-time (`2023-07-03T12:37`, also with a space for `T`, seconds
  /// or an offset after it), or `nil` when `value` has no time of day.
  public static func timeOfDay(_ value: String) -> String? {
    let s = Array(value.unicodeScalars.prefix(16))
    guard s.count == 16, s[10] == "T" || s[10] == " ", s[13] == ":" else { return nil }
    let digits = [11, 12, 14, 15]
    guard digits.allSatisfy({ s[$0].value >= 0x30 && s[$0].value <= 0x39 }) else { return nil }
    return String(String.UnicodeScalarView(s[11..<16]))
  }

  func json(into out: inout JSONObject) {
    out["time_gold"] = .int(timed)
    out["time_accuracy"] = accuracy.json
    out["time_coverage"] = coverage.json
  }

  var rows: [EvalRow] {
    [EvalRow("time", "accuracy", accuracy), EvalRow("time", "coverage", coverage)]
  }
}
