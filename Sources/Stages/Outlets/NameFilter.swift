import Foundation

/// Cleans candidate names (legal forms, years, generic trailing words) and rejects words that
/// are never an outlet's name (`us`, `Facebook`, `Newsletter`, `Impressum`).
enum NameFilter {
  /// Names that are never outlets, by name key: pronouns, page furniture, social networks.
  static let rejected: Set<String> = [
    "us", "uns", "me", "mich", "mir", "you", "your", "him", "her", "them", "it", "this", "that", "our", "ours",
    "unsere", "unser", "unseren", "unserem", "nous", "vous", "nosotros", "nos", "noi", "ons", "ich", "wir",
    "author", "autor", "autorin", "authors", "editor", "editors", "redaktion", "team", "home", "start", "startseite",
    "menu", "menue", "navigation", "search", "suche", "newsletter", "newsletters", "facebook", "twitter",
    "instagram", "youtube", "linkedin", "xing", "pinterest", "tiktok", "whatsapp", "telegram", "snapchat",
    "google", "googlenews", "apple", "applenews", "rss", "rssfeed", "feed", "email", "mail", "print", "pdf",
    "share", "teilen", "comments", "kommentare", "kommentar", "privacy", "privacypolicy", "datenschutz",
    "impressum", "imprint", "terms", "termsofuse", "agb", "cookies", "cookie", "contact", "kontakt", "help",
    "hilfe", "faq", "login", "anmelden", "register", "registrieren", "account", "konto", "abo", "app", "apps",
    "podcast", "podcasts", "video", "videos", "live", "tv", "news", "nachrichten", "noticias", "noticia",
    "actualites", "artikel", "article", "articles", "story", "stories", "more", "mehr", "weitere", "alle", "all",
    "top", "neu", "new", "latest", "aktuell", "blog", "wiki", "forum", "shop", "store", "jobs", "karriere",
    "careers", "events", "veranstaltungen", "service", "services", "support", "partner", "partners", "sponsors",
    "werbung", "advertising", "anzeige", "anzeigen", "mediadaten", "presse", "press", "media", "medien", "today",
    "heute", "site", "website", "webseite", "seite", "page", "homepage", "portal", "magazine", "magazin",
    "zeitung", "journal", "photo", "photos", "foto", "fotos", "bild", "bilder", "image", "images", "credit",
    "getty", "gettyimages", "shutterstock", "istock", "adobestock", "imago", "pictures", "picturealliance",
    "unsplash", "depositphotos", "wordpress", "wordpresscom", "powered", "design", "theme", "themes", "reuters/",
    "a", "an", "and", "or", "und", "oder", "les", "las", "los", "der", "die", "das", "el", "le", "la", "il",
    "citing", "unknown", "anonymous", "staff", "admin", "administrator", "webmaster", "guest", "gast",
    "readers", "leser", "subscribers", "members", "mitglieder", "community", "everyone", "other", "others",
    "sources", "source", "quelle", "fuente", "source:", "officials", "police", "polizei", "government",
    "regierung", "ministry", "ministerium", "reporters", "journalists", "people", "experts", "analysts",
    "sie", "ihr", "er", "es", "ihn", "ihm", "dir", "dich", "yourself", "himself", "herself", "itself",
    "januar", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "yesterday", "gestern", "now", "jetzt", "here", "hier", "there", "dort", "details", "info",
    "infos", "information", "informationen", "inhalt", "content", "contents", "sitemap", "archive", "archiv",
    "reddit/r", "click", "klicken", "here.", "read", "lesen", "weiterlesen", "readmore", "next", "previous",
    "zurueck", "back", "top10", "ok", "yes", "no", "ja", "nein", "tagged", "tags", "category", "kategorie",
  ]

  /// Legal forms stripped from the end of a company name (`GmbH`, `Inc.`, `S.A.`).
  static let legalSuffixes: Set<String> = [
    "inc", "incorporated", "llc", "lllp", "llp", "lp", "ltd", "limited", "gmbh", "mbh", "ag", "se", "sa", "sas",
    "sarl", "sl", "slu", "spa", "srl", "bv", "nv", "co", "kg", "kgaa", "ohg", "ev", "gbr", "ug", "plc", "corp",
    "corporation", "pty", "pvt", "zrt", "kft", "as", "ab", "oy", "oyj", "aps", "sro", "spzoo", "doo", "ooo",
    "ao", "pao", "tov", "cie", "sac", "saa", "sab", "cv", "sapi", "ltda", "eireli", "inhaber",
  ]

  /// Words that mark a holder as a company behind the outlet (`Nexstar Media`, `Handelsblatt
  /// Media Group`) rather than the outlet's own name; kept in the name, but the vote counts less.
  static let corporateWords: Set<String> = [
    "company", "group", "gruppe", "holding", "holdings", "international", "intl", "network", "networks",
    "publications", "publishing", "publishers", "verlag", "verlagsgesellschaft", "mediengesellschaft", "medien",
    "media", "communications", "newspapers", "broadcasting", "enterprises", "ventures", "editora", "editorial",
    "ediciones", "edizioni", "éditions", "editions", "sociedad", "anonima",
  ]

  /// Whether the holder of a copyright line is a company (a legal form or a corporate word).
  static func isCorporate(_ holder: String) -> Bool {
    words(holder).contains { legalSuffixes.contains($0.key) || corporateWords.contains($0.key) }
  }

