/// One piece of evidence for an outlet: a name read next to a cue, a domain, a listed outlet.
struct SourceVote {
  /// The name as read from the text (already cleaned).
  var name: String
  /// The listed outlet it names, when known.
  var outlet: Int?
  var kind: EvidenceKind
  var weight: Double
  /// The text span it came from.
  var evidence: Range<Int>
}

/// Adds up votes per outlet identity and picks the outlet the page most likely belongs to.
///
/// Spellings of one outlet (`The Washington Times`, `washingtontimes.com`, a listed alias) share
/// an identity. Within one kind of evidence each further vote counts half the previous one;
/// different kinds add up fully. A shorter name that has support of its own absorbs longer names
/// starting with it (`Fox News` takes `FOX News Network`, `Philstar` takes `Philstar Global`).
struct SourceTally {
  struct Identity {
    var key: String
    var outlet: Int?
    var words: [String]
    /// The three strongest votes of each kind (`kind * 3 + rank`), strongest first.
    var top = [Double](repeating: 0, count: EvidenceKind.allCases.count * 3)
    var best: SourceVote
    /// Spellings with their total weight.
    var names: [(name: String, weight: Double)] = []
    /// Whether the identity is a site named by its domain (`agrarheute.com`).
    var isDomain = false

    /// Keeps `weight` among the three strongest votes of `kind`.
    mutating func record(_ kind: EvidenceKind, _ weight: Double) {
      var w = weight
      for slot in (kind.rawValue * 3)..<(kind.rawValue * 3 + 3) where w > top[slot] {
        swap(&w, &top[slot])
      }
    }

    /// The votes of each kind added up, each further vote of a kind counting half the previous
    /// (beyond the third they hardly matter).
    var sums: [Double] {
      (0..<EvidenceKind.allCases.count).map { (k: Int) -> Double in
        let first: Double = top[k * 3]
        let second: Double = top[k * 3 + 1] / 2
        let third: Double = top[k * 3 + 2] / 4
        return first + second + third
      }
    }

    var total: Double { SourceTally.score(sums) }
  }

  /// Kinds of evidence that show a name is the site's own when they agree with each other.
  static let strong: Set<Int> = Set(
    [
      EvidenceKind.copyright, .republishing, .logo, .newsletter, .chrome, .selfDescription,
      .printedURL, .domain, .siteDomain,
    ]
    .map(\.rawValue))

  /// The score of per-kind sums: their total, raised for every further kind of evidence that
  /// agrees (a name seen in several roles is the site's own; one role alone often is not).
  static func score(_ sums: [Double]) -> Double {
    var total = 0.0
    var strongKinds = 0
    var weakKinds = 0
    for (kind, sum) in sums.enumerated() where sum > 0 {
      total += sum
      if strong.contains(kind) { strongKinds += 1 } else { weakKinds += 1 }
    }
    guard strongKinds > 0 else { return total }
    return total * (1 + 0.6 * Double(strongKinds - 1) + 0.3 * Double(weakKinds))
  }

  /// The lowest total that names an outlet; below it the stage says it does not know.
  static let threshold = 1.5

  private(set) var identities: [Identity] = []
  private var index: [String: Int] = [:]
  private var resolved: [String: (key: String, outlet: Int?, domain: Bool)] = [:]
  let catalog: OutletCatalog

  init(catalog: OutletCatalog) {
    self.catalog = catalog
    // A page names a few dozen candidates: no growing and rehashing on the way.
    identities.reserveCapacity(32)
    index.reserveCapacity(32)
    resolved.reserveCapacity(64)
  }

  /// The identity key and listed outlet of a name, and whether it is written as a domain
  /// (remembered per name: pages repeat their names).
  mutating func resolve(_ name: String) -> (key: String, outlet: Int?, domain: Bool) {
    if let known = resolved[name] { return known }
    let result = resolveUncached(name)
    resolved[name] = result
    return result
  }

