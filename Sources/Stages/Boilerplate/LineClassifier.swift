/// Decides which lines of a document are article and which are boilerplate, in three steps:
///
/// 1. Each line on its own: a boilerplate signal (phrase, button label, alt-text, breadcrumb,
///    copyright, recurring profile line) makes it *boilerplate* for good; otherwise length and
///    stop-word density make it *good* (prose), *near-good*, *short* or *bad* (jusText's classes).
/// 2. Context: short and near-good lines take the class of their neighbours (short lines between
///    good ones are kept, at the edges of the article dropped), and a short sentence next to prose
///    stays.
/// 3. Shape: the headline and the dek just before the article's first paragraph are kept, with
///    byline, date and logo lines between them skipped.
struct LineClassifier: Sendable {
  /// Thresholds (jusText's defaults, adapted to lines).
  var lengthLow = 70
  var lengthHigh = 120
  var stopLow = 0.27
  var stopHigh = 0.29
  /// How far (in characters) before the first paragraph a headline may stand.
  var headingDistance = 300
  /// Whether a related-links or comments heading after the article ends it.
  var cutAfterTerminal = true
  /// The fewest non-boilerplate lines a run of short lines needs to be kept as a block of
  /// content (a list, a table, a recipe) on its own, and the share of them that must look like
  /// content (in tenths).
  var blockLines = 3
  var blockShare = 6
  /// The most lines a kept lead-in (a line ending with a colon) carries into the article.
  var introducedLines = 4

  /// The class of a line.
  enum Kind: UInt8 {
    case good, nearGood, short, bad, boilerplate
  }

  /// Why a line was removed (or kept), for the audit field and the stats.
  enum Reason: String, Sendable {
    case profile, phrase, label
    case altText = "alt-text"
    case signals, breadcrumb, copyright, caption, symbols
    case lowDensity = "low-density"
    case context, edge
    case afterArticle = "after-article"
  }

  /// The context-free class of one line; `profileHit` says the outlet's profile lists it.
  @inline(__always)
  func classify(_ line: LineFeatures, profileHit: Bool) -> (Kind, Reason?) {
    if profileHit { return (.boilerplate, .profile) }
    if line.words == 0 { return (.boilerplate, .symbols) }
    if line.isLabel { return (.boilerplate, .label) }
    let prose = line.isProse
    let hitShare = min(line.hitWords, line.words) * 3 >= line.words
    if line.strongHits > 0 && (!prose || line.strongHits >= 2 || hitShare || line.startsWithLabel) {
      return (.boilerplate, .phrase)
    }
    if line.copyright && (line.length < 300 || line.startsWithCopyright) {
      return (.boilerplate, .copyright)
    }
    if line.credit && line.length < 250 { return (.boilerplate, .caption) }
    if line.endsWithAltText && line.words <= 6 && !line.endsSentence {
      return (.boilerplate, .altText)
    }
    if line.weakHits >= 2 && min(line.hitWords, line.words) * 2 >= line.words && !prose {
      return (.boilerplate, .signals)
    }
    if line.separators >= 2 && !prose && line.length / (line.separators + 1) < 40 {
      return (.boilerplate, .breadcrumb)
    }
    if line.length < lengthLow {
      return (.short, nil)
    }
    let density = line.density
    if density >= stopHigh && line.length > lengthHigh { return (.good, nil) }
    if density >= stopLow || (line.isProse && line.words >= 10 && density >= 0.18) {
      return (.nearGood, nil)
    }
    return (.bad, .lowDensity)
  }

