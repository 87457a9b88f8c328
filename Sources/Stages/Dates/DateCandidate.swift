/// A date mention with everything the chooser weighs about it.
struct DateCandidate: Sendable {
  /// The mention in the text.
  var mention: DateMention
  /// The day it stands for (an ambiguous numeric date resolved, a missing year inferred).
  var day: CalendarDay
  /// The year was not written but inferred from other evidence.
  var yearInferred = false
  /// The label written just before it.
  var label: DateLabel = .none
  /// Lines from the start of the body (negative: in the header above it).
  var relativeLine = 0
  /// Prose lines above the mention's line.
  var proseBefore = 0
  /// The mention sits in a prose line (a sentence of the article), not a short metadata line.
  var inProse = false
  /// It is in the first sentence of the page's first prose paragraph: the lead, where a
  /// dateline or "visited Canada on Dec. 4" tells when the news happened.
  var inLead = false
  /// Bytes from the start of its line to the mention.
  var offsetInLine = 0
  /// Bytes of its line that are not the mention.
  var restOfLine = 0
  /// Its position among all mentions (0 = first).
  var order = 0
  /// How many mentions (itself included) give the same day.
  var agreeing = 1
  /// How the URL's date relates to this one.
  var urlAgreement = URLAgreement.unknown
  /// Other dates (different days) on the lines around it: a list of related articles or comments.
  var listNeighbours = 0
  /// It sits below the start of the page's comment section.
  var inComments = false
  /// It sits on the masthead line (see ``isMasthead``).
  var onMastheadLine = false
  /// A weekday is written with it and the day falls on another weekday.
  var weekdayContradicts: Bool {
    mention.weekday != 0 && day.hasYear && day.weekday != Int(mention.weekday)
  }
  /// It is the latest day of all the candidates.
  var isLatest = false
  /// The final score (higher is more likely the publication date).
  var score = 0.0

  /// How a candidate relates to the date in the page's URL.
  enum URLAgreement: Sendable {
    /// No date in the URL (or no year in the candidate).
    case unknown
    /// The URL gives the same day.
    case sameDay
    /// The URL gives the day before or after (a time zone apart).
    case nextDay
    /// The URL gives another day.
    case differentDay
    /// The URL only gives a year and month (or a year), and they match.
    case sameMonth
    /// The URL only gives a year and month (or a year), and they differ.
    case differentMonth
  }

  /// A weekday and a date without a time or label, the first date of the page, above the body:
  /// the shape of a site's "today" line.
  var isMasthead: Bool {
    mention.weekday != 0 && mention.time == nil && label == .none && order == 0
      && relativeLine < 0
  }
}