  private func resolveUncached(_ name: String) -> (key: String, outlet: Int?, domain: Bool) {
    let key = NameKey.of(name)
    if let o = catalog.outlet(key: key) { return (Self.listedKey(o), o, false) }
    if let host = DomainNames.host(in: name) {
      if let o = catalog.outlet(host: host) { return (Self.listedKey(o), o, true) }
      let site = HostName.site(ofHost: host)
      let firstLabel = site.utf8.firstIndex(of: 0x2E).map { String(site[..<$0]) } ?? site
      let label = NameKey.of(firstLabel)
      if let o = catalog.outlet(key: label) { return (Self.listedKey(o), o, true) }
      return (label, nil, true)
    }
    return (key, nil, false)
  }

  /// The identity key of listed outlet `o` (`#12`; name keys never start with `#`).
  static func listedKey(_ o: Int) -> String { "#" + String(o) }

  /// Adds a vote. With `supportOnly`, the vote only strengthens an outlet that already has votes.
  mutating func add(_ vote: SourceVote, supportOnly: Bool = false) {
    let found: (key: String, outlet: Int?, domain: Bool)
    if let o = vote.outlet { found = (Self.listedKey(o), o, false) } else { found = resolve(vote.name) }
    guard !found.key.isEmpty else { return }
    let i: Int
    if let existing = index[found.key] {
      i = existing
    } else {
      guard !supportOnly else { return }
      let words = NameFilter.wordKeys(vote.name)
      identities.append(Identity(key: found.key, outlet: found.outlet, words: words, best: vote))
      i = identities.count - 1
      index[found.key] = i
    }
    identities[i].record(vote.kind, vote.weight)
    if let n = identities[i].names.firstIndex(where: { $0.name == vote.name }) {
      identities[i].names[n].weight += vote.weight
    } else {
      identities[i].names.append((vote.name, vote.weight))
    }
    if found.domain { identities[i].isDomain = true }
    if vote.weight > identities[i].best.weight { identities[i].best = vote }
  }

  /// Adds votes that only strengthen names found otherwise. A name with support from two kinds
  /// of cue, or from three cues, stands on its own (`Über aktiv` + `aktiv-Newsletter`).
  mutating func addSupport(_ votes: [SourceVote]) {
    guard !votes.isEmpty else { return }
    // Votes for names without votes yet wait in groups by identity key (in the order their
    // keys first appear), each group with the kinds of evidence (bits) and its size.
    var waiting: [(vote: Int, group: Int)] = []
    var groups: [(kinds: UInt64, count: Int)] = []
    var groupOfKey: [String: Int] = [:]
    for (v, vote) in votes.enumerated() {
      let key = vote.outlet.map(Self.listedKey) ?? resolve(vote.name).key
      guard !key.isEmpty else { continue }
      if index[key] != nil {
        add(vote)
        continue
      }
      let g: Int
      if let known = groupOfKey[key] {
        g = known
      } else {
        if groups.isEmpty {
          waiting.reserveCapacity(votes.count - v)
          groups.reserveCapacity(votes.count - v)
          groupOfKey.reserveCapacity(votes.count - v)
        }
        g = groups.count
        groupOfKey[key] = g
        groups.append((0, 0))
      }
      groups[g].kinds |= 1 << UInt64(vote.kind.rawValue)
      groups[g].count += 1
      waiting.append((v, g))
    }
    for (g, group) in groups.enumerated() where group.kinds.nonzeroBitCount >= 2 || group.count >= 3 {
      for w in waiting where w.group == g { add(votes[w.vote]) }
    }
  }

  /// One ranked outlet: display name, total score, the kinds of evidence and the strongest span.
  struct Ranked {
    var name: String
    var score: Double
    /// The kinds of evidence with their summed weights.
    var kinds: [(EvidenceKind, Double)]
    /// Whether the outlet is on the outlet list.
    var listed: Bool
    var evidence: Range<Int>
    /// The identity it ranks, and whether its name is made from its domain.
    var identity: Int
    var preferDomain: Bool
  }

