/// Finds every date expression in a UTF-8 text in one pass over its bytes.
///
/// Every date has digits, so the main loop only stops at digits (and at newlines, to count
/// lines), looking at eight bytes at a time in between (``SWAR``). At each digit run, small
/// hand-written byte matchers try the patterns that can start or end there: `2018-12-05`,
/// `05.12.2018`, `12/05/2018`, `05.12.18`, `03 July, 2023`, `3rd of July 2023`, `3. Juli 2023`,
/// `3 de julio de 2023`, `July 3, 2023` (the month name is looked up right before the digits),
/// `Dec. 4`, `2023 жылғы 3 шілде`, with a weekday before and a time before or after (`12:37`,
/// `9:05 pm`, `16h17`, `12.11 Uhr`). Month and weekday names come from a case-folding trie.
struct DateScanner: Sendable {
  /// The month and weekday names (built once, when the stage is built).
  let names = DateNames.trie
  /// Read ambiguous `a/b/yyyy` as month/day (US) rather than day/month.
  var monthFirst = false
  /// Years outside this range are not dates (`1:1800` scores, `3000` items).
  var years: ClosedRange<Int> = 1900...2100
  /// Two-digit years up to this value are 20xx, above it 19xx.
  var twoDigitPivot = 40

  /// Every date expression in `text`, in order, and the byte offset of every line start.
  func scan(_ text: UnsafeBufferPointer<UInt8>) -> (mentions: [DateMention], lineStarts: [Int]) {
    var run = ScanRun(p: text, config: self)
    run.run()
    return (run.mentions, run.lineStarts)
  }
}

/// The state of one scan.
private struct ScanRun {
  let p: UnsafeBufferPointer<UInt8>
  let n: Int
  /// The scanner's settings, copied one by one (not the scanner: a copy of it retains its
  /// trie's arrays once more for every document).
  let readsMonthFirst: Bool
  let years: ClosedRange<Int>
  let twoDigitPivot: Int
  let names: NameTrie<DateName>
  let cls = ByteClass.table
  var mentions: [DateMention] = []
  var lineStarts: [Int] = []
  /// Where the last date found ends: names before it belong to it.
  var lastEnd = 0

  init(p: UnsafeBufferPointer<UInt8>, config: DateScanner) {
    self.p = p
    self.n = p.count
    self.readsMonthFirst = config.monthFirst
    self.years = config.years
    self.twoDigitPivot = config.twoDigitPivot
    self.names = config.names
  }

  mutating func run() {
    // Every date has digits, so the loop only stops at digits (and newlines, to count lines);
    // month and weekday names are looked for right before and after a digit run.
    guard let base = p.baseAddress else {
      lineStarts = [0]
      return
    }
    // The line starts are appended to a local array (no uniqueness check through `self`).
    var starts: [Int] = []
    swap(&starts, &lineStarts)
    // Room for lines of 32 bytes on average (news pages run longer): no regrowing as it fills.
    starts.reserveCapacity(n / 32 + 16)
    starts.append(0)
    defer { swap(&starts, &lineStarts) }
    let n = self.n
    var i = 0
    while i < n {
      if i &+ 16 <= n {
        // Sixteen bytes at a time: the newlines before the first digit are recorded here, and
        // the loop goes on past the sixteen when there is no digit among them.
        let (digits, newlines) = DigitLanes.find(base + i)
        if newlines != 0 {
          var lines = newlines & (digits == 0 ? ~0 : (digits & (0 &- digits)) &- 1)
          while lines != 0 {
            starts.append(i &+ lines.trailingZeroBitCount &+ 1)
            lines &= lines &- 1
          }
        }
        if digits == 0 {
          i &+= 16
          continue
        }
        i &+= digits.trailingZeroBitCount
      } else {
        let b = p[i]
        if !isDigit(b) {
          if b == 10 { starts.append(i + 1) }
          i += 1
          continue
        }
      }
      if let m = matchAtDigit(i) {
        add(m, line: starts.count - 1)
        i = m.end
      } else {
        i += 1
        while i < n && isDigit(p[i]) { i += 1 }
      }
    }
  }

  // MARK: - Adding a mention

