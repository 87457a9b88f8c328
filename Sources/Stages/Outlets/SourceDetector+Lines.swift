/// Votes from whole lines: copyright notices, domains, datelines, titles and brand lines.
extension SourceDetector {
  /// A line where a copyright sign, word or rights phrase was found.
  struct CopyrightRequest {
    var line: Int
    var at: Int
    var rights: Range<Int>?
  }

  /// Reads each copyright line once. The last one on the page is the site's own notice; earlier
  /// ones (under a wire story, in captions) count less, and so do holders with a legal form
  /// (`Nexstar Media Inc.` is the owner, not the outlet).
  func copyrightVotes(
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

  /// Votes for the domains written in the text: e-mail addresses, links and bare names. Each
  /// distinct domain is looked at once.
  func domains(
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
      tally.add(
        SourceVote(name: name, outlet: nil, kind: .domain, weight: weight, evidence: found.range))
    }
  }

  /// The site of a domain written in the text, as written (`NU.nl`, `Achgut.com`; without `www.`
  /// and subdomains), or `nil` for sites that are never the page's outlet (social networks,
  /// mail providers, link shorteners, hosting platforms themselves).
  func siteName(_ written: String) -> String? {
    var name = written
    var host = written.lowercased()
    if host.hasPrefix("www.") {
      name.removeFirst(4)
      host.removeFirst(4)
    }
    let site = HostName.site(ofHost: host)
    if site.utf8.count < name.utf8.count { name = String(name.utf8.suffix(site.utf8.count)) ?? site }
    if DomainNames.ubiquitous.contains(site) || DomainNames.ubiquitous.contains(host)
      || HostName.isRedirector(host, site: site)
    {
      return nil
    }
    if PublicSuffixes.platforms.contains(host) { return nil }
    return name
  }

  /// The first dateline at the start of one of the article's first long lines.
  func datelines(
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
      // Below the page's own voice (a copyright line counts 4): wire copy carries the agency's
      // dateline on many newspapers' pages.
      tally.add(
        SourceVote(
          name: name, outlet: nil, kind: .dateline, weight: listed ? 3.5 : 2,
          evidence: found.evidence))
      return
    }
  }

  /// Title suffixes and brand lines in the first lines; short brand lines at the bottom
  /// support names found elsewhere.
  func titles(
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