  /// The outlets in order of their scores, best first (absorbed names left out).
  ///
  /// Before ranking, related identities are merged: a shorter name with support of its own
  /// absorbs longer names starting with it (`Fox News` takes `FOX News Network`); a listed
  /// outlet absorbs unlisted names its name starts with (`NBC` into `NBC News`); a domain absorbs
  /// names contained in it or containing it (`courage-online.de` takes `Courage`). Names backed
  /// by the site's domain as well as by other evidence, and listed outlets named in the site's
  /// own voice, count a little more.
  func ranking(limit: Int = 8, named: Int = .max) -> [Ranked] {
    guard !identities.isEmpty else { return [] }
    var sums = identities.map(\.sums)
    var alive = [Bool](repeating: true, count: identities.count)
    var showDomain = [Bool](repeating: false, count: identities.count)
    let own = sums.map(Self.score)
    func absorb(_ from: Int, into to: Int) {
      for k in sums[to].indices { sums[to][k] += sums[from][k] }
      alive[from] = false
    }
    for (a, longer) in identities.enumerated() where longer.outlet == nil && longer.words.count > 1 {
      var bestShort = -1
      for (b, shorter) in identities.enumerated() where b != a && alive[b] && own[b] >= 1.5 {
        guard shorter.words.count < longer.words.count, !shorter.words.isEmpty,
          longer.words.prefix(shorter.words.count).elementsEqual(shorter.words)
        else { continue }
        if bestShort < 0 || own[b] > own[bestShort] { bestShort = b }
      }
      if bestShort >= 0 { absorb(a, into: bestShort) }
    }
    let listedNames = identities.map { $0.outlet == nil ? [] : listedWords($0) }
    for (a, short) in identities.enumerated()
    where short.outlet == nil && alive[a] && !short.words.isEmpty {
      for (b, listed) in identities.enumerated() where b != a && listed.outlet != nil && alive[b] {
        let words = listedNames[b]
        guard words.count > short.words.count,
          words.prefix(short.words.count).elementsEqual(short.words)
        else { continue }
        absorb(a, into: b)
        break
      }
    }
    // An acronym is the short form of a name whose initials it spells (`TOI` for The Times of
    // India, `BZ` for Badische Zeitung): it adds to that name.
    for (a, short) in identities.enumerated() where alive[a] && short.outlet == nil {
      guard let initials = Self.acronym(short) else { continue }
      var best = -1
      for (b, long) in identities.enumerated() where b != a && alive[b] {
        let words = long.outlet == nil ? long.words : listedNames[b]
        guard words.count == initials.count,
          zip(words, initials).allSatisfy({ $0.utf8.first == $1 })
        else { continue }
        if best < 0 || own[b] > own[best] { best = b }
      }
      if best >= 0 { absorb(a, into: best) }
    }
    // A site named by its domain absorbs names contained in it or containing it; a listed
    // outlet whose domain is on the page does so by its name's key (`Republica Media Group` into
    // La República on larepublica.net).
    for (d, site) in identities.enumerated() where site.isDomain && alive[d] {
      let siteKey = site.outlet.map { NameKey.of(catalog.outlets[$0].name) } ?? site.key
      guard siteKey.count >= 4 else { continue }
      for (n, name) in identities.enumerated()
      where n != d && !name.isDomain && name.outlet == nil && alive[n] && name.key.count >= 4 {
        guard NameKey.contains(siteKey, name.key) || NameKey.contains(name.key, siteKey) else {
          continue
        }
        absorb(n, into: d)
        if site.outlet == nil { showDomain[d] = true }
      }
    }
    let ownVoice: [EvidenceKind] = [
      .copyright, .republishing, .logo, .newsletter, .chrome, .selfDescription, .siteDomain,
    ]
    var scores = [Double](repeating: 0, count: identities.count)
    for i in identities.indices where alive[i] {
      scores[i] = Self.score(sums[i])
      if identities[i].outlet != nil && ownVoice.contains(where: { sums[i][$0.rawValue] > 0 }) {
        scores[i] *= 1.25
      }
    }
    let order = identities.indices.filter { alive[$0] && scores[$0] > 0 }.sorted {
      scores[$0] > scores[$1]
    }
    // The labels of the domains on the page, made once and only for a name of several words.
    var pageLabels: Set<String>? = nil
    func labels() -> Set<String> {
      if let known = pageLabels { return known }
      let made = pageDomainLabels()
      pageLabels = made
      return made
    }
    return order.prefix(limit).enumerated().map { rank, i in
      let identity = identities[i]
      let kinds = EvidenceKind.allCases.filter { sums[i][$0.rawValue] > 0 }.map {
        ($0, sums[i][$0.rawValue])
      }
      let name =
        rank < named
        ? shortened(display(identity, preferDomain: showDomain[i]), identity, labels) : ""
      return Ranked(
        name: name, score: scores[i], kinds: kinds, listed: identity.outlet != nil,
        evidence: identity.best.evidence, identity: i, preferDomain: showDomain[i])
    }
  }

