/// Votes from cue phrases and listed outlet names found by the scan.
extension SourceDetector {
  /// A listed outlet named in the text: worth more in the page chrome than in running text.
  func mention(
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

  /// Reads the name next to a cue phrase, as the cue says, and votes for it.
  func read(
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
      if cue.shape == .nameBefore, let next = LineTokens.next(p, from: e, limit: le), e < le,
        p[e] == 0x20,
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
  func vote(
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

  /// The site of the URL after a cue (`Printed from https://www.instyle.com`).
  func url(_ p: UnsafeBufferPointer<UInt8>, after: Int, limit: Int) -> (
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
}