  /// Generic words dropped from the end of a name read next to a cue (`SFGATE Newsletters`,
  /// `KTLA Mobile App`).
  static let trailingGeneric: Set<String> = [
    "newsletter", "newsletters", "alerts", "app", "apps", "mobileapp", "stories", "updates", "customer",
    "customersupport", "support", "service", "team", "staff", "video", "videos", "events", "shop", "store", "tv",
    "podcast", "podcasts", "jobs", "careers", "logo", "icon", "homepage", "home", "website", "site", "redaktion",
    "newsroom", "mobile", "online-ausgabe", "epaper", "eepaper",
  ]

  /// Words that never open an outlet's name: imperatives of calls to action, possessives,
  /// capitalised articles and prepositions, dates.
  static let badFirstWords: Set<String> = [
    "get", "join", "sign", "subscribe", "follow", "read", "choose", "discover", "explore", "download", "register",
    "install", "try", "start", "watch", "listen", "click", "visit", "see", "view", "find", "browse", "learn",
    "choisissez", "abonnez", "inscrivez", "recevez", "decouvrez", "suscribete", "recibe", "descarga", "descarga",
    "descargue", "hol", "holen", "abonnieren", "bestellen", "melden", "erhalten", "lesen", "entdecken", "jetzt",
    "hier", "mehr", "zum", "zur", "den", "dem", "des", "ein", "eine", "einen", "einem", "al", "del", "au", "aux",
    "du", "our", "your", "my", "unsere", "unser", "ihre", "ihr", "mein", "meine", "notre", "nos", "vos", "votre",
    "nuestro", "nuestra", "nuestros", "tu", "tus", "su", "sus", "this", "these", "diese", "dieser", "dieses",
    "direkt", "kostenlos", "gratis", "alle", "all", "weitere", "more", "mon", "tue",
    "wed", "thu", "fri", "sat", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mo", "di", "mi", "do", "fr", "sa", "so", "lun", "mar", "mer", "jeu", "ven", "sam", "dim",
    "skip", "link", "links", "springe", "springen", "toggle", "menu", "menue", "back", "zurueck", "go", "to", "for", "from", "with",
    "and", "or", "und", "oder", "by", "von", "via", "bei", "auf", "im", "in", "on", "at", "aus", "mit", "fuer",
  ]

  /// The words of `name` split on spaces, with their keys.
  static func words(_ name: String) -> [(text: Substring, key: String)] {
    name.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map { ($0, NameKey.of(String($0))) }
  }

  /// `name` without trailing legal forms, years and generic words, and without a leading
  /// "by"/"von"; `nil` when nothing usable is left.
  static func clean(_ name: String, legal: Bool, generic: Bool) -> String? {
    var parts = words(name)
    // Leading prepositions and calls to action: `by X`, `Link zu X`.
    while let first = parts.first, parts.count > 1,
      badFirstWords.contains(first.key)
        || (NameReader.connectorKeys.contains(first.key) && !first.key.isEmpty && first.text.first?.isLowercase == true)
    {
      parts.removeFirst()
    }
    while let last = parts.last, parts.count > 1 {
      let key = last.key
      if isYearLike(last.text) || (legal && legalSuffixes.contains(key)) || (generic && trailingGeneric.contains(key))
        || key.isEmpty
      {
        parts.removeLast()
        continue
      }
      // `& Co. KG`, `e. V.`: drop a trailing `&` or single letters left over.
      break
    }
    while let last = parts.last, parts.count > 1,
      last.text == "&" || last.text == "-" || last.text == "–" || last.key.count == 1 && last.text.hasSuffix(".")
        || NameReader.connectorKeys.contains(last.key)
    {
      parts.removeLast()
    }
    // `Campact-Team`, `LN-Shop`: a generic word glued with a hyphen.
    if generic, parts.count == 1, let only = parts.first, let dash = only.text.lastIndex(of: "-"),
      trailingGeneric.contains(NameKey.of(String(only.text[only.text.index(after: dash)...]))),
      only.text.startIndex < dash
    {
      let head = only.text[..<dash]
      parts = [(head, NameKey.of(String(head)))]
    }
    var text = parts.map(\.text).joined(separator: " ")
    while let last = text.last, ",;:-–—|·•/".contains(last) { text.removeLast() }
    text = text.trimmingCharacters(in: .whitespaces)
    return accepts(text) ? text : nil
  }

  /// Whether `token` is a year or a year range (`2023`, `1998-2023`, `2010–2023,`).
  static func isYearLike(_ token: Substring) -> Bool {
    let digits = token.filter(\.isNumber).count
    guard digits == 4 || digits == 8 || digits == 2 else { return false }
    return token.allSatisfy { $0.isNumber || "-–/.,".contains($0) } && token.first?.isNumber == true
  }

  /// Whether `name` can be an outlet name at all.
  static func accepts(_ name: String) -> Bool {
    let key = NameKey.of(name)
    guard key.count >= 2, name.utf8.count <= 64 else { return false }
    guard key.contains(where: { $0.isLetter }) else { return false }
    if rejected.contains(key) { return false }
    let parts = words(name)
    guard parts.count <= 7 else { return false }
    if let first = parts.first, badFirstWords.contains(first.key) { return false }
    if parts.allSatisfy({ rejected.contains($0.key) || $0.key.isEmpty }) { return false }
    if name.contains(where: { "=<>{}[]\"@#\\|".contains($0) }) { return false }
    // An agency's own sources (a press service, a ministry) are not the outlet.
    for department in ["pressservice", "pressoffice", "pressestelle", "spokes", "sprecher", "ministry", "ministerium"]
    where key.contains(department) {
      return false
    }
    return true
  }
}
