/// The publication date chosen for a text, with where it came from.
struct DateChoice: Sendable, Equatable {
  /// The day (year 0 when unknown).
  var day: CalendarDay
  /// The time, when one was written beside the date.
  var time: TimeOfDay?
  /// The byte range of the text it came from, or nil when it came from the URL.
  var span: Range<Int>?

  /// `2023-07-03T12:37`, `2018-12-05` or `XXXX-12-04`.
  var value: String {
    day.iso(time: day.hasYear ? time : nil)
  }
}

/// Chooses the publication date of a text among all the dates it mentions, as an editor would:
/// the header and the dateline before the body over dates the body talks about, labelled
/// published dates over updated ones, dates with a time over dates without, agreement between
/// several mentions and with the URL.
struct DateChooser: Sendable {
  var scanner = DateScanner()
  let labels = DateLabelFinder()
  let comments = CommentSection()
  /// Years before this are not publication dates of web pages.
  var minimumYear = 1995
  /// Without a reference date, days after this are not publication dates.
  var latestPlausible: CalendarDay
  /// The lowest score a candidate needs to be chosen.
  var threshold = 0.0

  /// How many lines around a date are searched for other dates (a list of related articles).
  static let listWindow = 6

  /// Up to this many candidates, agreement is counted pair by pair instead of in a tally.
  static let pairwiseLimit = 16

  /// What the chooser knows besides the text.
  struct Evidence {
    var url: String?
    /// The day the page was fetched (or any day known to be after publication).
    var reference: CalendarDay?
  }

  /// The publication date of `text`, and every candidate with its score (for explanations).
  func choose(_ p: UnsafeBufferPointer<UInt8>, evidence: Evidence) -> (
    choice: DateChoice?, candidates: [DateCandidate]
  ) {
    let (mentions, lineStarts) = scanner.scan(p)
    let urlDate = evidence.url.map {
      URLDateEvidence(url: $0, monthFirst: scanner.monthFirst, years: scanner.years)
    }
    var reference = evidence.reference
    if reference == nil, let capture = urlDate?.capture { reference = capture }
    let latest = reference.map { CalendarDay(dayNumber: $0.dayNumber + 1) } ?? latestPlausible
    guard !mentions.isEmpty else {
      return (urlChoice(urlDate, latest: latest), [])
    }
    let layout = TextLayout(
      text: p, lineStarts: lineStarts, through: mentions[mentions.count - 1].line)
    var candidates = features(mentions, p, layout, urlDate)
    resolveAmbiguous(&candidates, urlDate)
    inferYears(&candidates, urlDate: urlDate, reference: reference, latest: latest)
    candidates.removeAll { c in
      c.day.hasYear && (c.day.year < minimumYear || latest < c.day)
    }
    countAgreement(&candidates, urlDate)
    if let latestDay = candidates.lazy.filter({ $0.day.hasYear }).map(\.day).max() {
      for i in candidates.indices { candidates[i].isLatest = candidates[i].day == latestDay }
    }
    for i in candidates.indices { candidates[i].score = DateScoring.score(candidates[i]) }
    guard let best = candidates.indices.max(by: { candidates[$0].score < candidates[$1].score }),
      candidates[best].score >= threshold
    else {
      return (urlChoice(urlDate, latest: latest), candidates)
    }
    let c = candidates[best]
    var time = c.mention.time
    if time == nil {
      // Another mention of the same day close by may carry the time (not an update's).
      time =
        candidates.first(where: {
          $0.day == c.day && $0.mention.time != nil && !$0.mention.isSchedule
            && $0.label != .updated && $0.label != .event
            && abs($0.mention.line - c.mention.line) <= 3
        })?.mention.time
    }
    return (DateChoice(day: c.day, time: time, span: c.mention.start..<c.mention.end), candidates)
  }

  /// The URL's day as the choice, when there is one and it is plausible.
  private func urlChoice(_ url: URLDateEvidence?, latest: CalendarDay) -> DateChoice? {
    guard let day = url?.day, day.year >= minimumYear, !(latest < day) else { return nil }
    return DateChoice(day: day, time: nil, span: nil)
  }

