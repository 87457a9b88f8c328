/// A calendar day, possibly without a known year, with an optional time of day.
///
/// `year == 0` means the text gave no year (written as EDTF `XXXX-MM-DD`). Values are only built
/// through ``init(year:month:day:)``, which rejects impossible days (31 February, month 13).
struct CalendarDay: Hashable, Sendable, Comparable {
  /// The year, or 0 when unknown.
  var year: Int
  /// 1 ... 12.
  var month: Int
  /// 1 ... 31, valid for the month (29 February only in leap years, or when the year is unknown).
  var day: Int

  /// A valid day, or nil for an impossible one.
  init?(year: Int, month: Int, day: Int) {
    guard month >= 1, month <= 12, day >= 1 else { return nil }
    guard day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Whether the year is known.
  var hasYear: Bool { year != 0 }

  /// The number of days in `month`; an unknown year (0) allows 29 February.
  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      if year == 0 { return 29 }
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's `days_from_civil`).
  /// Only meaningful when the year is known.
  var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The day with the given day number (inverse of ``dayNumber``).
  init(dayNumber: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.month = m
    self.day = d
  }

  /// ISO weekday, 1 = Monday ... 7 = Sunday (year must be known).
  var weekday: Int {
    // 1970-01-01 was a Thursday (4).
    let w = (dayNumber % 7 + 7) % 7  // 0 = Thursday
    return (w + 3) % 7 + 1
  }

  /// Orders known-year days chronologically; year-less days sort by month and day.
  static func < (a: CalendarDay, b: CalendarDay) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// The same month and day in `year` (nil for 29 February outside leap years).
  func inYear(_ year: Int) -> CalendarDay? {
    CalendarDay(year: year, month: month, day: day)
  }

  /// `YYYY-MM-DD`, or `XXXX-MM-DD` when the year is unknown.
  var iso: String { iso(time: nil) }

  /// `YYYY-MM-DD`, with `THH:MM` after it when `time` is given, built in one buffer.
  func iso(time: TimeOfDay?) -> String {
    // The exact length when the year has four digits: up to 15 bytes make a small string,
    // without an allocation.
    let length = (0...9999).contains(year) ? (time == nil ? 10 : 16) : 32
    return String(unsafeUninitializedCapacity: length) { out in
      var n = 0
      if year == 0 {
        for _ in 0..<4 {
          out[n] = 88
          n += 1
        }
      } else {
        n = writeDigits(out, at: n, year, width: 4)
      }
      out[n] = 45
      n = writeDigits(out, at: n + 1, month, width: 2)
      out[n] = 45
      n = writeDigits(out, at: n + 1, day, width: 2)
      if let time {
        out[n] = 84
        n = time.write(into: out, at: n + 1)
      }
      return n
    }
  }

  /// Parses `YYYY-MM-DD` (the first 10 characters of the string; a time after them is ignored).
  init?(isoPrefix string: String) {
    let b = Array(string.utf8.prefix(10))
    guard b.count == 10, b[4] == 45, b[7] == 45 else { return nil }
    func num(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        let d = Int(b[i]) - 48
        guard d >= 0, d <= 9 else { return nil }
        v = v * 10 + d
      }
      return v
    }
    guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), y > 0 else { return nil }
    self.init(year: y, month: m, day: d)
  }
}

/// A time of day (24-hour clock).
struct TimeOfDay: Hashable, Sendable {
  var hour: Int
  var minute: Int

  /// `HH:MM`.
  var text: String {
    String(unsafeUninitializedCapacity: 16) { write(into: $0, at: 0) }
  }

  /// Writes `HH:MM` at `i` in `out`; returns the index after it.
  func write(into out: UnsafeMutableBufferPointer<UInt8>, at i: Int) -> Int {
    let n = writeDigits(out, at: i, hour, width: 2)
    out[n] = 58
    return writeDigits(out, at: n + 1, minute, width: 2)
  }
}

/// Writes `value` (negative values as 0, at most 12 digits) as decimal digits left-padded with zeros to
/// `width` at `i` in `out`; returns the index after them.
func writeDigits(_ out: UnsafeMutableBufferPointer<UInt8>, at i: Int, _ value: Int, width: Int)
  -> Int
{
  var count = 1
  var power = 10
  while power <= value, count < 12 {
    count += 1
    power *= 10
  }
  let end = i + max(width, count)
  var v = max(value, 0)
  var k = end
  while k > i {
    k -= 1
    out[k] = UInt8(48 + v % 10)
    v /= 10
  }
  return end
}
