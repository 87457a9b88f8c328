/// What `detect-source` found in a text: the outlet's display name, the text span that named it
/// and the total weight of the evidence.
public struct SourceDetection: Sendable, Equatable {
  /// One outlet considered, with its score and the kinds of evidence for it.
  public struct Candidate: Sendable, Equatable {
    public var name: String
    public var score: Double
    public var kinds: [String]
    /// Whether the outlet is on the outlet list.
    public var listed: Bool
  }

  /// The display name of the outlet; `nil` when no candidate is strong enough.
  public var name: String?
  /// The text span of the strongest evidence for it.
  public var evidence: String?
  public var score: Double
  /// The outlets considered, best first (at most eight).
  public var candidates: [Candidate]
}

/// Names the outlet of a page from its text alone.
///
/// One byte pass finds lines, cue phrases and listed outlet names (``TextScan``); then only the
/// few lines where something was found are read: copyright lines, republishing notices, logo
/// alt-text, newsletter and social calls, site chrome, datelines, title suffixes, domains, report
/// verbs. Each reading is a vote (``SourceVote``) and ``SourceTally`` picks the outlet.
public struct SourceDetector: Sendable {
  let catalog: OutletCatalog
  let matcher: PhraseMatcher
  /// Per matcher phrase: a cue index (>= 0) or a listed outlet encoded as `-1 - outlet`.
  let roles: [Int32]
  let cues: [Cue]
  let untilWords: [[[UInt8]]]
  let fromWords: [WordSet?]

  /// Whether a token is a list bullet (`*`, `+`, `-`, `o`, `•`, `·`, `>`, `|`, `1.`).
  static func isBullet(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    let len = t.end - t.start
    let b = p[t.start]
    if len == 1 {
      return b == 0x2A || b == 0x2B || b == 0x2D || b == 0x6F || b == 0x3E || b == 0x7C || b == 0x23
    }
    if len == 2 && b == 0xC2 { return p[t.start + 1] == 0xB7 || p[t.start + 1] == 0xBB }
    if len == 3 && b == 0xE2 && p[t.start + 1] == 0x80 {
      return p[t.start + 2] == 0xA2 || p[t.start + 2] == 0x93 || p[t.start + 2] == 0xBA
    }
    // Numbered items: `1.`, `12.`
    guard len >= 2 && len <= 4 && p[t.end - 1] == 0x2E else { return false }
    for k in t.start..<(t.end - 1) where p[k] < 0x30 || p[k] > 0x39 { return false }
    return true
  }

  /// The start of the line's first token after list bullets.
  static func afterBullets(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    var pos = start
    while let t = LineTokens.next(p, from: pos, limit: end), isBullet(p, t) { pos = t.end }
    return pos
  }

  /// The detector for the bundled outlet list, built once and shared.
  public static let builtin = SourceDetector(catalog: .builtin)

  /// A detector for the outlets of `catalog`.
  public init(catalog: OutletCatalog) {
    self.catalog = catalog
    var phrases: [String] = []
    var roles: [Int32] = []
    for (i, cue) in SourceCues.all.enumerated() {
      phrases.append(cue.phrase)
      roles.append(Int32(i))
    }
    for (o, outlet) in catalog.outlets.enumerated() {
      for name in outlet.strongNames where CaseFold.fold(name).count >= 2 {
        phrases.append(name)
        roles.append(Int32(-1 - o))
      }
    }
    self.matcher = PhraseMatcher(phrases)
    self.roles = roles
    self.cues = SourceCues.all
    self.untilWords = SourceCues.all.map { $0.until.map(CaseFold.fold) }
    self.fromWords = SourceCues.all.map { $0.from.isEmpty ? nil : WordSet($0.from) }
  }

  /// The outlet named by `text` (its `name` is `nil` when the evidence is too weak). With
  /// `candidates`, the result also lists the outlets considered.
  public func detect(_ text: String, candidates: Bool = false) -> SourceDetection {
    let limit = candidates ? 8 : 1
    if let found = text.utf8.withContiguousStorageIfAvailable({ analyse($0, limit: limit) }) {
      return found
    }
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { analyse($0, limit: limit) }
  }

