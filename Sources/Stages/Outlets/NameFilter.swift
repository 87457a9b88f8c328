/// Cleans candidate names (legal forms, years, generic trailing words) and rejects words that
/// are never an outlet's name (`us`, `Facebook`, `Newsletter`, `Impressum`).
enum NameFilter {
  /// Names that are never outlets, by name key: pronouns, page furniture, social networks.
  static let rejected: KeySet = KeySet([
    "us", "uns", "me", "mich", "mir", "you", "your", "him", "her", "them", "it", "this", "that",
    "our", "ours",
    "unsere", "unser", "unseren", "unserem", "nous", "vous", "nosotros", "nos", "noi", "ons", "ich",
    "wir",
    "author", "autor", "autorin", "authors", "editor", "editors", "redaktion", "team", "home",
    "start", "startseite",
    "menu", "menue", "navigation", "search", "suche", "newsletter", "newsletters", "facebook",
    "twitter",
    "instagram", "youtube", "linkedin", "xing", "pinterest", "tiktok", "whatsapp", "telegram",
    "snapchat",
    "google", "googlenews", "apple", "applenews", "rss", "rssfeed", "feed", "email", "mail",
    "print", "pdf",
    "share", "teilen", "comments", "kommentare", "kommentar", "privacy", "privacypolicy",
    "datenschutz",
    "impressum", "imprint", "terms", "termsofuse", "agb", "cookies", "cookie", "contact", "kontakt",
    "help",
    "hilfe", "faq", "login", "anmelden", "register", "registrieren", "account", "konto", "abo",
    "app", "apps",
    "podcast", "podcasts", "video", "videos", "live", "tv", "news", "nachrichten", "noticias",
    "noticia",
    "actualites", "artikel", "article", "articles", "story", "stories", "more", "mehr", "weitere",
    "alle", "all",
    "top", "neu", "new", "latest", "aktuell", "blog", "wiki", "forum", "shop", "store", "jobs",
    "karriere",
    "careers", "events", "veranstaltungen", "service", "services", "support", "partner", "partners",
    "sponsors",
    "werbung", "advertising", "anzeige", "anzeigen", "mediadaten", "presse", "press", "media",
    "medien", "today",
    "heute", "site", "website", "webseite", "seite", "page", "homepage", "portal", "magazine",
    "magazin",
    "zeitung", "journal", "photo", "photos", "foto", "fotos", "bild", "bilder", "image", "images",
    "credit",
    "getty", "gettyimages", "shutterstock", "istock", "adobestock", "imago", "pictures",
    "picturealliance",
    "unsplash", "depositphotos", "wordpress", "wordpresscom", "powered", "design", "theme",
    "themes", "reuters/",
    "a", "an", "and", "or", "und", "oder", "les", "las", "los", "der", "die", "das", "el", "le",
    "la", "il",
    "citing", "unknown", "anonymous", "staff", "admin", "administrator", "webmaster", "guest",
    "gast",
    "readers", "leser", "subscribers", "members", "mitglieder", "community", "everyone", "other",
    "others",
    "sources", "source", "quelle", "fuente", "source:", "officials", "police", "polizei",
    "government",
    "regierung", "ministry", "ministerium", "reporters", "journalists", "people", "experts",
    "analysts",
    "sie", "ihr", "er", "es", "ihn", "ihm", "dir", "dich", "yourself", "himself", "herself",
    "itself",
    "januar", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday",
    "sunday", "yesterday", "gestern", "now", "jetzt", "here", "hier", "there", "dort", "details",
    "info",
    "infos", "information", "informationen", "inhalt", "content", "contents", "sitemap", "archive",
    "archiv",
    "reddit/r", "click", "klicken", "here.", "read", "lesen", "weiterlesen", "readmore", "next",
    "previous",
    "zurueck", "back", "top10", "ok", "yes", "no", "ja", "nein", "tagged", "tags", "category",
    "kategorie",
    "logo", "icon", "copyright", "rights", "reserved", "beitrag", "beitraege", "post", "posts",
    "profil", "profile", "kanal", "channel", "list", "liste", "inscription", "inscripcion",
    "inscricao", "iscrizione", "abonnement", "suscripcion", "assinatura",
  ])
  .union(sectionWords)