  /// Records `m`, on the 0-based `line`, attaching a weekday written just before it and a time
  /// written before it.
  @inline(never)
  mutating func add(_ m: DateMention, line: Int) {
    var m = m
    m.line = line
    if let (start, weekday) = weekdayBefore(m.start) {
      m.start = start
      m.weekday = weekday
    }
    if m.time == nil, let (time, start) = timeBefore(m.start) {
      m.time = time
      m.start = start
    }
    lastEnd = m.end
    // Most pages have a handful of dates: room for them in one allocation.
    if mentions.isEmpty { mentions.reserveCapacity(8) }
    mentions.append(m)
  }

  /// A weekday name just before `s`, joined to it by `, `, ` den `, ` le `: its start and value.
  func weekdayBefore(_ s: Int) -> (Int, Int8)? {
    var k = skipJointBackward(s)
    guard k < s else { return nil }
    if let (ws, we) = wordBefore(k), we == k,
      let e = word(at: ws, oneOf: ConnectorWords.weekdayJoints), e == we
    {
      k = skipJointBackward(ws)
    }
    guard let (ws, we) = wordBefore(k), we == k, ws >= lastEnd,
      let (end, name) = names.longestMatch(in: p, at: ws, accept: { $0 == we }), end == we,
      name.weekday != 0
    else { return nil }
    return (ws, name.weekday)
  }

  /// Steps back from `s` over spaces, commas and full stops (at most 4 bytes).
  func skipJointBackward(_ s: Int) -> Int {
    var k = s
    while k > 0, s - k < 4 {
      let b = p[k - 1]
      if b == 32 || b == 44 || b == 46 || b == 9 {
        k -= 1
      } else if b == 0xA0, k >= 2, p[k - 2] == 0xC2 {
        k -= 2
      } else {
        break
      }
    }
    return k
  }

  /// The word ending at `end` (exclusive): its start and end. A capital glued after a lowercase
  /// letter starts a word (`PrescottMarch` ends with the word `March`).
  func wordBefore(_ end: Int) -> (Int, Int)? {
    var k = end
    while k > 0, end - k < 32, cls[Int(p[k - 1])] == ByteClass.letter {
      k -= 1
      if p[k] &- 65 < 26, k > 0, p[k - 1] &- 97 < 26 { break }
    }
    // Do not start inside a UTF-8 sequence.
    while k < end, p[k] & 0xC0 == 0x80 { k += 1 }
    guard k < end else { return nil }
    return (k, end)
  }

  // MARK: - Byte helpers

  /// Whether a word may end at `i` (the byte there does not continue a word).
  @inline(__always)
  func isWordEnd(_ i: Int) -> Bool {
    i >= n || !ByteClass.isWordByte(cls[Int(p[i])])
  }

  /// The length and value of the digit run at `i` (value only meaningful up to 9 digits).
  @inline(__always)
  func digits(at i: Int) -> (length: Int, value: Int) {
    var j = i
    var v = 0
    while j < n, isDigit(p[j]) {
      if j - i < 9 { v = v * 10 + Int(p[j] &- 48) }
      j += 1
    }
    return (j - i, v)
  }

  /// If one of `words` (ASCII, lowercase) is at `i` as a whole word, the index after it.
  func word(at i: Int, oneOf words: [StaticString]) -> Int? {
    guard i < n else { return nil }
    let first = asciiLower(p[i])
    for w in words {
      let len = w.utf8CodeUnitCount
      // Most words are ruled out by their first byte.
      guard i + len <= n, w.utf8Start.pointee == first else { continue }
      var ok = true
      w.withUTF8Buffer { buf in
        for k in 0..<len where asciiLower(p[i + k]) != buf[k] {
          ok = false
          break
        }
      }
      if ok && isWordEnd(i + len) { return i + len }
    }
    return nil
  }

  /// If the UTF-8 bytes of `s` are at `i`, the index after them.
  func literal(at i: Int, _ s: StaticString) -> Int? {
    let len = s.utf8CodeUnitCount
    guard i + len <= n else { return nil }
    let same = s.withUTF8Buffer { buf in
      for k in 0..<len where p[i + k] != buf[k] { return false }
      return true
    }
    return same ? i + len : nil
  }

  /// Skips spaces, tabs and no-break spaces from `i`; returns the new index.
  @inline(__always)
  func skipSpaces(_ i: Int, limit: Int = 4) -> Int {
    var j = i
    while j < n, j - i < limit {
      if p[j] == 32 || p[j] == 9 || p[j] == 13 {
        j += 1
      } else if p[j] == 0xC2, j + 1 < n, p[j + 1] == 0xA0 {
        j += 2
      } else {
        break
      }
    }
    return j
  }