  /// The display name of a ranked outlet that ``ranking(limit:named:)`` left unnamed.
  func name(of ranked: Ranked) -> String {
    guard ranked.name.isEmpty else { return ranked.name }
    let identity = identities[ranked.identity]
    return shortened(
      display(identity, preferDomain: ranked.preferDomain), identity, pageDomainLabels)
  }

  /// The labels of the domains written on the page (``DomainShortForm/labelKey(ofHost:)``).
  private func pageDomainLabels() -> Set<String> {
    Set(
      identities.lazy.filter(\.isDomain).flatMap(\.names).compactMap {
        DomainNames.host(in: $0.name).flatMap(DomainShortForm.labelKey(ofHost:))
      })
  }

  /// The winning outlet, or `nil` when no outlet reaches ``threshold``.
  func winner() -> Ranked? {
    guard let best = ranking(limit: 1).first, best.score >= Self.threshold else { return nil }
    return best
  }

  /// The letters of an identity written as an acronym (one word of two to five capitals, such
  /// as `TOI` or `HT`), lower-cased; `nil` for other names.
  static func acronym(_ identity: Identity) -> [UInt8]? {
    guard identity.words.count == 1, !identity.isDomain,
      identity.names.contains(where: { spelling in
        let bytes = spelling.name.utf8
        return bytes.count >= 2 && bytes.count <= 5 && bytes.allSatisfy { $0 &- 0x41 < 26 }
      })
    else { return nil }
    let key = Array(identity.words[0].utf8)
    return key.count >= 2 && key.count <= 5 ? key : nil
  }

  /// `name` in the form that matches the site's domain (``DomainShortForm``): a domain of the
  /// listed outlet, or one written on the page.
  private func shortened(
    _ name: String, _ identity: Identity, _ pageLabels: () -> Set<String>
  ) -> String {
    // A name without a space, tab or no-break space is one word: it has no shorter form.
    guard name.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0xC2 }) else {
      return name
    }
    var labels = pageLabels()
    if let o = identity.outlet {
      for host in catalog.outlets[o].domains {
        if let key = DomainShortForm.labelKey(ofHost: host) { labels.insert(key) }
      }
    }
    if let short = DomainShortForm.shortForm(of: name, labels: labels) { return short }
    // An unlisted name with the place of its edition is the outlet's (`The Conversation Africa`).
    return identity.outlet == nil ? EditionName.outlet(ofEdition: name) ?? name : name
  }

  /// The words of a listed outlet's display name, as keys.
  private func listedWords(_ identity: Identity) -> [String] {
    guard let o = identity.outlet else { return identity.words }
    return NameFilter.wordKeys(catalog.outlets[o].name)
  }

  /// The display name: the listed outlet's name, or the spelling with the most weight (the
  /// domain as written when names were merged into it), preferring mixed case over capitals and
  /// dropping a `www.` prefix.
  private func display(_ identity: Identity, preferDomain: Bool) -> String {
    if let o = identity.outlet { return catalog.outlets[o].name }
    let ranked: [(key: String, value: Double)] = identity.names.map {
      (key: $0.name, value: $0.weight)
    }
    .sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
    if preferDomain
      || identity.isDomain && ranked.allSatisfy({ DomainNames.host(in: $0.key) != nil })
    {
      // A site known by its domain: a readable name made from it (`ambito.com.ar` → "Ambito").
      if let host = ranked.lazy.compactMap({ DomainNames.host(in: $0.key) }).first {
        return HostName.readableName(ofSite: HostName.site(ofHost: host))
      }
    }
    var name = ranked.first?.key ?? identity.best.name
    if name == name.uppercased(), let mixed = ranked.first(where: { $0.key != $0.key.uppercased() }) {
      name = mixed.key
    }
    if name.lowercased().hasPrefix("www.") { name.removeFirst(4) }
    return name
  }
}
