/// Dates in a URL's path: `/2023/11/08/`, `/2023/nov/8/`, `-20231108-`, `/2019-03-27/`,
/// `-02-11-2023-`, and partial ones (`/2018/12/`, `/2022-08/`) that only give a year and month.
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
    var path = URLDateEvidence.path(of: url)
    // Wayback Machine: /web/<14 digits>[suffix]/<archived url>
    if url.contains("web.archive.org/web/"), path.hasPrefix("/web/") {
      let rest = path.dropFirst(5)
      let stamp = rest.prefix(while: { $0.isASCII && $0.isNumber })
      if stamp.count >= 8, let y = Int(stamp.prefix(4)), let m = Int(stamp.dropFirst(4).prefix(2)),
        let d = Int(stamp.dropFirst(6).prefix(2))
      {
        capture = CalendarDay(year: y, month: m, day: d)
      }
      if let slash = rest.firstIndex(of: "/") {
        path = URLDateEvidence.path(of: String(rest[rest.index(after: slash)...]))
      }
    }
    read(path: path, monthFirst: monthFirst, years: years)
    if let d = day {
      year = d.year
      month = d.month
    }
  }

  /// The path of a URL: after the host, before `?` and `#`.
  private static func path(of url: String) -> Substring {
    var s = Substring(url)
    if let scheme = s.range(of: "://") { s = s[scheme.upperBound...] }
    guard let slash = s.firstIndex(of: "/") else { return "" }
    s = s[slash...]
    if let q = s.firstIndex(where: { $0 == "?" || $0 == "#" }) { s = s[..<q] }
    return s
  }

  private mutating func read(path: Substring, monthFirst: Bool, years: ClosedRange<Int>) {
    let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    func yearValue(_ s: String) -> Int? {
      guard s.count == 4, let y = Int(s), years.contains(y) else { return nil }
      return y
    }
    func monthValue(_ s: String) -> Int? {
      if s.count <= 2, let m = Int(s), (1...12).contains(m) { return m }
      return URLDateEvidence.monthNames[s.lowercased()]
    }
    func dayValue(_ s: String) -> Int? {
      guard s.count <= 2, s.allSatisfy({ $0.isASCII && $0.isNumber }), let d = Int(s) else {
        return nil
      }
      return d
    }
    // Segments: /YYYY/MM/DD/ and /YYYY/MM/
    for i in segments.indices {
      guard let y = yearValue(segments[i]) else { continue }
      if i + 1 < segments.count, let m = monthValue(segments[i + 1]) {
        if i + 2 < segments.count, let d = dayValue(segments[i + 2]),
          let full = CalendarDay(year: y, month: m, day: d)
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
    for segment in segments {
      let tokens = segment.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
        .map(String.init)
      for (k, token) in tokens.enumerated() where token.allSatisfy({ $0.isASCII && $0.isNumber }) {
        if token.count == 8, let y = yearValue(String(token.prefix(4))),
          let m = Int(token.dropFirst(4).prefix(2)),
          let d = Int(token.suffix(2)), let full = CalendarDay(year: y, month: m, day: d)
        {
          day = full
          return
        }
        guard k + 2 < tokens.count else {
          if let y = yearValue(token), k + 1 < tokens.count, tokens[k + 1].count == 2,
            let m = Int(tokens[k + 1]), (1...12).contains(m), year == 0
          {
            year = y
            month = m
          }
          continue
        }
        let a = token
        let b = tokens[k + 1]
        let c = tokens[k + 2]
        guard b.count <= 2, let bv = Int(b) else { continue }
        if let y = yearValue(a), c.count <= 2, let cv = Int(c),
          let full = CalendarDay(year: y, month: bv, day: cv)
        {
          day = full
          return
        }
        if a.count <= 2, let av = Int(a), let y = yearValue(c) {
          let dayFirst = CalendarDay(year: y, month: bv, day: av)
          let monthFirstReading = CalendarDay(year: y, month: av, day: bv)
          if let full = monthFirst
            ? (monthFirstReading ?? dayFirst) : (dayFirst ?? monthFirstReading)
          {
            day = full
            return
          }
        }
      }
    }
  }

  /// English month names and abbreviations as URLs spell them (`/2023/nov/8/`).
  private static let monthNames: [String: Int] = {
    var out: [String: Int] = [:]
    let names = [
      "jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
      "aug august", "sep sept september", "oct october", "nov november", "dec december",
    ]
    for (i, list) in names.enumerated() {
      for n in list.split(separator: " ") { out[String(n)] = i + 1 }
    }
    return out
  }()
}