  /// Skips the separators allowed between parts of a written date: spaces, commas, a hyphen or
  /// a slash, and one connector word (`of`, `de`, `del`).
  func skipDateGap(_ i: Int, connectors: Bool) -> Int {
    var j = skipSpaces(i)
    if j < n, p[j] == 44 || p[j] == 45 || p[j] == 47 {
      j = skipSpaces(j + 1)
    }
    if connectors, j < n, asciiLower(p[j]) == 111 || asciiLower(p[j]) == 100,  // o, d
      let e = word(at: j, oneOf: ConnectorWords.dayMonthYear)
    {
      let k = skipSpaces(e)
      if k > e { j = k }
    }
    return j
  }

  /// A year of 4 digits at `i` (also the first 4 digits of a longer run, for dates the converter
  /// glued together: `201619. Juni`), with its end.
  func year(at i: Int) -> (year: Int, end: Int)? {
    let (len, _) = digits(at: i)
    guard len >= 4 else { return nil }
    var y = 0
    for k in i..<(i + 4) { y = y * 10 + Int(p[k] &- 48) }
    guard years.contains(y) else { return nil }
    if len > 4 {
      // Glued: accept only a run that is a year followed by a day or a small count.
      guard len <= 6, y >= 1990 else { return nil }
    }
    return (y, i + 4)
  }

  // MARK: - Patterns starting with a digit

  /// The date expression the digit run at `i` starts (or ends, for `July 3`), if any.
  @inline(never)
  func matchAtDigit(_ i: Int) -> DateMention? {
    if i >= 2, isDigit(p[i - 2]), p[i - 1] == 46 || p[i - 1] == 44 || p[i - 1] == 58 {
      return nil  // inside a number, version or time: 1.05.2020, 3,12, 12:30
    }
    let (len, value) = digits(at: i)
    if len == 4 {
      return yearFirst(i, year: value)
    }
    if len <= 2 {
      if let m = numericDayFirst(i, first: value, length: len) { return m }
      let before = monthBefore(i)
      if let m = before, m.day.hasYear { return m }
      let after = writtenDayFirst(i, day: value, length: len)
      if let m = after, m.day.hasYear { return m }
      return before ?? after
    }
    return nil
  }

  /// A month name right before the digits at `i` ("July 3", "Dec. 4", "Martes, Septiembre 22"):
  /// the month-first date it starts.
  func monthBefore(_ i: Int) -> DateMention? {
    var k = i
    var spaces = 0
    while k > 0, spaces < 3 {
      let b = p[k - 1]
      if b == 32 || b == 9 {
        k -= 1
      } else if b == 0xA0, k >= 2, p[k - 2] == 0xC2 {
        k -= 2
      } else {
        break
      }
      spaces += 1
    }
    if k > 0, p[k - 1] == 46 { k -= 1 }  // Dec.
    guard let (ws, we) = wordBefore(k), we == k, ws >= lastEnd, names.canStart(p, at: ws),
      let (end, name) = names.longestMatch(in: p, at: ws, accept: { $0 == we }), end == we,
      name.month != 0
    else { return nil }
    return monthFirst(at: ws, nameEnd: we, name: name)
  }

  /// `2018-12-05`, `2019/7/13`, `2020.10.26`, `2020-09-18T14:37`, `2023 жылғы 3 шілде`.
  func yearFirst(_ i: Int, year y: Int) -> DateMention? {
    guard years.contains(y) else { return nil }
    let s = i + 4
    guard s < n else { return nil }
    let sep = p[s]
    if sep == 45 || sep == 47 || sep == 46 {
      let (ml, mv) = digits(at: s + 1)
      guard ml >= 1, ml <= 2, s + 1 + ml < n, p[s + 1 + ml] == sep else { return nil }
      let ds = s + 2 + ml
      let (dl, dv) = digits(at: ds)
      guard dl >= 1, dl <= 2 else { return nil }
      let e = ds + dl
      if sep == 46, e + 1 < n, p[e] == 46, isDigit(p[e + 1]) { return nil }
      guard let day = CalendarDay(year: y, month: mv, day: dv) else { return nil }
      var m = DateMention(day: day, start: i, end: e, shape: .iso)
      if e < n, p[e] == 84, let (t, te) = time(at: e + 1) {  // 2020-09-18T14:37
        m.time = t
        m.end = te
      } else {
        attachTime(&m, after: e)
      }
      return m
    }
    // Kazakh: "2023 жылғы 3 шілде", "2023 ж. 3 шілде".
    let w = skipSpaces(s)
    guard w > s else { return nil }
    guard let after = literal(at: w, "жылғы") ?? literal(at: w, "жылы") ?? literal(at: w, "ж.")
    else { return nil }
    let d = skipSpaces(after)
    let (dl, dv) = digits(at: d)
    guard dl >= 1, dl <= 2 else { return nil }
    let ms = skipSpaces(d + dl)
    guard ms > d + dl, let (me, name) = names.longestMatch(in: p, at: ms, accept: isWordEnd),
      name.month != 0, let day = CalendarDay(year: y, month: Int(name.month), day: dv)
    else { return nil }
    var m = DateMention(day: day, start: i, end: me, shape: .written)
    attachTime(&m, after: me)
    return m
  }