  /// Words of menus and section names (`Advertise`, `Politik`, `Special reports`, `More from
  /// Relationships`): a name made only of these (and other rejected words) is never an outlet.
  static let sectionWords: KeySet = [
    "advertise", "werben", "preferences", "einstellungen", "settings", "special", "reports",
    "report", "keine", "kein", "programm", "tvprogramm", "politik", "politics", "wirtschaft",
    "economy", "economia", "business", "finanzas", "finanzen", "finance", "sport", "sports",
    "deportes", "kultur", "culture", "cultura", "relationships", "lifestyle", "health",
    "gesundheit", "salud", "reise", "reisen", "travel", "panorama", "entertainment",
    "opinion", "meinung", "lokales", "regional",
    "technology", "tech", "style", "food", "music", "musik", "books", "buecher", "film", "kino",
    "movies", "fashion", "mode", "beauty", "family", "familie", "education", "bildung",
  ]

  /// Legal forms stripped from the end of a company name (`GmbH`, `Inc.`, `S.A.`).
  static let legalSuffixes: KeySet = [
    "inc", "incorporated", "llc", "lllp", "llp", "lp", "ltd", "limited", "gmbh", "mbh", "ag", "se",
    "sa", "sas",
    "sarl", "sl", "slu", "spa", "srl", "bv", "nv", "co", "kg", "kgaa", "ohg", "ev", "gbr", "ug",
    "plc", "corp",
    "corporation", "pty", "pvt", "zrt", "kft", "as", "ab", "oy", "oyj", "aps", "sro", "spzoo",
    "doo", "ooo",
    "ao", "pao", "tov", "cie", "sac", "saa", "sab", "cv", "sapi", "ltda", "eireli", "inhaber",
  ]

  /// Words that mark a holder as a company behind the outlet (`Nexstar Media`, `Handelsblatt
  /// Media Group`) rather than the outlet's own brand: stripped like legal forms, and the vote
  /// counts less.
  static let corporateWords: KeySet = [
    "company", "group", "gruppe", "holding", "holdings", "international", "intl", "network",
    "networks",
    "publications", "publishing", "publishers", "verlag", "verlagsgesellschaft",
    "mediengesellschaft", "medien",
    "media", "communications", "newspapers", "broadcasting", "enterprises", "ventures", "editora",
    "editorial",
    "ediciones", "edizioni", "éditions", "editions", "sociedad", "anonima",
  ]

  /// Whether the holder of a copyright line is a company (a legal form or a corporate word).
  static func isCorporate(_ holder: String) -> Bool {
    NameWords.with(holder) { w in
      w.keys.contains { legalSuffixes.contains($0) || corporateWords.contains($0) }
    }
  }

  /// Generic words dropped from the end of a name read next to a cue (`SFGATE Newsletters`,
  /// `KTLA Mobile App`).
  static let trailingGeneric: KeySet = [
    "newsletter", "newsletters", "alerts", "app", "apps", "mobileapp", "stories", "updates",
    "customer",
    "customersupport", "support", "service", "team", "staff", "video", "videos", "events", "shop",
    "store", "tv",
    "podcast", "podcasts", "jobs", "careers", "logo", "icon", "homepage", "home", "website", "site",
    "redaktion",
    "newsroom", "mobile", "online-ausgabe", "epaper", "eepaper", "artikel",
  ]

  /// Words that never open an outlet's name: imperatives of calls to action, possessives,
  /// capitalised articles and prepositions, dates.
  static let badFirstWords: KeySet = [
    "get", "join", "sign", "subscribe", "follow", "read", "choose", "discover", "explore",
    "download", "register",
    "install", "try", "start", "watch", "listen", "click", "visit", "see", "view", "find", "browse",
    "learn",
    "choisissez", "abonnez", "inscrivez", "recevez", "decouvrez", "suscribete", "recibe",
    "descarga", "descarga",
    "descargue", "hol", "holen", "abonnieren", "bestellen", "melden", "erhalten", "lesen",
    "entdecken", "jetzt",
    "hier", "mehr", "zum", "zur", "den", "dem", "des", "ein", "eine", "einen", "einem", "al", "del",
    "au", "aux",
    "du", "our", "your", "my", "unsere", "unser", "ihre", "ihr", "mein", "meine", "notre", "nos",
    "vos", "votre",
    "nuestro", "nuestra", "nuestros", "tu", "tus", "su", "sus", "this", "these", "diese", "dieser",
    "dieses",
    "direkt", "kostenlos", "gratis", "alle", "all", "weitere", "more", "mon", "tue",
    "wed", "thu", "fri", "sat", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct",
    "nov", "dec", "mo", "di", "mi", "do", "fr", "sa", "so", "lun", "mar", "mer", "jeu", "ven",
    "sam", "dim",
    "skip", "link", "links", "springe", "springen", "toggle", "menu", "menue", "back", "zurueck",
    "go", "to", "for", "from", "with",
    "and", "or", "und", "oder", "by", "von", "via", "bei", "auf", "im", "in", "on", "at", "aus",
    "mit", "fuer",
    "us", "uns", "me", "mich", "nous", "vous", "you", "we", "wir", "open", "close", "show", "hide",
    "expand", "assine", "nossa", "nosso", "nossas", "nossos", "iscriviti", "abonnati", "abbonati",
    "suscribete",
  ]