  /// Decides which lines to keep. `kinds` are the context-free classes; returns keep flags and,
  /// for removed lines, the reason.
  func decide(
    _ lines: [LineFeatures], _ kinds: [Kind], _ reasons: [Reason?], keepHeadline: Bool = true
  ) -> (
    keep: [Bool], reasons: [Reason?]
  ) {
    var keep = [Bool](repeating: false, count: lines.count)
    var why = reasons
    // The passes below read and write through buffers: no bounds or uniqueness checks per line.
    lines.withUnsafeBufferPointer { lines in
      kinds.withUnsafeBufferPointer { kinds in
        keep.withUnsafeMutableBufferPointer { keep in
          why.withUnsafeMutableBufferPointer { why in
            decide(lines, kinds, keep, why, keepHeadline: keepHeadline)
          }
        }
      }
    }
    return (keep, why)
  }

  /// The passes of ``decide(_:_:_:keepHeadline:)`` over `n` lines; `keep` starts all false and
  /// `why` holds the context-free reasons.
  private func decide(
    _ lines: UnsafeBufferPointer<LineFeatures>, _ kinds: UnsafeBufferPointer<Kind>,
    _ keep: UnsafeMutableBufferPointer<Bool>, _ why: UnsafeMutableBufferPointer<Reason?>,
    keepHeadline: Bool
  ) {
    let n = lines.count
    // Neighbours ignoring short (and optionally near-good) lines; the edges count as bad.
    // Computed in two linear sweeps so long menus of short lines stay cheap.
    let (before, beforeNearGood) = Self.neighbours(kinds, forward: true)
    let (after, afterNearGood) = Self.neighbours(kinds, forward: false)
    // Short and near-good lines take the class of their neighbours; the others keep theirs.
    for i in 0..<n {
      switch kinds[i] {
      case .short:
        let p = before[i]
        let q = after[i]
        let good: Bool
        if p == .good && q == .good {
          good = true
        } else if p == .bad && q == .bad {
          good = false
        } else if (p == .bad && beforeNearGood[i] == .nearGood)
          || (q == .bad && afterNearGood[i] == .nearGood)
        {
          good = true
        } else {
          good = false
        }
        keep[i] = good
        if !good { why[i] = p == .bad && q == .bad ? .edge : .context }
      case .nearGood:
        if before[i] == .bad && after[i] == .bad {
          why[i] = .context
        } else {
          keep[i] = true
        }
      case .good:
        keep[i] = true
      case .bad, .boilerplate:
        break
      }
    }

    // A short sentence right next to kept prose is part of it (a one-line paragraph, a quote).
    for i in 0..<n where !keep[i] && kinds[i] == .short && lines[i].isSentence {
      if (i > 0 && keep[i - 1]) || (i + 1 < n && keep[i + 1]) { keep[i] = true }
    }
    if n > 1 {
      for i in stride(from: n - 2, through: 0, by: -1)
      where !keep[i] && kinds[i] == .short && lines[i].isSentence && keep[i + 1] {
        keep[i] = true
      }
    }

    // A sentence trailing off right after kept prose ("Ich bedanke mich für den Tipp…") goes on
    // with it.
    if n > 1 {
      for i in 1..<n
      where !keep[i] && kinds[i] == .short && keep[i - 1] && lines[i].endsWithEllipsis
        && lines[i].words >= 3 && lines[i].stops >= 1 && lines[i].separators < 2
        && lines[i].bullet == .none
      {
        keep[i] = true
      }
    }

    // A lead-in right after kept text ("The recipe:", "Leitsätze des Gerichts:") introduces
    // what follows it and belongs to the article.
    if n > 1 {
      for i in 1..<n
      where !keep[i] && kinds[i] == .short && lines[i].endsWithColon && lines[i].words >= 2
        && keep[i - 1]
      {
        keep[i] = true
      }
    }
    keepContentBlocks(lines, kinds, UnsafeBufferPointer(why), keep)

    // Nothing reads like an article: keep every line that is not boilerplate and reads like a
    // sentence (a short quote, a one-paragraph note).
    if !keep.contains(true) {
      for i in 0..<n
      where kinds[i] != .boilerplate && (lines[i].isSentence || kinds[i] == .nearGood) {
        keep[i] = true
      }
    }

    // The part after the article: a short related-links or comments heading after kept prose
    // ends the article when less prose follows it than preceded it.
    if cutAfterTerminal {
      var before = 0
      var total = 0
      for i in 0..<n where kinds[i] == .good || kinds[i] == .nearGood { total += lines[i].length }
      for i in 0..<n {
        if kinds[i] == .good || kinds[i] == .nearGood { before += lines[i].length }
        let line = lines[i]
        if kinds[i] == .boilerplate && line.terminalHits > 0 && line.length < 80 && before > 0
          && total - before < before && !proseFollows(i, kinds, within: 1)
        {
          for j in i..<n where keep[j] {
            keep[j] = false
            why[j] = .afterArticle
          }
          break
        }
      }
    }

    // A short line between two kept lines is a subhead or a caption-free line of the article,
    // even when signal words fill it ("Tausende von Texten zum Thema"): a menu or a share bar
    // would not sit alone inside the text. So is a smiley on its own line ("=)").
    if n > 2 {
      for i in 1..<(n - 1) where !keep[i] && keep[i - 1] && keep[i + 1] {
        if kinds[i] == .short || (why[i] == .signals && lines[i].length < lengthLow)
          || lines[i].isEmoticon
        {
          keep[i] = true
        }
      }
    }

    // Prose inside the article is part of it whatever its neighbours (a paragraph between a
    // caption and a list, a reply between quotes): a line that reads like running prose and lies
    // between the first and the last kept line stays.
    if let first = keep.firstIndex(of: true), let last = keep.lastIndex(of: true), last - first > 1 {
      for i in (first + 1)..<last where !keep[i] && kinds[i] != .boilerplate && lines[i].isProse {
        keep[i] = true
      }
    }

    fillQuietGaps(lines, kinds, keep)

    // A line opened by a dash right after kept text continues it: a reply in a dialogue, the
    // attribution of a quote or of an embedded post.
    if n > 1 {
      for i in 1..<n
      where !keep[i] && keep[i - 1] && lines[i].startsWithDash && lines[i].separators < 2
        && (kinds[i] == .short || kinds[i] == .bad || (why[i] == .label && lines[i].endsSentence))
      {
        keep[i] = true
      }
    }
    keepLeadInsBeforeKeptLines(lines, kinds, keep)
    keepWhatLeadInsIntroduce(lines, kinds, keep)

    // An author box after the article: a lone paragraph right below a name or a byline ("Jane
    // Doe", "Von Frank Hahn"), with at least twice as much kept text before it as from it to the
    // end, is the author's bio (or a comment below its author's name, or a teaser below its title).
    var keptBefore = 0
    var keptTotal = 0
    for i in 0..<n where keep[i] { keptTotal += lines[i].length }
    for i in 0..<n {
      guard keep[i] else { continue }
      let isolated = (i == 0 || !keep[i - 1]) && (i + 1 == n || !keep[i + 1])
      let after = keptTotal - keptBefore - lines[i].length
      if isolated && i > 0 && keptBefore >= 2 * (lines[i].length + after)
        && isAuthorLine(lines[i - 1])
      {
        keep[i] = false
        why[i] = .afterArticle
        continue
      }
      keptBefore += lines[i].length
    }

    // Headline and dek before the first kept line.
    if keepHeadline, let first = keep.firstIndex(of: true) {
      keepHeadlineAndDek(before: first, lines, kinds, keep)
      if let body = (first..<n).first(where: { kinds[$0] == .good }), body > first + 1 {
        keepHeadlineAndDek(before: body, lines, kinds, keep)
      }
    }
    for i in 0..<n where keep[i] { why[i] = nil }
    for i in 0..<n where !keep[i] && why[i] == nil { why[i] = .context }
  }

