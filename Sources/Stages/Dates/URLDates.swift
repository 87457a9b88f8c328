/// Dates in a URL's path: `/2023/11/08/`, `/2023/nov/8/`, `-20231108-`, `/2019-03-27/`,
/// `-02-11-2023-`, and partial ones (`/2018/12/`, `/2022-08/`) that only give a year and month.
///
/// The URL is read as UTF-8 bytes, with no allocation: segments and tokens are byte ranges.
struct URLDateEvidence: Sendable, Equatable {
  /// The full day, when the path gives one.
  var day: CalendarDay?
  /// The year the path gives (0 when none).
  var year: Int
  /// The month the path gives (0 when none).
  var month: Int
  /// For a Wayback Machine URL (`web.archive.org/web/20070228213001/...`), the capture day: the
  /// page existed then, so it is an upper bound for the publication date.
  var capture: CalendarDay?

  /// Reads the dates in `url`; `monthFirst` decides `02-11-2023` style segments.
  init(url: String, monthFirst: Bool, years: ClosedRange<Int>) {
    day = nil
    year = 0
    month = 0
    capture = nil
    var url = url
    url.withUTF8 { p in
      let reader = URLBytes(p: p, years: years)
      var path = reader.path(from: 0)
      // Wayback Machine: /web/<14 digits>[suffix]/<archived url>
      if reader.contains("web.archive.org/web/"), reader.hasPrefix("/web/", at: path) {
        let rest = path.lowerBound + 5..<path.upperBound
        let stamp = reader.digitRun(at: rest.lowerBound, limit: rest.upperBound)
        if stamp >= 8 {
          let s = rest.lowerBound
          capture = CalendarDay(
            year: reader.number(s..<s + 4), month: reader.number(s + 4..<s + 6),
            day: reader.number(s + 6..<s + 8))
        }
        if let slash = reader.firstIndex(of: 47, in: rest) {
          path = reader.path(from: slash + 1, end: rest.upperBound)
        }
      }
      read(reader, path: path, monthFirst: monthFirst)
    }
    if let d = day {
      year = d.year
      month = d.month
    }
  }

  private mutating func read(_ r: URLBytes, path: Range<Int>, monthFirst: Bool) {
    // Segments: /YYYY/MM/DD/ and /YYYY/MM/
    var segment = r.part(from: path.lowerBound, end: path.upperBound, separators: .slash)
    while let s = segment {
      let next = r.part(from: s.upperBound, end: path.upperBound, separators: .slash)
      defer { segment = next }
      guard let y = r.yearValue(s) else { continue }
      if let ms = next, let m = r.monthValue(ms) {
        if let ds = r.part(from: ms.upperBound, end: path.upperBound, separators: .slash),
          let d = r.smallNumber(ds), let full = CalendarDay(year: y, month: m, day: d)
        {
          day = full
          year = y
          month = m
          return
        }
        if year == 0 {
          year = y
          month = m
        }
      } else if year == 0 {
        year = y
      }
    }
    // Inside segments: 2019-03-27, 20231108, 02-11-2023, 22.04.2020, 2022-08
    segment = r.part(from: path.lowerBound, end: path.upperBound, separators: .slash)
    while let s = segment {
      segment = r.part(from: s.upperBound, end: path.upperBound, separators: .slash)
      if readTokens(r, segment: s, monthFirst: monthFirst) { return }
    }
  }

  /// Reads the `-`, `_` or `.` separated tokens of one segment; true when a full day was found.
  private mutating func readTokens(_ r: URLBytes, segment s: Range<Int>, monthFirst: Bool) -> Bool {
    var token = r.part(from: s.lowerBound, end: s.upperBound, separators: .token)
    while let a = token {
      let b = r.part(from: a.upperBound, end: s.upperBound, separators: .token)
      defer { token = b }
      guard r.allDigits(a) else { continue }
      if a.count == 8, let y = r.yearValue(a.lowerBound..<a.lowerBound + 4),
        let full = CalendarDay(
          year: y, month: r.number(a.lowerBound + 4..<a.lowerBound + 6),
          day: r.number(a.lowerBound + 6..<a.upperBound))
      {
        day = full
        return true
      }
      guard let b else { continue }
      guard let c = r.part(from: b.upperBound, end: s.upperBound, separators: .token) else {
        if let y = r.yearValue(a), b.count == 2, let m = r.smallNumber(b), (1...12).contains(m),
          year == 0
        {
          year = y
          month = m
        }
        continue
      }
      guard let bv = r.smallNumber(b) else { continue }
      if let y = r.yearValue(a), let cv = r.smallNumber(c),
        let full = CalendarDay(year: y, month: bv, day: cv)
      {
        day = full
        return true
      }
      if let av = r.smallNumber(a), let y = r.yearValue(c) {
        let dayFirst = CalendarDay(year: y, month: bv, day: av)
        let monthFirstReading = CalendarDay(year: y, month: av, day: bv)
        if let full = monthFirst
          ? (monthFirstReading ?? dayFirst) : (dayFirst ?? monthFirstReading)
        {
          day = full
          return true
        }
      }
    }
    return false
  }
}