  /// `05.12.2018`, `12/05/2018`, `05-12-2018`, `05.12.18`.
  func numericDayFirst(_ i: Int, first: Int, length: Int) -> DateMention? {
    let s = i + length
    guard s < n else { return nil }
    let sep = p[s]
    guard sep == 46 || sep == 47 || sep == 45 else { return nil }
    // German style allows a space after each dot: "13. 1. 2020".
    let spaced = sep == 46 && s + 1 < n && p[s + 1] == 32
    let ms = spaced ? s + 2 : s + 1
    let (l2, second) = digits(at: ms)
    guard l2 >= 1, l2 <= 2, ms + l2 < n, p[ms + l2] == sep else { return nil }
    var ys = ms + l2 + 1
    if spaced {
      guard ys < n, p[ys] == 32 else { return nil }
      ys += 1
    }
    var (yl, yv) = digits(at: ys)
    if yl >= 5, yl <= 6, ys + yl < n, p[ys + yl] == sep || p[ys + yl] == 46 {
      // Glued by the converter: "17/11/201917/11/2019" is 2019 followed by the next date.
      yl = 4
      yv = 0
      for k in ys..<(ys + 4) { yv = yv * 10 + Int(p[k] &- 48) }
    }
    let e = ys + yl
    var year: Int
    if yl == 4 {
      year = yv
      guard years.contains(year) else { return nil }
    } else if yl == 2 && !spaced {
      // 05.12.18 — but not a version or an address: 1.2.18.4, 10.12.18-3
      if e + 1 < n, p[e] == sep || p[e] == 46, isDigit(p[e + 1]) { return nil }
      guard length == 2 || l2 == 2 else { return nil }
      year = yv <= twoDigitPivot ? 2000 + yv : 1900 + yv
    } else {
      return nil
    }
    if sep == 46, e + 1 < n, p[e] == 46, isDigit(p[e + 1]) { return nil }
    var reading: CalendarDay?
    var other: CalendarDay?
    if sep == 46 {
      reading = CalendarDay(year: year, month: second, day: first)
    } else {
      let dayFirst = CalendarDay(year: year, month: second, day: first)
      let monthFirst = CalendarDay(year: year, month: first, day: second)
      reading = readsMonthFirst ? (monthFirst ?? dayFirst) : (dayFirst ?? monthFirst)
      if first != second, let d = dayFirst, let m = monthFirst {
        other = reading == d ? m : d
      }
    }
    guard let day = reading else { return nil }
    var m = DateMention(day: day, start: i, end: e, shape: .numeric)
    m.alternative = other
    if sep != 46, first != second {
      if other == nil {
        m.orderHint = day.day == first ? 1 : -1
      } else {
        m.readDayFirst = day.day == first
      }
    }
    m.twoDigitYear = yl == 2
    attachTime(&m, after: e)
    return m
  }

  /// `03 July, 2023`, `3rd of July 2023`, `3. Juli 2023`, `3 de julio de 2023`, `13November2021`,
  /// `02-Nov-2023`, `3 июля 2023 года`, and without a year `4. November`.
  func writtenDayFirst(_ i: Int, day dv: Int, length: Int) -> DateMention? {
    var j = i + length
    if j < n, p[j] == 46 { j += 1 }  // 3.
    j = ordinalSuffix(j)
    j = skipDateGap(j, connectors: true)
    guard names.canStart(p, at: j),
      let (me, name) = names.longestMatch(in: p, at: j, accept: isWordEnd), name.month != 0
    else { return nil }
    var e = me
    if e < n, p[e] == 46 { e += 1 }  // Dec.
    let ys = skipDateGap(e, connectors: true)
    var day: CalendarDay?
    if let (y, ye) = year(at: ys) {
      day = CalendarDay(year: y, month: Int(name.month), day: dv)
      e = ye
    } else {
      guard !name.commonWord, isDayEnd(ys) || ys == e else { return nil }
      day = CalendarDay(year: 0, month: Int(name.month), day: dv)
      if e > me, e < n, !isWordEnd(e) { e = me }
    }
    guard let valid = day else { return nil }
    var m = DateMention(day: valid, start: i, end: e, shape: .written)
    attachTime(&m, after: e)
    return m
  }