  /// For each line, the class of the nearest line before it (`forward`) or after it that is
  /// neither short nor near-good, and the nearest that is not short (boilerplate counts as bad,
  /// the edge of the page too). One sweep into preallocated storage.
  private static func neighbours(_ kinds: UnsafeBufferPointer<Kind>, forward: Bool) -> (
    [Kind], [Kind]
  ) {
    let n = kinds.count
    var nearGood = [Kind](repeating: .bad, count: n)
    let skipping = [Kind](unsafeUninitializedCapacity: n) { skipping, count in
      nearGood.withUnsafeMutableBufferPointer { nearGood in
        var last = Kind.bad
        var lastWithNearGood = Kind.bad
        for step in 0..<n {
          let i = forward ? step : n - 1 - step
          skipping[i] = last
          nearGood[i] = lastWithNearGood
          let k = kinds[i] == .boilerplate ? .bad : kinds[i]
          if k != .short && k != .nearGood { last = k }
          if k != .short { lastWithNearGood = k }
        }
      }
      count = n
    }
    return (skipping, nearGood)
  }

  /// Keeps runs of short lines that read like content rather than like a menu: runs of at least
  /// `blockLines` lines (not counting symbol-only lines) between boilerplate or kept lines, in
  /// which at least `blockShare` tenths of the lines look like content (see
  /// ``looksLikeContent(_:)``): ingredient lists, specification tables, Q&A, code, jokes.
  private func keepContentBlocks(
    _ lines: UnsafeBufferPointer<LineFeatures>, _ kinds: UnsafeBufferPointer<Kind>,
    _ why: UnsafeBufferPointer<Reason?>, _ keep: UnsafeMutableBufferPointer<Bool>
  ) {
    let n = lines.count
    func open(_ i: Int) -> Bool {
      !keep[i] && (kinds[i] != .boilerplate || why[i] == .symbols)
    }
    var i = 0
    while i < n {
      guard open(i) else {
        i += 1
        continue
      }
      var j = i
      var total = 0
      var content = 0
      while j < n && open(j) {
        if kinds[j] != .boilerplate {
          total += 1
          if looksLikeContent(lines[j]) { content += 1 }
        }
        j += 1
      }
      if total >= blockLines && content * 10 >= total * blockShare {
        for k in i..<j where kinds[k] != .boilerplate { keep[k] = true }
      }
      i = j
    }
  }

