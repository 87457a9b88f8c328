/// The form of an outlet name that matches its site's domain, when the name is longer:
/// `Spektrum der Wissenschaft` on spektrum.de is `Spektrum`, `The Conversation Africa` on
/// theconversation.com is `The Conversation`, `Evening Standard` on standard.co.uk is
/// `Standard`.
///
/// A page's own name often carries an edition, a tagline word or a legal-looking tail that its
/// domain does not; the domain's form is the outlet's short name. Only whole words at the start
/// or the end of the name are taken, and only when their key equals a domain label's key.
enum DomainShortForm {
  /// The key of a host's domain label (`www.standard.co.uk` → `standard`,
  /// `theconversation.com` → `conversation`), or `nil` for a host without one.
  static func labelKey(ofHost host: String) -> String? {
    let site = HostName.site(ofHost: host)
    let label = site.utf8.firstIndex(of: 0x2E).map { String(site[..<$0]) } ?? site
    let key = NameKey.of(label)
    return key.utf8.count >= 3 ? key : nil
  }

  /// The longest run of whole words at the start or end of `name` (fewer words than the name)
  /// whose key is one of `labels`; `nil` when the whole name already matches one, or no run does.
  static func shortForm(of name: String, labels: Set<String>) -> String? {
    guard !labels.isEmpty else { return nil }
    return NameWords.with(name) { words in
      guard words.count >= 2, !labels.contains(NameKey.of(name)) else { return nil }
      for length in stride(from: words.count - 1, through: 1, by: -1) {
        for start in [0, words.count - length] {
          let text = words.text(from: start, count: length)
          if labels.contains(NameKey.of(text)) { return text }
        }
      }
      return nil
    }
  }
}
