/// One outlet (publisher) that `detect-source` can name: how it is written and where it lives.
public struct Outlet: Sendable, Equatable {
  /// The display name written to the `source` field.
  public var name: String
  /// Other spellings matched anywhere in the text, case-insensitively on word boundaries.
  public var aliases: [String]
  /// Spellings that are also ordinary words ("Welt", "Focus", "Trend"); they only count where a
  /// source cue surrounds them (a copyright line, a dateline, "X reports"), never as bare mentions.
  /// A display name listed here is weak too.
  public var weakAliases: [String]
  /// Hosts of the outlet (`reuters.com`, `abcnews.go.com`); subdomains match too.
  public var domains: [String]

  /// An outlet from its display name, spellings and hosts.
  public init(
    name: String, aliases: [String] = [], weakAliases: [String] = [], domains: [String] = []
  ) {
    self.name = name
    self.aliases = aliases
    self.weakAliases = weakAliases
    self.domains = domains
  }

  /// The spellings the text matcher looks for everywhere: the name and aliases, minus any whose
  /// key is also a weak alias.
  var strongNames: [String] {
    if aliases.isEmpty && weakAliases.isEmpty {
      return NameKey.hasLetterOrDigit(name) ? [name] : []
    }
    let weak = weakAliases.map(NameKey.of)
    var kept: [String] = []
    var seen: [String] = []
    for spelling in [name] + aliases {
      guard NameKey.hasLetterOrDigit(spelling) else { continue }
      guard weak.isEmpty || !weak.contains(NameKey.of(spelling)) else { continue }
      let lower = spelling.lowercased()
      guard !seen.contains(lower) else { continue }
      seen.append(lower)
      kept.append(spelling)
    }
    return kept
  }
}
