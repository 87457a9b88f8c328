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
    byLine.reserveCapacity(requests.count)
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

  /// Where one site's domain was written on the page.
  struct SiteSighting {
    var name: String
    /// Distinct lines (the first four).
    var lines: [Int] = []
    var head = false
    var tail = false
    /// The span of the domain written on a line of its own, and whether that line is in the
    /// page header.
    var alone: Range<Int>? = nil
    var aloneInHead = false
    /// Whether the domain stands on a line of its own in the footer.
    var aloneInTail = false
    var first: Range<Int>
  }

  /// Votes for the domains written in the text: e-mail addresses (also spelled out,
  /// `info(at)example(dot)de`), links and bare names. Each distinct domain is looked at once;
  /// a site whose domain stands on a line of its own or on several lines of the page gets a
  /// ``EvidenceKind/siteDomain`` vote besides.
  func domains(
    _ p: UnsafeBufferPointer<UInt8>, _ scan: TextScan, _ layout: Layout,
    into tally: inout SourceTally
  ) {
    var lastEnd = -1
    var seen: [String: String?] = [:]
    var sightings: [SiteSighting] = []
    var bySite: [String: Int] = [:]
    // A page with domains writes a few distinct ones: room for them up front.
    if !scan.dots.isEmpty || !scan.spelledAts.isEmpty {
      let room = min(scan.dots.count + scan.spelledAts.count, 16)
      seen.reserveCapacity(room)
      sightings.reserveCapacity(room)
      bySite.reserveCapacity(room)
    }
    func sighted(_ name: String, line: Int, range: Range<Int>, alone: Bool) {
      let key = name.lowercased()
      let i: Int
      if let known = bySite[key] {
        i = known
      } else {
        i = sightings.count
        bySite[key] = i
        sightings.append(SiteSighting(name: name, first: range))
      }
      if sightings[i].lines.count < 4 && !sightings[i].lines.contains(line) {
        sightings[i].lines.append(line)
      }
      if line < layout.headEnd { sightings[i].head = true }
      if line >= layout.tailStart { sightings[i].tail = true }
      if alone && sightings[i].alone == nil {
        sightings[i].alone = range
        sightings[i].aloneInHead = line < layout.headEnd
      }
      if alone && line >= layout.tailStart { sightings[i].aloneInTail = true }
    }
    func site(_ written: String) -> String? {
      if let known = seen[written] { return known }
      let site = siteName(written)
      seen[written] = site
      return site
    }
    for dot in scan.dots {
      let at = Int(dot.at)
      if at < lastEnd { continue }
      let line = Int(dot.line)
      let (ls, le) = lineRange(scan, line)
      guard let found = DomainNames.around(p, dot: at, floor: ls, limit: le) else { continue }
      lastEnd = found.range.upperBound
      // A photo credit (`Foto: … http://www.president.gov.ua/`) names the picture's source.
      if found.context != .email, let first = LineTokens.next(p, from: Self.afterBullets(p, ls, le), limit: le),
        CopyrightLine.creditWords.contains(p, first)
      {
        continue
      }
      let written = String(decoding: UnsafeBufferPointer(rebasing: p[found.range]), as: UTF8.self)
      guard let name = site(written) else { continue }
      let weight: Double
      switch found.context {
      case .email: weight = 2.5
      case .link: weight = 2
      case .bare: weight = 1.75
      }
      tally.add(
        SourceVote(name: name, outlet: nil, kind: .domain, weight: weight, evidence: found.range))
      let alone = found.context != .email && Self.standsAlone(p, found.range, ls, le)
      sighted(name, line: line, range: found.range, alone: alone)
    }
    for spelled in scan.spelledAts.prefix(8) {
      let line = Int(spelled.line)
      let (ls, le) = lineRange(scan, line)
      guard let found = DomainNames.spelledEmail(p, at: Int(spelled.at), floor: ls, limit: le),
        let name = site(found.host)
      else { continue }
      tally.add(
        SourceVote(name: name, outlet: nil, kind: .domain, weight: 2.5, evidence: found.range))
      sighted(name, line: line, range: found.range, alone: false)
    }
    // A domain alone on a line is the site's logo when it stands in the page header, and its
    // footer line when it is the only one and stands in the footer; in the body, or several of
    // them, they are links to other sites.
    let aloneInTail = sightings.reduce(0) { $0 + ($1.aloneInTail ? 1 : 0) }
    // Many sites on several lines each are a network's footer, not the site's own name.
    let repeatedSites = sightings.reduce(0) {
      $0 + ($1.lines.count >= 2 && ($1.head || $1.tail) ? 1 : 0)
    }
    for s in sightings {
      var weight = 0.0
      var evidence = s.first
      if let alone = s.alone, s.aloneInHead || (aloneInTail == 1 && s.aloneInTail) {
        weight = 3
        evidence = alone
      }
      // Written on several lines, one of them in the header or footer (a site named only in the
      // article body is its topic).
      if repeatedSites <= 2 && s.lines.count >= 2 && (s.head || s.tail) {
        weight = max(weight, s.lines.count >= 3 || (s.head && s.tail) ? 3 : 2)
      }
      guard weight > 0 else { continue }
      tally.add(
        SourceVote(name: s.name, outlet: nil, kind: .siteDomain, weight: weight, evidence: evidence))
    }
  }

  /// Whether the domain at `range` is all its line `ls..<le` says: `example.de`,
  /// `www.example.de`, `https://example.de/` (not a list item such as `* example.de`).
  static func standsAlone(
    _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ ls: Int, _ le: Int
  ) -> Bool {
    var end = le
    while end > range.upperBound && (p[end - 1] == 0x20 || p[end - 1] == 0x2F) { end -= 1 }
    guard end == range.upperBound else { return false }
    // A list item (`* example.de`) is a link of a menu, not the site's logo.
    var start = ls
    while start < range.lowerBound && (p[start] == 0x20 || p[start] == 0x09) { start += 1 }
    guard start <= range.lowerBound else { return false }
    let before = range.lowerBound - start
    if before == 0 { return true }
    // A scheme only: `http://`, `https://`.
    guard before == 7 || before == 8 else { return false }
    let scheme: [UInt8] = before == 7 ? Array("http://".utf8) : Array("https://".utf8)
    for k in 0..<before where p[start + k] | (k < before - 3 ? 0x20 : 0) != scheme[k] {
      return false
    }
    return true
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
      // Only a brand line counts here, and brand lines are short (``PageTitle/brandBytes``).
      guard le - start <= PageTitle.brandBytes,
        case .brand(let span)? = PageTitle.read(p, start: start, end: le),
        let name = NameFilter.clean(text(p, span), legal: false, generic: true)
      else { continue }
      support.append(
        SourceVote(
          name: name, outlet: nil, kind: .header, weight: 1.5, evidence: span.start..<span.end))
    }
  }
}