  /// Layout facts used to weigh evidence by where it is.
  struct Layout {
    var lineCount: Int
    /// Lines before this are the page header (navigation before the article).
    var headEnd: Int
    /// Lines from this on are the footer region.
    var tailStart: Int
    /// The last line of the article's lead (its first long paragraphs).
    var leadEnd: Int
    /// The first long lines, where datelines stand.
    var leadLines: [Int]
  }

  func analyse(_ p: UnsafeBufferPointer<UInt8>, limit: Int) -> SourceDetection {
    guard p.count > 0 else {
      return SourceDetection(name: nil, evidence: nil, score: 0, candidates: [])
    }
    let scan = TextScan(p, matcher: matcher)
    let layout = makeLayout(p, scan)
    var tally = SourceTally(catalog: catalog)
    var copyrights: [CopyrightRequest] = []
    var support: [SourceVote] = []

    for hit in scan.hits {
      let role = roles[Int(hit.phrase)]
      if role < 0 {
        mention(p, scan, layout, hit, outlet: Int(-1 - role), into: &tally)
      } else {
        read(
          p, scan, layout, hit, cue: Int(role), into: &tally, support: &support,
          copyrights: &copyrights)
      }
    }
    for sign in scan.copyrightSigns {
      copyrights.append(CopyrightRequest(line: Int(sign.line), at: Int(sign.at), rights: nil))
    }
    copyrightVotes(p, scan, layout, copyrights, into: &tally)
    domains(p, scan, into: &tally)
    datelines(p, scan, layout, into: &tally)
    titles(p, scan, layout, into: &tally, support: &support)
    tally.addSupport(support)
    let ranking = tally.ranking(limit: limit)
    let candidates = (limit > 1 ? ranking : []).map {
      SourceDetection.Candidate(
        name: $0.name, score: ($0.score * 100).rounded() / 100,
        kinds: $0.kinds.map { "\($0.0)=\(($0.1 * 100).rounded() / 100)" }, listed: $0.listed)
    }
    guard let win = ranking.first, win.score >= SourceTally.threshold else {
      return SourceDetection(
        name: nil, evidence: nil, score: ranking.first?.score ?? 0, candidates: candidates)
    }
    let evidence = String(decoding: UnsafeBufferPointer(rebasing: p[win.evidence]), as: UTF8.self)
    return SourceDetection(
      name: win.name, evidence: evidence, score: win.score, candidates: candidates)
  }

  // MARK: - Layout

  private func makeLayout(_ p: UnsafeBufferPointer<UInt8>, _ scan: TextScan) -> Layout {
    let count = scan.lineCount
    var leadLines: [Int] = []
    for line in 0..<count {
      let s = Int(scan.lineStarts[line])
      let e = Int(scan.lineEnds[line])
      if e - s >= 50 && LineTokens.count(p, s, e, cap: 10) >= 10 {
        leadLines.append(line)
        if leadLines.count == 8 { break }
      }
    }
    let headEnd = max(min(leadLines.first ?? count, count / 2), min(count, 12))
    let tailStart = max(count * 7 / 10, count - 40)
    let leadEnd = leadLines.count >= 3 ? leadLines[2] : (leadLines.last ?? count / 3)
    return Layout(
      lineCount: count, headEnd: headEnd, tailStart: tailStart, leadEnd: leadEnd,
      leadLines: leadLines)
  }

  private func lineRange(_ scan: TextScan, _ line: Int) -> (Int, Int) {
    (Int(scan.lineStarts[line]), Int(scan.lineEnds[line]))
  }

  /// Whether only list bullets and spaces stand between the line start and `at`.
  private func opensLine(_ p: UnsafeBufferPointer<UInt8>, lineStart: Int, at: Int) -> Bool {
    var pos = lineStart
    while let t = LineTokens.next(p, from: pos, limit: at) {
      pos = t.end
      if !Self.isBullet(p, t) { return false }
    }
    return true
  }