  /// A short line that looks like a piece of content: a sentence or part of one (a stop word
  /// among three words or more), a key and its value, a number with its unit, a lead-in. Lines
  /// with signal words or two separators look like menus; list items must be sentences or short
  /// data ("* 2 eggs"), because lists of headlines have stop words too.
  private func looksLikeContent(_ line: LineFeatures) -> Bool {
    if line.weakHits > 0 || line.separators >= 2 { return false }
    if line.bullet != .none { return line.isSentence || (line.numeric >= 1 && line.words <= 6) }
    return (line.stops >= 1 && line.words >= 3) || (line.endsSentence && line.words >= 2)
      || (line.numeric >= 1 && line.words >= 2 && line.separators == 0) || line.endsWithColon
  }

  /// Keeps the short lines between two kept paragraphs when nothing between them is boilerplate
  /// (symbol-only lines aside): a gap without a single signal is part of the article.
  private func fillQuietGaps(
    _ lines: UnsafeBufferPointer<LineFeatures>, _ kinds: UnsafeBufferPointer<Kind>,
    _ keep: UnsafeMutableBufferPointer<Bool>
  ) {
    var previous = -1
    for i in 0..<lines.count where keep[i] && (kinds[i] == .good || kinds[i] == .nearGood) {
      if previous >= 0 && i - previous > 1 {
        let gap = (previous + 1)..<i
        let quiet = !gap.contains { kinds[$0] == .boilerplate && lines[$0].words > 0 }
        if quiet {
          for j in gap where kinds[j] == .short { keep[j] = true }
        }
      }
      previous = i
    }
  }

