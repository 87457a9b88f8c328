/// One date expression found in a text, with where it is.
struct DateMention: Sendable, Equatable {
  /// How the date was written.
  enum Shape: Int8, Sendable {
    /// Year first: `2018-12-05`, `2019/7/13`, `2020.10.26`.
    case iso
    /// Day and month as numbers: `05.12.2018`, `12/05/2018`, `05.12.18`.
    case numeric
    /// With a month name: `03 July, 2023`, `July 3, 2023`, `3 июля 2023`, `Dec. 4`.
    case written
  }

  /// The day (year 0 when the text gives none).
  var day: CalendarDay
  /// The other reading of an ambiguous numeric date (`03/07/2023` as 7 March), if valid.
  var alternative: CalendarDay?
  /// The time of day written beside the date.
  var time: TimeOfDay?
  /// Byte offset where the expression starts (a weekday or time before the date included).
  var start: Int
  /// Byte offset just past the expression (a time after the date included).
  var end: Int
  var shape: Shape
  /// The weekday written before the date (1 = Monday), or 0.
  var weekday: Int8 = 0
  /// For a numeric date that only one order can read (`25/12/2019`, `12/25/2019`): +1 when it
  /// was day first, -1 when month first; 0 otherwise. The text's other ambiguous dates follow it.
  var orderHint: Int8 = 0
  /// For an ambiguous numeric date, whether ``day`` is the day-first reading.
  var readDayFirst = true
  /// The time is the start of a range ("10:00-11:30"): an event's schedule.
  var isSchedule = false
  /// The year was written with two digits.
  var twoDigitYear = false
  /// The 0-based line the expression is on.
  var line: Int = 0
}