/// Byte-level reading of a URL for ``URLDateEvidence``.
private struct URLBytes {
  let p: UnsafeBufferPointer<UInt8>
  let years: ClosedRange<Int>

  /// Which bytes separate the parts of a path.
  enum Separators {
    /// `/`: path segments.
    case slash
    /// `-`, `_`, `.`: tokens inside a segment.
    case token
  }

  /// The path of the URL starting at `from`: after `://` and the host, before `?` and `#`
  /// (empty when there is no `/` after the host).
  func path(from: Int, end: Int? = nil) -> Range<Int> {
    let end = end ?? p.count
    var s = from
    // After the scheme, if there is one.
    var i = from
    while i + 2 < end {
      if p[i] == 58, p[i + 1] == 47, p[i + 2] == 47 {
        s = i + 3
        break
      }
      i += 1
    }
    guard let slash = firstIndex(of: 47, in: s..<end) else { return end..<end }
    var e = slash
    while e < end, p[e] != 63, p[e] != 35 { e += 1 }
    return slash..<e
  }

  /// The first part of `from..<end` between separators (empty parts skipped), or nil.
  @inline(__always)
  func part(from: Int, end: Int, separators: Separators) -> Range<Int>? {
    var s = from
    while s < end, isSeparator(p[s], separators) { s += 1 }
    guard s < end else { return nil }
    var e = s + 1
    while e < end, !isSeparator(p[e], separators) { e += 1 }
    return s..<e
  }

  @inline(__always)
  private func isSeparator(_ b: UInt8, _ separators: Separators) -> Bool {
    switch separators {
    case .slash: return b == 47
    case .token: return b == 45 || b == 95 || b == 46
    }
  }

  /// The first index of byte `b` in `r`.
  func firstIndex(of b: UInt8, in r: Range<Int>) -> Int? {
    var i = r.lowerBound
    while i < r.upperBound {
      if p[i] == b { return i }
      i += 1
    }
    return nil
  }

  /// Whether the ASCII `s` occurs in the URL.
  func contains(_ s: StaticString) -> Bool {
    let n = s.utf8CodeUnitCount
    guard n > 0, p.count >= n else { return false }
    return s.withUTF8Buffer { w in
      var i = 0
      while i + n <= p.count {
        if p[i] == w[0] {
          var k = 1
          while k < n, p[i + k] == w[k] { k += 1 }
          if k == n { return true }
        }
        i += 1
      }
      return false
    }
  }

  /// Whether the ASCII `s` starts range `r`.
  func hasPrefix(_ s: StaticString, at r: Range<Int>) -> Bool {
    let n = s.utf8CodeUnitCount
    guard r.count >= n else { return false }
    return s.withUTF8Buffer { w in
      for k in 0..<n where p[r.lowerBound + k] != w[k] { return false }
      return true
    }
  }

  /// How many ASCII digits start at `i` (before `limit`).
  func digitRun(at i: Int, limit: Int) -> Int {
    var j = i
    while j < limit, isDigit(p[j]) { j += 1 }
    return j - i
  }

  /// Whether every byte of `r` is an ASCII digit.
  func allDigits(_ r: Range<Int>) -> Bool {
    digitRun(at: r.lowerBound, limit: r.upperBound) == r.count
  }

  /// The value of the digits in `r` (which must all be digits).
  func number(_ r: Range<Int>) -> Int {
    var v = 0
    for i in r { v = v * 10 + Int(p[i] &- 48) }
    return v
  }

  /// A one- or two-digit number.
  func smallNumber(_ r: Range<Int>) -> Int? {
    guard r.count <= 2, allDigits(r) else { return nil }
    return number(r)
  }

  /// A four-digit year in range.
  func yearValue(_ r: Range<Int>) -> Int? {
    guard r.count == 4, allDigits(r) else { return nil }
    let y = number(r)
    return years.contains(y) ? y : nil
  }

  /// A month as a one- or two-digit number or an English name or abbreviation (`nov`).
  func monthValue(_ r: Range<Int>) -> Int? {
    if let m = smallNumber(r) { return (1...12).contains(m) ? m : nil }
    guard r.count >= 3, r.count <= 9 else { return nil }
    for (name, month) in URLBytes.monthNames where name.utf8CodeUnitCount == r.count {
      let same = name.withUTF8Buffer { w in
        for k in 0..<w.count where asciiLower(p[r.lowerBound + k]) != w[k] { return false }
        return true
      }
      if same { return month }
    }
    return nil
  }

  /// English month names and abbreviations as URLs spell them (`/2023/nov/8/`).
  static let monthNames: [(StaticString, Int)] = [
    ("jan", 1), ("january", 1), ("feb", 2), ("february", 2), ("mar", 3), ("march", 3),
    ("apr", 4), ("april", 4), ("may", 5), ("jun", 6), ("june", 6), ("jul", 7), ("july", 7),
    ("aug", 8), ("august", 8), ("sep", 9), ("sept", 9), ("september", 9), ("oct", 10),
    ("october", 10), ("nov", 11), ("november", 11), ("dec", 12), ("december", 12),
  ]
}