  /// Keeps a lead-in right before a kept line: a short line of two words or more ending with a
  /// colon ("Leitsätze des Gerichts:"), without signal words, separators or a list marker. Walks
  /// backwards, so that a lead-in before a kept lead-in stays too.
  private func keepLeadInsBeforeKeptLines(
    _ lines: UnsafeBufferPointer<LineFeatures>, _ kinds: UnsafeBufferPointer<Kind>,
    _ keep: UnsafeMutableBufferPointer<Bool>
  ) {
    var i = lines.count - 2
    while i > 0 {
      defer { i -= 1 }
      guard !keep[i] && kinds[i] == .short && keep[i + 1] else { continue }
      let line = lines[i]
      if line.endsWithColon && line.words >= 2 && line.weakHits == 0 && line.separators == 0
        && line.bullet == .none
      {
        keep[i] = true
      }
    }
  }

  /// Keeps what a kept lead-in introduces: the lines between a kept line ending with a colon
  /// ("Your Dockerfile might then look like this:") and the next kept line, when none of them is
  /// boilerplate or a list item and there are at most `introducedLines` of them (a code sample, a
  /// formula, a table row the density test took for a link list).
  private func keepWhatLeadInsIntroduce(
    _ lines: UnsafeBufferPointer<LineFeatures>, _ kinds: UnsafeBufferPointer<Kind>,
    _ keep: UnsafeMutableBufferPointer<Bool>
  ) {
    let n = lines.count
    var i = 0
    while i < n - 1 {
      guard keep[i] && lines[i].endsWithColon && !keep[i + 1] else {
        i += 1
        continue
      }
      var j = i + 1
      while j < n && j - i <= introducedLines && !keep[j] && kinds[j] != .boilerplate
        && lines[j].bullet == .none
      {
        j += 1
      }
      if j < n && keep[j] {
        for k in (i + 1)..<j { keep[k] = true }
      }
      i = j
    }
  }

  /// Whether a good line comes within `within` lines after `i` (an inline "Read more" link
  /// inside the article rather than the heading of what follows it).
  private func proseFollows(_ i: Int, _ kinds: UnsafeBufferPointer<Kind>, within: Int) -> Bool {
    var j = i + 1
    while j < kinds.count && j <= i + within {
      if kinds[j] == .good { return true }
      j += 1
    }
    return false
  }

  /// Keeps up to two title- or sentence-like lines (headline, dek) just before `first`, skipping
  /// boilerplate, metadata (bylines, dates) and one- or two-word lines (names, drop caps),
  /// stopping at list items.
  private func keepHeadlineAndDek(
    before first: Int, _ lines: UnsafeBufferPointer<LineFeatures>,
    _ kinds: UnsafeBufferPointer<Kind>, _ keep: UnsafeMutableBufferPointer<Bool>
  ) {
    var distance = 0
    var accepted = 0
    var j = first - 1
    while j >= 0 && accepted < 2 && distance <= headingDistance {
      let line = lines[j]
      distance += line.length
      if line.bullet != .none { break }
      if keep[j] || kinds[j] == .boilerplate || isMetadata(line) || line.words < 3 {
        j -= 1
        continue
      }
      if line.words >= 3 && line.separators == 0 && line.length <= 250 && !line.endsWithColon {
        keep[j] = true
        accepted += 1
      } else {
        break
      }
      j -= 1
    }
  }

  /// A name or a byline on its own line: "Jacob Wade", "Von Frank Hahn", "By Jane Doe".
  private func isAuthorLine(_ line: LineFeatures) -> Bool {
    if line.startsWithBy && line.words >= 2 && line.words <= 4 && line.numeric == 0 {
      return line.capitalised >= line.words - 1
    }
    return line.words >= 2 && line.words <= 3 && line.capitalised == line.words && line.stops == 0
      && line.numeric == 0 && !line.endsSentence && line.separators == 0 && line.bullet == .none
  }

  /// A byline or a date line: starts with "By"/"Von", or is mostly numbers.
  private func isMetadata(_ line: LineFeatures) -> Bool {
    (line.startsWithBy && line.words <= 6) || line.numeric * 2 >= line.words
  }
}