  private func text(_ p: UnsafeBufferPointer<UInt8>, _ span: NameSpan) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: p[span.start..<span.end]), as: UTF8.self)
  }

  // MARK: - Votes

  private func mention(
    _ p: UnsafeBufferPointer<UInt8>, _ scan: TextScan, _ layout: Layout, _ hit: TextScan.Hit,
    outlet: Int,
    into tally: inout SourceTally
  ) {
    let line = Int(hit.line)
    let (s, e) = lineRange(scan, line)
    let chrome =
      (line < layout.headEnd || line >= layout.tailStart) && LineTokens.count(p, s, e, cap: 6) <= 6
    let name = catalog.outlets[outlet].name
    let vote = SourceVote(
      name: name, outlet: outlet, kind: chrome ? .mentionChrome : .mentionBody,
      weight: chrome ? 1.5 : 0.25,
      evidence: Int(hit.start)..<Int(hit.end))
    tally.add(vote)
  }

  private func read(
    _ p: UnsafeBufferPointer<UInt8>, _ scan: TextScan, _ layout: Layout, _ hit: TextScan.Hit,
    cue index: Int,
    into tally: inout SourceTally, support: inout [SourceVote], copyrights: inout [CopyrightRequest]
  ) {
    let cue = cues[index]
    let line = Int(hit.line)
    let (ls, le) = lineRange(scan, line)
    let s = Int(hit.start)
    let e = Int(hit.end)
    if cue.lineStart && !opensLine(p, lineStart: ls, at: s) { return }
    if cue.maxWords > 0 && LineTokens.count(p, ls, le, cap: cue.maxWords) > cue.maxWords { return }
    if cue.kind == .reportsLead || cue.kind == .reportsBody {
      // Report verbs are lower case in running text (`Property Reports` is a heading), and a
      // verb ends a clause or goes on in lower case (`X reports that`, `X reports.`), unlike a
      // menu (`Special reports Politics World`).
      guard p[s] &- 0x41 >= 26, LineTokens.count(p, ls, le, cap: 6) >= 6 else { return }
      if cue.shape == .nameBefore, let next = LineTokens.next(p, from: e, limit: le), e < le, p[e] == 0x20,
        LineTokens.startsUpper(p, next), !next.opens
      {
        return
      }
    }
    var kind = cue.kind
    var weight = cue.weight
    if let body = cue.bodyWeight, line > layout.leadEnd {
      kind = .reportsBody
      weight = body
    }
    switch cue.shape {
    case .copyright:
      let isMarkerWord = cue.phrase == "copyright" || cue.phrase == "urheberrecht"
      copyrights.append(CopyrightRequest(line: line, at: s, rights: isMarkerWord ? nil : s..<e))
    case .nameAfter:
      guard let found = NameReader.after(p, from: e, limit: le) else { return }
      let until = untilWords[index]
      if !until.isEmpty {
        if let next = found.next {
          guard until.contains(where: { LineTokens.coreEquals(p, next, $0) }) else { return }
        } else if !until.contains([]) {
          return
        }
      }
      vote(
        p, found.name, kind: kind, weight: weight, evidence: s..<found.name.end,
        supportOnly: cue.supportOnly,
        into: &tally, support: &support)
    case .nameBefore:
      let from = fromWords[index]
      let allowDash = cue.kind == .newsletter || cue.kind == .chrome
      guard let name = NameReader.before(p, before: s, floor: ls, from: from, allowDash: allowDash)
      else { return }
      vote(
        p, name, kind: kind, weight: weight, evidence: name.start..<e, supportOnly: cue.supportOnly,
        into: &tally,
        support: &support)
    case .urlAfter:
      guard let host = url(p, after: e, limit: min(le, e + 300)) else { return }
      tally.add(
        SourceVote(name: host.name, outlet: nil, kind: kind, weight: weight, evidence: host.range))
    case .hyphenSuffix:
      // `LAOLA1-Redaktion`: the word glued to the cue by a hyphen.
      guard s >= 2, p[s - 1] == 0x2D else { return }
      var start = s - 1
      while start > ls,
        p[start - 1] >= 0x80 || CaseFold.isASCIIWord(p[start - 1]) || p[start - 1] == 0x2E
      {
        start -= 1
      }
      guard start < s - 1 else { return }
      let span = NameSpan(start: start, end: s - 1, words: 1)
      guard let name = NameFilter.clean(text(p, span), legal: false, generic: true) else { return }
      support.append(
        SourceVote(name: name, outlet: nil, kind: kind, weight: weight, evidence: start..<e))
    }
  }

  /// Adds the name at `span` as a vote; a name in lower case (`daily`, `agrarheute`) or from a
  /// weak cue only supports names found otherwise.
  private func vote(
    _ p: UnsafeBufferPointer<UInt8>, _ span: NameSpan, kind: EvidenceKind, weight: Double,
    evidence: Range<Int>,
    supportOnly: Bool, into tally: inout SourceTally, support: inout [SourceVote]
  ) {
    guard let name = NameFilter.clean(text(p, span), legal: false, generic: true) else { return }
    let vote = SourceVote(name: name, outlet: nil, kind: kind, weight: weight, evidence: evidence)
    let first = p[span.start]
    let lowerCase = first >= 0x61 && first <= 0x7A && DomainNames.host(in: name) == nil
    if supportOnly || (lowerCase && catalog.outlet(key: NameKey.of(name)) == nil) {
      support.append(vote)
    } else {
      tally.add(vote)
    }
  }

  /// A line where a copyright sign, word or rights phrase was found.
  struct CopyrightRequest {
    var line: Int
    var at: Int
    var rights: Range<Int>?
  }

  /// Reads each copyright line once. The last one on the page is the site's own notice; earlier
  /// ones (under a wire story, in captions) count less, and so do holders with a legal form
  /// (`Nexstar Media Inc.` is the owner, not the outlet).
  private func copyrightVotes(
    _ p: UnsafeBufferPointer<UInt8>, _ scan: TextScan, _ layout: Layout,
    _ requests: [CopyrightRequest],
    into tally: inout SourceTally
  ) {
    guard !requests.isEmpty else { return }
    // One request per line: the first marker, with a rights phrase if the line has one.
    var byLine: [Int: CopyrightRequest] = [:]
    for r in requests {
      if var known = byLine[r.line] {
        if r.rights == nil && (known.rights != nil || r.at < known.at) { known.at = r.at }
        if known.rights == nil { known.rights = r.rights }
        byLine[r.line] = known
      } else {
        byLine[r.line] = r
      }
    }
    var readings: [(line: Int, name: String, legal: Bool, reading: CopyrightLine.Reading)] = []
    for line in byLine.keys.sorted() {
      guard let r = byLine[line] else { continue }
      let (ls, le) = lineRange(scan, line)
      // Read a window around the sign; long legal paragraphs only matter near it.
      let at = r.rights.map { min($0.lowerBound, r.at) } ?? r.at
      var start = max(ls, at - 160)
      if start > ls { while start < at && p[start] != 0x20 { start += 1 } }
      var end = min(le, max(at, r.rights?.upperBound ?? at) + 200)
      if end < le { while end > at && p[end - 1] != 0x20 { end -= 1 } }
      guard let reading = CopyrightLine.read(p, start: start, end: end, rights: r.rights) else {
        continue
      }
      guard reading.formal || line >= layout.tailStart else { continue }
      let raw = text(p, reading.name)
      guard let name = NameFilter.clean(raw, legal: true, generic: false) else { continue }
      readings.append((line, name, NameFilter.isCorporate(raw), reading))
    }
    guard let lastLine = readings.last?.line else { return }
    for r in readings {
      let footer = r.line >= layout.lineCount / 2
      var weight = r.reading.formal ? (footer ? 4.0 : 3.0) : 2.5
      if r.legal { weight *= 0.65 }
      if r.line != lastLine { weight *= 0.6 }
      tally.add(
        SourceVote(
          name: r.name, outlet: nil, kind: .copyright, weight: weight, evidence: r.reading.evidence)
      )
    }
  }

  /// The site of the URL after a cue (`Printed from https://www.instyle.com`).
  private func url(_ p: UnsafeBufferPointer<UInt8>, after: Int, limit: Int) -> (
    name: String, range: Range<Int>
  )? {
    var pos = after
    while let t = LineTokens.next(p, from: pos, limit: limit) {
      pos = t.end
      let raw = String(
        decoding: UnsafeBufferPointer(rebasing: p[t.coreStart..<t.coreEnd]), as: UTF8.self)
      let lower = raw.lowercased()
      if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") {
        guard let host = HostName.host(ofURL: raw), !HostName.isRedirector(host) else { return nil }
        return (HostName.site(ofHost: host), t.coreStart..<t.coreEnd)
      }
    }
    return nil
  }

  /// Votes for the domains written in the text: e-mail addresses, links and bare names. Each
  /// distinct domain is looked at once.
  private func domains(
    _ p: UnsafeBufferPointer<UInt8>, _ scan: TextScan, into tally: inout SourceTally
  ) {
    var lastEnd = -1
    var seen: [String: String?] = [:]
    for dot in scan.dots {
      let at = Int(dot.at)
      if at < lastEnd { continue }
      let (ls, le) = lineRange(scan, Int(dot.line))
      guard let found = DomainNames.around(p, dot: at, floor: ls, limit: le) else { continue }
      lastEnd = found.range.upperBound
      let written = String(decoding: UnsafeBufferPointer(rebasing: p[found.range]), as: UTF8.self)
      let name: String
      if let known = seen[written] {
        guard let known else { continue }
        name = known
      } else {
        let site = siteName(written)
        seen[written] = site
        guard let site else { continue }
        name = site
      }
      let weight: Double
      switch found.context {
      case .email: weight = 2.5
      case .link: weight = 2
      case .bare: weight = 1.75
      }
      tally.add(SourceVote(name: name, outlet: nil, kind: .domain, weight: weight, evidence: found.range))
    }
  }

  /// The site of a domain written in the text, as written (`NU.nl`, `Achgut.com`; without `www.`
  /// and subdomains), or `nil` for sites that are never the page's outlet (social networks,
  /// mail providers, link shorteners, hosting platforms themselves).
  private func siteName(_ written: String) -> String? {
    var name = written
    if name.lowercased().hasPrefix("www.") { name.removeFirst(4) }
    let host = name.lowercased()
    let site = HostName.site(ofHost: host)
    if site.count < name.count { name = String(name.suffix(site.count)) }
    if DomainNames.ubiquitous.contains(site) || DomainNames.ubiquitous.contains(host) || HostName.isRedirector(host) {
      return nil
    }
    if PublicSuffixes.platforms.contains(host) { return nil }
    return name
  }

  /// The first dateline at the start of one of the article's first long lines.
  private func datelines(
    _ p: UnsafeBufferPointer<UInt8>, _ scan: TextScan, _ layout: Layout,
    into tally: inout SourceTally
  ) {
    for line in layout.leadLines {
      let (ls, le) = lineRange(scan, line)
      guard let found = Datelines.read(p, start: ls, end: le) else { continue }
      guard let name = NameFilter.clean(text(p, found.name), legal: false, generic: false) else {
        continue
      }
      let listed = tally.resolve(name).outlet != nil
      tally.add(
        SourceVote(
          name: name, outlet: nil, kind: .dateline, weight: listed ? 6 : 2, evidence: found.evidence
        ))
      return
    }
  }

  private func titles(
    _ p: UnsafeBufferPointer<UInt8>, _ scan: TextScan, _ layout: Layout,
    into tally: inout SourceTally,
    support: inout [SourceVote]
  ) {
    var seen = 0
    var line = 0
    while line < min(scan.lineCount, 30) && seen < 4 {
      let (ls, le) = lineRange(scan, line)
      line += 1
      guard LineTokens.next(p, from: ls, limit: le) != nil else { continue }
      seen += 1
      let start = Self.afterBullets(p, ls, le)
      guard let reading = PageTitle.read(p, start: start, end: le) else { continue }
      switch reading {
      case .title(let span, let suffix):
        vote(
          p, span, kind: .title, weight: suffix ? 1.5 : 1, evidence: span.start..<span.end,
          supportOnly: !suffix,
          into: &tally, support: &support)
      case .brand(let span):
        // The very first line is often the site's name (a logo's alt-text); later ones are menus.
        vote(
          p, span, kind: .header, weight: 1.25, evidence: span.start..<span.end,
          supportOnly: seen > 1, into: &tally,
          support: &support)
      }
    }
    // Short brand lines at the bottom confirm a name seen elsewhere.
    var tail = scan.lineCount - 1
    seen = 0
    while tail >= 0 && seen < 5 {
      let (ls, le) = lineRange(scan, tail)
      tail -= 1
      guard LineTokens.next(p, from: ls, limit: le) != nil else { continue }
      seen += 1
      let start = Self.afterBullets(p, ls, le)
      guard case .brand(let span)? = PageTitle.read(p, start: start, end: le),
        let name = NameFilter.clean(text(p, span), legal: false, generic: true)
      else { continue }
      support.append(
        SourceVote(
          name: name, outlet: nil, kind: .header, weight: 1.5, evidence: span.start..<span.end))
    }
  }

}
