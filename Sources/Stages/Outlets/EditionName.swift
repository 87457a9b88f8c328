/// Regional editions of an outlet: `The Conversation Africa`, `Refinery29 Deutschland`,
/// `Vice UK`. The outlet is the name without the place of its edition.
///
/// Only a country or continent name at the very end is taken off, never after a connector
/// (`The Times of India`, `Radio de France`), and never when what is left is a bare media word
/// (`Radio France`, `TV Schweiz`).
enum EditionName {
  /// Places of editions, as name keys (`España` → `espana`, `Österreich` → `oesterreich`).
  static let places: KeySet = [
    "africa", "afrika", "asia", "australia", "canada", "deutschland", "germany", "espana",
    "spain", "europe", "france", "uk", "us", "usa", "oesterreich", "austria", "schweiz",
    "suisse", "switzerland", "italia", "italy", "mexico", "brasil", "brazil", "nederland",
    "polska", "japan",
  ]

  /// Words that are no outlet's name on their own once the place is gone.
  static let mediaWords: KeySet = [
    "radio", "tv", "tele", "television", "fernsehen", "rundfunk", "news", "info", "presse",
    "press", "zeitung", "journal", "magazin", "magazine", "online", "digital", "live",
  ]

  /// `name` without the place of its edition; `nil` when it names no edition.
  static func outlet(ofEdition name: String) -> String? {
    NameWords.with(name) { words in
      let n = words.count
      guard n >= 2, places.contains(words.keys[n - 1]) else { return nil }
      guard !NameReader.connectorKeys.contains(words.keys[n - 2]) else { return nil }
      // What is left must still be a name (`The Conversation`, `Refinery29`), not `Radio`.
      let rest = words.keys[0..<(n - 1)].filter { $0 != "the" && !$0.isEmpty }
      guard !rest.isEmpty,
        rest.count > 1 || (rest[0].utf8.count >= 4 && !mediaWords.contains(rest[0]))
      else { return nil }
      let text = words.text(from: 0, count: n - 1)
      return NameFilter.accepts(text) ? text : nil
    }
  }
}
