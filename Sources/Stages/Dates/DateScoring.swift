/// How much each clue counts towards a date being the publication date.
///
/// The weights are plain numbers on purpose: each is a rule an editor would state ("a labelled
/// published date beats an unlabelled one", "a date inside a paragraph is what the article talks
/// about"), and the tests pin the behaviour they produce. A candidate needs a score of at least
/// the stage's `minScore` (0 by default) to be chosen; a lone plausible date scores about 1.
enum DateScoring {
  /// The score of one candidate.
  static func score(_ c: DateCandidate) -> Double {
    var s = 1.0
    // Completeness: a day without a year is a weak clue, a time a strong one.
    if !c.day.hasYear { s -= 2 }
    if c.yearInferred { s -= 2 }
    if c.mention.isSchedule {
      s -= 2  // "10:00-11:30 Uhr": when an event takes place
    } else if c.mention.time != nil {
      s += 1.5
    }
    if c.mention.twoDigitYear { s -= 0.5 }
    if c.weekdayContradicts { s -= 1 }
    s += labelScore(c)
    s += positionScore(c)
    // Line shape: a date alone on a short line is metadata.
    if c.restOfLine <= 40 { s += 1 }
    // Agreement between mentions and with the URL; lists of other dates around it.
    s += Double(min(c.agreeing - 1, 4)) * 0.5
    s += urlScore(c.urlAgreement)
    s -= Double(min(c.listNeighbours, 4)) * 0.5
    if c.inComments { s -= 2 }
    // A masthead: a weekday and a date atop the page, the first date of all and often the
    // latest: today's date in the site's header, not the article's.
    if c.onMastheadLine {
      s -= 1
      if c.isLatest { s -= 1 }
    }
    return s
  }

  /// A label counts in a metadata line, or at the start of a paragraph ("Published: ..."), not in
  /// the middle of a sentence ("... I published it on November 5, 2019").
  static func labelScore(_ c: DateCandidate) -> Double {
    let metadataLine = !c.inProse || c.offsetInLine <= 10
    switch c.label {
    case .published: return metadataLine ? 3 : 0
    case .date: return metadataLine ? 2 : 0
    case .byline: return metadataLine ? 1.5 : 0
    case .updated, .none: return 0
    case .event: return -4
    }
  }

  /// The header above the body, a dateline opening the first paragraphs or the lead's first
  /// sentence ("OTTAWA – ... visited Canada on Dec. 4"), never the middle of the body's
  /// sentences; the more prose above a date, the less likely it is the article's.
  static func positionScore(_ c: DateCandidate) -> Double {
    var s = 0.0
    let dateline = c.inProse && c.offsetInLine <= 30 && c.proseBefore <= 3
    if c.relativeLine < 0 {
      s += 2
    } else if dateline || c.inLead {
      s += 1.5
    } else if c.inProse {
      s -= 3
    }
    var depth = -0.25 * Double(min(c.proseBefore, 10))
    // A labelled date alone on its line is metadata wherever it is ("Stand: 26.10.2023").
    if c.label == .published || c.label == .date || c.label == .updated, c.restOfLine <= 40 {
      depth = max(depth, -1)
    }
    return s + depth
  }

  /// Agreement with the URL: the same day counts a lot, a day apart is a time zone, another
  /// day or month counts against.
  static func urlScore(_ agreement: DateCandidate.URLAgreement) -> Double {
    switch agreement {
    case .sameDay: return 3
    case .nextDay, .unknown: return 0
    case .sameMonth: return 0.5
    case .differentMonth: return -0.75
    case .differentDay: return -1.5
    }
  }
}