  /// Skips an ordinal suffix after a day number (`st`, `nd`, `rd`, `th`, `er`, `º`), possibly
  /// after one space (`21 st`).
  func ordinalSuffix(_ i: Int) -> Int {
    var j = i
    if j < n, p[j] == 32, j + 1 < n, isASCIILetter(p[j + 1]) { j += 1 }
    guard j < n else { return i }
    let f = asciiLower(p[j])
    // s(t), n(d), r(d), t(h), e(r), è(me)
    if f == 115 || f == 110 || f == 114 || f == 116 || f == 101 || f == 0xC3,
      let e = word(at: j, oneOf: ConnectorWords.ordinalSuffixes)
    {
      return e < n && p[e] == 46 ? e + 1 : e
    }
    if j + 1 < n, p[j] == 0xC2, p[j + 1] == 0xBA || p[j + 1] == 0xAA || p[j + 1] == 0xB0 {
      return j + 2
    }
    return i
  }

  /// Whether what follows a year-less date at `i` ends it (not more digits: `Dec 4 12` is a time
  /// or a table, `Mai 2.5` a number).
  func isDayEnd(_ i: Int) -> Bool {
    i >= n || !isDigit(p[i])
  }

  // MARK: - Patterns starting with a month name

  /// `July 3, 2023`, `Dec 21 st , 2018`, `November 9th 2023`, `Nov. 9, 2023`, and year-less
  /// `Dec. 4`, `June 30`.
  func monthFirst(at i: Int, nameEnd: Int, name: DateName) -> DateMention? {
    var j = nameEnd
    if j < n, p[j] == 46 { j += 1 }
    let ds = skipSpaces(j)
    guard ds > j || (j > nameEnd && ds == j) || (ds < n && isDigit(p[ds]) && ds == nameEnd)
    else { return nil }
    let (dl, dv) = digits(at: ds)
    guard dl >= 1, dl <= 2 else { return nil }
    var e = ds + dl
    // Not a time or a decimal: "Jan 12:30", "Mai 2,5".
    if e + 1 < n, p[e] == 58 || p[e] == 46 || p[e] == 44, isDigit(p[e + 1]) { return nil }
    e = ordinalSuffix(e)
    let dayEnd = e
    var ys = skipSpaces(e)
    if ys < n, p[ys] == 44 { ys = skipSpaces(ys + 1) }
    var day: CalendarDay?
    if let (y, ye) = year(at: ys) {
      day = CalendarDay(year: y, month: Int(name.month), day: dv)
      e = ye
    } else {
      guard !name.commonWord, isDayEnd(ys) else { return nil }
      day = CalendarDay(year: 0, month: Int(name.month), day: dv)
      e = dayEnd
    }
    guard let valid = day else { return nil }
    var m = DateMention(day: valid, start: i, end: e, shape: .written)
    attachTime(&m, after: e)
    return m
  }

  // MARK: - Times

  /// Attaches the time written after the date ending at `e`, and notes a schedule: a time
  /// range ("19.1.23, 10:00-11:30 Uhr") is when an event takes place.
  func attachTime(_ m: inout DateMention, after e: Int) {
    guard let (t, te) = timeAfter(e) else { return }
    m.time = t
    m.end = te
    var j = skipSpaces(te)
    if j < n, p[j] == 45 {
      j += 1
    } else if let k = literal(at: j, "–") ?? word(at: j, oneOf: ConnectorWords.timeRange) {
      j = k
    } else {
      return
    }
    if time(at: skipSpaces(j)) != nil { m.isSchedule = true }
  }