  /// The word keys of `name`, without "the" (for comparing names word by word).
  static func wordKeys(_ name: String) -> [String] {
    NameWords.with(name) { w in w.keys.filter { !$0.isEmpty && $0 != "the" } }
  }

  /// `name` without leading prepositions and calls to action (`by X`, `Link zu X`), trailing
  /// legal forms (with `legal`), years and generic words (with `generic`: `SFGATE Newsletters`,
  /// `Campact-Team`); `nil` when nothing acceptable is left.
  static func clean(_ name: String, legal: Bool, generic: Bool) -> String? {
    NameWords.with(name) { w in clean(&w, legal: legal, generic: generic) }
  }

  /// ``clean(_:legal:generic:)`` on a name already split into words.
  private static func clean(_ w: inout NameWords, legal: Bool, generic: Bool) -> String? {
    guard !w.ranges.isEmpty else { return nil }
    while w.count > 1 {
      let key = w.keys[0]
      let lowerConnector = NameReader.connectorKeys.contains(key) && w.startsLower(0)
      guard badFirstWords.contains(key) || lowerConnector else { break }
      w.removeFirst()
    }
    while w.count > 1 {
      let i = w.count - 1
      let key = w.keys[i]
      if w.isYearLike(i) || key.isEmpty
        || (legal && (legalSuffixes.contains(key) || corporateWords.contains(key)))
        || (generic && trailingGeneric.contains(key)) || NameReader.connectorKeys.contains(key)
        || (key.count == 1 && w.bytes[w.ranges[i].upperBound - 1] == 0x2E)
      {
        w.removeLast()
        continue
      }
      break
    }
    if generic && w.count == 1 { w.dropHyphenatedGeneric() }
    if legal && w.count == 1 { w.dropHyphenated(corporateWords) }
    w.trimPunctuation()
    guard !w.ranges.isEmpty else { return nil }
    return accepts(w) ? w.text : nil
  }

  /// Parts of names that belong to an agency's sources, not to an outlet.
  static let departments: [[UInt8]] = [
    "pressservice", "pressoffice", "pressestelle", "spokes", "sprecher", "ministry", "ministerium",
  ].map { Array($0.utf8) }

  /// Bytes that never occur in an outlet's name (markup, handles, tags).
  static let forbidden: [Bool] = (0...255).map { b in "=<>{}[]\"@#\\|".utf8.contains(UInt8(b)) }

  /// Whether `name` can be an outlet name at all.
  static func accepts(_ name: String) -> Bool {
    NameWords.with(name) { accepts($0) }
  }

  static func accepts(_ w: NameWords) -> Bool {
    guard !w.ranges.isEmpty, w.count <= 7 else { return false }
    let span = w.ranges[0].lowerBound..<w.ranges[w.count - 1].upperBound
    guard span.count <= 64 else { return false }
    for k in span where forbidden[Int(w.bytes[k])] { return false }
    var key = w.joinedKey
    if key.hasPrefix("the") { key.removeFirst(3) }
    guard key.utf8.count >= 2, key.utf8.contains(where: { $0 >= 0x61 || $0 >= 0x80 }) else {
      return false
    }
    if rejected.contains(key) || badFirstWords.contains(w.keys[0]) { return false }
    // Counts (`22.700 Follower`, `1,2 Mio.`) are not names.
    let first = w.ranges[0]
    if w.bytes[first.lowerBound] &- 0x30 < 10,
      first.contains(where: { w.bytes[$0] == 0x2E || w.bytes[$0] == 0x2C }),
      w.count > 1
    {
      return false
    }
    if w.keys.allSatisfy({ rejected.contains($0) || $0.isEmpty || $0 == "the" }) { return false }
    // An agency's own sources (a press service, a ministry) are not the outlet.
    return !namesDepartment(key)
  }

  /// Whether a name key contains one of ``departments``: one pass over the key, comparing only
  /// where a department's first letter (`p`, `s`, `m`) stands.
  static func namesDepartment(_ key: String) -> Bool {
    var key = key
    return key.withUTF8 { k in
      let parts = departments
      for start in k.indices {
        let b = k[start]
        guard b == 0x70 || b == 0x73 || b == 0x6D else { continue }
        for part in parts where part[0] == b && k.count - start >= part.count {
          if UnsafeBufferPointer(rebasing: k[start..<(start + part.count)]).elementsEqual(part) {
            return true
          }
        }
      }
      return false
    }
  }
}