  // MARK: - Features

  private func features(
    _ mentions: [DateMention], _ p: UnsafeBufferPointer<UInt8>, _ layout: TextLayout,
    _ url: URLDateEvidence?
  ) -> [DateCandidate] {
    var out: [DateCandidate] = []
    out.reserveCapacity(mentions.count)
    // Only dates below the article's first paragraph can be in a comment section.
    let last = mentions[mentions.count - 1].line
    let commentsStart =
      layout.proseLinesBefore(last) >= CommentSection.proseAbove
      ? comments.start(in: p, layout: layout, through: last) : layout.measuredCount
    var previousLine = -1
    var previousEnd = 0
    for (index, m) in mentions.enumerated() {
      let line = layout.line(m.line)
      if m.line != previousLine { previousEnd = line.start }
      var c = DateCandidate(mention: m, day: m.day)
      c.order = index
      c.label = labels.label(in: p, lineStart: line.start, after: previousEnd, start: m.start)
      if c.label == .none, labels.bylineFollows(in: p, end: m.end, lineEnd: line.end) {
        c.label = .byline
      }
      c.relativeLine = m.line - layout.bodyStart
      c.proseBefore = layout.proseLinesBefore(m.line)
      c.inProse = layout.isProseLine(m.line)
      c.offsetInLine = max(0, m.start - line.start)
      c.restOfLine = max(0, line.length - (m.end - m.start))
      c.inComments = m.line > commentsStart
      c.inLead =
        c.inProse && c.proseBefore == 0
        && !DateChooser.hasSentenceEnd(p, from: line.start, to: m.start)
      previousLine = m.line
      previousEnd = m.end
      out.append(c)
    }
    // Dates of other days on nearby lines: lists of related articles, comments, archives.
    let window = DateChooser.listWindow
    for i in out.indices {
      var n = 0
      var j = i - 1
      while j >= 0, out[i].mention.line - out[j].mention.line <= window {
        if out[j].day != out[i].day { n += 1 }
        j -= 1
      }
      j = i + 1
      while j < out.count, out[j].mention.line - out[i].mention.line <= window {
        if out[j].day != out[i].day { n += 1 }
        j += 1
      }
      out[i].listNeighbours = n
    }
    // The masthead: today's date atop the site, whatever else shares its line, and the same
    // weekday-and-date repeated by a sticky header further down.
    if let first = out.first, first.isMasthead {
      for i in out.indices {
        let c = out[i]
        let repeated =
          c.day == first.day && c.mention.weekday != 0 && c.mention.time == nil
          && c.label == .none
        if c.mention.line == first.mention.line || repeated { out[i].onMastheadLine = true }
      }
    }
    return out
  }

  /// Whether a sentence ends between `from` and `to` (`. `, `! `, `? `).
  static func hasSentenceEnd(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
    var i = from + 1
    while i < to {
      if p[i] == 32 {
        let q = p[i - 1]
        // "Dec. 4" and "St. Louis" are not sentence ends: a full stop after a capitalised
        // abbreviation of up to four letters is not counted.
        if q == 33 || q == 63 { return true }
        if q == 46 {
          var k = i - 2
          while k >= from, isASCIILetter(p[k]) { k -= 1 }
          let word = i - 2 - k
          let capital = k + 1 < i - 1 && p[k + 1] &- 65 < 26
          if !(capital && word <= 4) { return true }
        }
      }
      i += 1
    }
    return false
  }