  /// A time written after a date ending at `i`: `, 12:37`, ` | 12:37`, ` at 9:05 pm`,
  /// ` um 13:02 Uhr`, ` à 16h17`, ` a las 22:04h`, ` - 10h02`.
  func timeAfter(_ i: Int) -> (TimeOfDay, Int)? {
    var j = i
    let limit = i + 16
    while j < n, j < limit {
      let b = p[j]
      if b == 32 || b == 9 || b == 44 || b == 124 || b == 45 || b == 47 || b == 40 || b == 64 {
        j += 1
      } else if b == 0xC2, j + 1 < n, p[j + 1] == 0xA0 || p[j + 1] == 0xB7 {
        j += 2
      } else if b == 0xE2, j + 2 < n, p[j + 1] == 0x80,
        p[j + 2] == 0xA2 || p[j + 2] == 0x93 || p[j + 2] == 0x94
      {
        j += 3
      } else if isDigit(b) {
        return time(at: j)
      } else if let e = word(at: j, oneOf: ConnectorWords.beforeTime) {
        j = e
        if j < n, p[j] == 46 { j += 1 }
      } else if let e = literal(at: j, "às") ?? literal(at: j, "à") ?? literal(at: j, "в ") {
        j = e
      } else {
        return nil
      }
    }
    return nil
  }

  /// `12:37`, `12:37:05`, `9:05 pm`, `6.55pm`, `16h17`, `12.11 Uhr`, `11:08 a.m.` at `i`.
  func time(at i: Int) -> (TimeOfDay, Int)? {
    let (hl, hv) = digits(at: i)
    guard hl >= 1, hl <= 2 else { return nil }
    var j = i + hl
    guard j < n else { return nil }
    let sep = p[j]
    guard sep == 58 || sep == 46 || sep == 104 || sep == 72 else { return nil }
    let (ml, mv) = digits(at: j + 1)
    guard ml == 2 else { return nil }
    j += 1 + ml
    if j + 2 < n, p[j] == 58, isDigit(p[j + 1]), isDigit(p[j + 2]) { j += 3 }  // seconds
    if j < n, isDigit(p[j]) || p[j] == 58 { return nil }
    var hour = hv
    var marked = sep == 104 || sep == 72
    // am / pm / Uhr / h
    let k = skipSpaces(j, limit: 1)
    if let (isPM, e) = meridiem(at: k) {
      guard hour <= 23 else { return nil }
      if hour <= 12 {
        if isPM && hour < 12 { hour += 12 } else if !isPM && hour == 12 { hour = 0 }
      }
      marked = true
      j = e
    } else if let e = word(at: k, oneOf: ConnectorWords.afterTime) {
      marked = true
      j = e
    }
    if sep == 46 && !marked { return nil }
    guard hour <= 23, mv <= 59 else { return nil }
    return (TimeOfDay(hour: hour, minute: mv), j)
  }

  /// `am`, `pm`, `a.m.`, `p. m.` at `i`: whether it is pm, and the end.
  func meridiem(at i: Int) -> (Bool, Int)? {
    guard i < n else { return nil }
    let first = asciiLower(p[i])
    guard first == 97 || first == 112 else { return nil }
    var j = i + 1
    if j < n, p[j] == 46 { j += 1 }
    j = skipSpaces(j, limit: 1)
    guard j < n, asciiLower(p[j]) == 109 else { return nil }
    j += 1
    if j < n, p[j] == 46 { j += 1 }
    guard isWordEnd(j) else { return nil }
    return (first == 112, j)
  }

  /// A time written just before a date starting at `s`: `17:55, 8 Nov 2023`,
  /// `7:40 p.m. ET March 17, 2020`, `18:34 19.10.2019`. Returns the time and where it starts.
  func timeBefore(_ s: Int) -> (TimeOfDay, Int)? {
    var k = s - 1
    var skipped = 0
    while k >= 0, skipped < 4, p[k] == 32 || p[k] == 44 || p[k] == 124 || p[k] == 45 {
      k -= 1
      skipped += 1
    }
    guard skipped > 0, k >= 0 else { return nil }
    // An optional time zone between the time and the date: ET, EST, GMT, CEST.
    var z = k
    while z >= 0, k - z < 5, p[z] &- 65 < 26 { z -= 1 }
    if k - z >= 2, z >= 0, p[z] == 32 { k = z - 1 }
    // The time must end exactly at k: try each start a few bytes back.
    var t = k - 2
    while t >= lastEnd, k - t <= 11 {
      if p[t] == 10 { return nil }
      if isDigit(p[t]), t == 0 || !(isDigit(p[t - 1]) || p[t - 1] == 58 || p[t - 1] == 46),
        let (time, end) = time(at: t), end == k + 1
      {
        return (time, t)
      }
      t -= 1
    }
    return nil
  }
}
