/// What `detect-source` found in a text: the outlet's display name, the text span that named it
/// and the total weight of the evidence.
public struct SourceDetection: Sendable, Equatable {
  /// One outlet considered, with its score and the kinds of evidence for it.
  public struct Candidate: Sendable, Equatable {
    /// The outlet's display name.
    public var name: String
    /// The outlet's total score (the winner needs at least 1.5).
    public var score: Double
    /// The kinds of evidence with their summed weights (`copyright=4.0`).
    public var kinds: [String]
    /// Whether the outlet is on the outlet list.
    public var listed: Bool
  }

  /// The display name of the outlet; `nil` when no candidate is strong enough.
  public var name: String?
  /// The text span of the strongest evidence for it.
  public var evidence: String?
  /// The score of the best outlet considered (below 1.5 no name is given).
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
      // Spellings too short for the matcher get a role but are never found.
      for name in outlet.strongNames {
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

  /// Scans the text once, reads the spots the scan found and ranks the outlets.
  func analyse(_ p: UnsafeBufferPointer<UInt8>, limit: Int) -> SourceDetection {
    guard p.count > 0 else {
      return SourceDetection(name: nil, evidence: nil, score: 0, candidates: [])
    }
    var scan = TextScan(lines: p)
    let layout = makeLayout(p, scan)
    scan.scan(p, matcher: matcher, full: fullLines(scan, layout))
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
    domains(p, scan, layout, into: &tally)
    datelines(p, scan, layout, into: &tally)
    titles(p, scan, layout, into: &tally, support: &support)
    tally.addSupport(support)
    // Four candidates for the near-tie check; only the ones reported are named up front.
    var ranking = tally.ranking(limit: max(limit, 4), named: limit)
    if let better = chromeTieBreak(p, scan, layout, ranking, tally) {
      var moved = ranking.remove(at: better)
      moved.name = tally.name(of: moved)
      ranking.insert(moved, at: 0)
    }
    ranking = Array(ranking.prefix(limit))
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
}