  /// Picks the other reading of an ambiguous numeric date (`03/07/2023`) when another mention
  /// or the URL gives that day and none gives the first reading.
  private func resolveAmbiguous(_ candidates: inout [DateCandidate], _ url: URLDateEvidence?) {
    guard candidates.contains(where: { $0.mention.alternative != nil }) else { return }
    var days = DayTally(capacity: candidates.count + 2)
    var votes = 0
    for c in candidates where c.mention.alternative == nil {
      days.add(c.day)
      votes += Int(c.mention.orderHint)
    }
    if let d = url?.day { days.add(d, weight: 2) }
    days.seal()
    for i in candidates.indices {
      guard let alt = candidates[i].mention.alternative else { continue }
      let day = candidates[i].day
      let here = days.count(day)
      let there = days.count(alt)
      var switchTo = there > here
      if there == here {
        if let url, url.month != 0, url.year == alt.year, url.month != day.month {
          switchTo = url.month == alt.month
        } else if votes != 0 {
          // The text's unambiguous numeric dates show its order.
          switchTo = (votes > 0) != candidates[i].mention.readDayFirst
        }
      }
      if switchTo { candidates[i].day = alt }
    }
  }

  /// Gives year-less days (`Dec. 4`) a year from the evidence: the reference date, else the
  /// URL's year, else a full date in the header; otherwise the year stays unknown.
  private func inferYears(
    _ candidates: inout [DateCandidate], urlDate: URLDateEvidence?, reference: CalendarDay?,
    latest: CalendarDay
  ) {
    guard candidates.contains(where: { !$0.day.hasYear }) else { return }
    var anchor: CalendarDay? = reference
    var anchorYearOnly = 0
    if anchor == nil, let url = urlDate {
      if let d = url.day {
        anchor = d
      } else if url.year != 0 {
        anchorYearOnly = url.year
      }
    }
    if anchor == nil, anchorYearOnly == 0 {
      // The first full date above the body, or in the body's first line.
      anchor =
        candidates.first(where: {
          $0.day.hasYear && $0.relativeLine <= 0 && $0.label != .event
        })?.day
    }
    for i in candidates.indices where !candidates[i].day.hasYear {
      let d = candidates[i].day
      let weekday = Int(candidates[i].mention.weekday)
      var inferred: CalendarDay?
      if anchorYearOnly != 0 {
        inferred = d.inYear(anchorYearOnly).flatMap { latest < $0 ? nil : $0 }
      } else if let a = anchor {
        // The latest such day not after the anchor (a few days' grace for time zones).
        var year = a.year
        if let same = d.inYear(year), same.dayNumber > a.dayNumber + 2 { year -= 1 }
        inferred = d.inYear(year)
        // A weekday written with it names the year: "Mittwoch, 9. Februar" next to a date in
        // 2022 is 9 February 2022 (a Wednesday), even if that is after the anchor.
        if weekday != 0, inferred?.weekday != weekday {
          let years = [a.year, a.year - 1, a.year + 1]
          if let y = years.lazy.compactMap({ d.inYear($0) }).first(where: { $0.weekday == weekday }) {
            inferred = y
          }
        }
      }
      if let y = inferred {
        candidates[i].day = y
        candidates[i].yearInferred = true
      }
    }
  }

  /// Counts the mentions that give the same day, and compares each with the URL.
  private func countAgreement(_ candidates: inout [DateCandidate], _ url: URLDateEvidence?) {
    // A page's few dates are compared pairwise (no allocation); many go through a tally.
    let small = candidates.count <= DateChooser.pairwiseLimit
    var counts = DayTally(capacity: small ? 0 : candidates.count)
    if !small {
      for c in candidates { counts.add(c.day) }
      counts.seal()
    }
    for i in candidates.indices {
      let d = candidates[i].day
      if small {
        var same = 0
        for c in candidates where c.day == d { same += 1 }
        candidates[i].agreeing = same
      } else {
        candidates[i].agreeing = counts.count(d)
      }
      guard let url, url.year != 0, d.hasYear else { continue }
      let agreement: DateCandidate.URLAgreement
      if let ud = url.day {
        let apart = abs(ud.dayNumber - d.dayNumber)
        agreement = apart == 0 ? .sameDay : apart == 1 ? .nextDay : .differentDay
      } else if url.month != 0 {
        agreement = url.year == d.year && url.month == d.month ? .sameMonth : .differentMonth
      } else {
        agreement = url.year == d.year ? .sameMonth : .differentMonth
      }
      candidates[i].urlAgreement = agreement
    }
  }
}
