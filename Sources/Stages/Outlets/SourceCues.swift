/// The kinds of evidence for an outlet. Votes of one kind add up with diminishing returns, votes
/// of different kinds add up fully, so a name seen in several roles beats one seen often in one.
enum EvidenceKind: Int, Sendable, CaseIterable {
  /// A copyright line: `© 2023 The Washington Times, LLC`.
  case copyright
  /// A republishing notice: `…published on The Qazaqstan Monitor website may be used…`.
  case republishing
  /// Logo alt-text: `QazMonitor Logo`.
  case logo
  /// Newsletter and social calls: `Get The Astana Times stories…`, `Follow X on Twitter`.
  case newsletter
  /// Site chrome naming the site: `About X`, `More from X`, `Advertise with X`, `X-Redaktion`.
  case chrome
  /// The site describing itself: `X is part of…`, `X is a registered trademark`.
  case selfDescription
  /// The page's URL printed in the text: `Printed from https://site/…`.
  case printedURL
  /// A title suffix or tagline in the first lines: `Headline | X`, `X - tagline`.
  case title
  /// A short brand line at the top, repeated at the bottom.
  case header
  /// A wire dateline: `LONDON (Reuters) -`, `ASTANA. KAZINFORM -`.
  case dateline
  /// A byline naming the outlet: `By Susan Ferrechio - The Washington Times`.
  case byline
  /// `X reports` / `according to X` in the lead of the article.
  case reportsLead
  /// `X reported` / `according to X` / `told X` further down: usually a quoted source.
  case reportsBody
  /// The site's own domain in an e-mail address or link.
  case domain
  /// A listed outlet named in the page chrome (short lines at the top or bottom).
  case mentionChrome
  /// A listed outlet named in running text.
  case mentionBody
  /// The site's own domain by where it stands: on a line of its own (a logo's text), or written
  /// on several lines of the page (header and footer, imprint and contact lines).
  case siteDomain
}

/// How a cue phrase relates to the outlet name next to it.
enum CueShape: Sendable {
  /// The name follows the phrase: `More from X`, `according to X`.
  case nameAfter
  /// The name precedes the phrase: `X Newsletter`, `X reports`.
  case nameBefore
  /// The phrase marks a copyright line: `Copyright`, `All rights reserved`.
  case copyright
  /// A URL of the page follows the phrase: `Printed from https://…`.
  case urlAfter
  /// The word joined to the phrase by a hyphen is the name: `LAOLA1-Redaktion`.
  case hyphenSuffix
}

/// A phrase that announces an outlet name next to it, and how much that is worth.
struct Cue: Sendable {
  var phrase: String
  var shape: CueShape
  var kind: EvidenceKind
  var weight: Double
  /// The phrase must open its line (after list bullets).
  var lineStart = false
  /// The line may have at most this many words (0: no limit).
  var maxWords = 0
  /// `nameAfter`: the word after the name must be one of these ("" allows the end of the line).
  var until: [String] = []
  /// `nameBefore`: the name must start right after one of these words.
  var from: [String] = []
  /// The weight outside the article's lead, for report verbs (`nil`: the same everywhere).
  var bodyWeight: Double? = nil
  /// The vote only strengthens a name that has other evidence (weak cues such as `Search X`).
  var supportOnly = false
}

extension Cue {
  static func after(
    _ phrase: String, _ kind: EvidenceKind, _ weight: Double, lineStart: Bool = false,
    maxWords: Int = 0,
    until: [String] = [], bodyWeight: Double? = nil, supportOnly: Bool = false
  ) -> Cue {
    Cue(
      phrase: phrase, shape: .nameAfter, kind: kind, weight: weight, lineStart: lineStart,
      maxWords: maxWords,
      until: until, bodyWeight: bodyWeight, supportOnly: supportOnly)
  }

  static func before(
    _ phrase: String, _ kind: EvidenceKind, _ weight: Double, lineStart: Bool = false,
    maxWords: Int = 0,
    from: [String] = [], bodyWeight: Double? = nil, supportOnly: Bool = false
  ) -> Cue {
    Cue(
      phrase: phrase, shape: .nameBefore, kind: kind, weight: weight, lineStart: lineStart,
      maxWords: maxWords,
      from: from, bodyWeight: bodyWeight, supportOnly: supportOnly)
  }

  static func copyright(_ phrase: String) -> Cue {
    Cue(phrase: phrase, shape: .copyright, kind: .copyright, weight: 10)
  }
}

/// The cue phrases `detect-source` looks for (English, German, French, Spanish, Portuguese,
/// Italian, Dutch, Polish). They are language patterns, not outlet data.
enum SourceCues {
  static let social = ["on", "auf", "sur", "en", "bei", "via", "in", "at", ""]

  static let all: [Cue] = [
    // Copyright and rights lines (the line is parsed as a whole).
    .copyright("copyright"), .copyright("all rights reserved"), .copyright("some rights reserved"),
    .copyright("alle rechte vorbehalten"), .copyright("alle rechte beim"),
    .copyright("einige rechte vorbehalten"),
    .copyright("todos los derechos reservados"), .copyright("derechos reservados"),
    .copyright("tous droits réservés"), .copyright("tous droits reserves"),
    .copyright("todos os direitos reservados"), .copyright("tutti i diritti riservati"),
    .copyright("riproduzione riservata"), .copyright("alle rechten voorbehouden"),
    .copyright("wszelkie prawa zastrzeżone"), .copyright("urheberrecht"),

    // Republishing notices: the outlet asks to be credited.
    .after(
      "published on", .republishing, 10, until: ["website", "site", "web", "portal", "webpage"]),
    .after("published by", .republishing, 6, until: ["website", "site", "portal"]),
    .after("hyperlink to", .republishing, 9),
    .after("hyperlink on", .republishing, 9),
    .after(
      "reference to", .republishing, 6, until: ["is", "are", "required", "mandatory", "obligatory"]),
    .after("link to", .republishing, 6, until: ["is", "required", "mandatory", "obligatory"]),

    // Logo alt-text.
    .before("logo", .logo, 6, maxWords: 6),
    .after("logo", .logo, 6, lineStart: true, maxWords: 5),
    .after("logo of", .logo, 6, maxWords: 8),
    .after("logo von", .logo, 6, maxWords: 8),

    // Newsletter, subscription and social calls.
    .before("stories", .newsletter, 6, from: ["get"]),
    .before("newsletter", .newsletter, 3),
    .before("newsletters", .newsletter, 3),
    .after("newsletter de", .newsletter, 4),
    .after("newsletter du", .newsletter, 4),
    .after("newsletter von", .newsletter, 4),
    .after("newsletter of", .newsletter, 4),
    .after("subscribe to", .newsletter, 3.5),
    .after("sign up for", .newsletter, 3.5),
    .after("thank you for signing up to", .newsletter, 5),
    .after("thank you for signing up for", .newsletter, 5),
    .after("thanks for signing up to", .newsletter, 5),
    .after("thanks for signing up for", .newsletter, 5),
    .after("thanks for subscribing to", .newsletter, 5),
    .after("thank you for subscribing to", .newsletter, 5),
    .after("stay connected with", .newsletter, 4),
    .after("stay up to date with", .newsletter, 4),
    .after("get the best of", .newsletter, 4),
    .after("follow", .newsletter, 5, maxWords: 9, until: social),
    .after("folllow", .newsletter, 5, maxWords: 9, until: social),
    .after("folgen sie", .newsletter, 5, maxWords: 9, until: social),
    .after(
      "like", .newsletter, 3, lineStart: true, maxWords: 7, until: ["on", "auf", "sur"],
      supportOnly: true),
    .after("abonnez-vous à", .newsletter, 4),
    .after("suscríbete a", .newsletter, 4),
    .after("assine", .newsletter, 3, lineStart: true, maxWords: 5, supportOnly: true),
    .after("abonnieren sie", .newsletter, 4),
    .before("abonnieren", .newsletter, 4, maxWords: 4, supportOnly: true),
    .before("abo", .newsletter, 3, maxWords: 4, supportOnly: true),
    .before("on facebook", .newsletter, 2.5, maxWords: 7),
    .before("auf facebook", .newsletter, 2.5, maxWords: 7),
    .before("on twitter", .newsletter, 2.5, maxWords: 7),
    .before("auf twitter", .newsletter, 2.5, maxWords: 7),
    .before("on instagram", .newsletter, 2.5, maxWords: 7),
    .before("auf instagram", .newsletter, 2.5, maxWords: 7),
    .before("app", .newsletter, 2.5, maxWords: 5, supportOnly: true),

    // Site chrome: navigation and footer lines naming the site.
    .after("about", .chrome, 5, lineStart: true, maxWords: 6),
    .after("über", .chrome, 4, lineStart: true, maxWords: 5),
    .after("à propos de", .chrome, 4, lineStart: true, maxWords: 7),
    .after("acerca de", .chrome, 4, lineStart: true, maxWords: 7),
    .after("sobre", .chrome, 3, lineStart: true, maxWords: 5, supportOnly: true),
    .after("contact", .chrome, 4, lineStart: true, maxWords: 6),
    .after("kontakt", .chrome, 3, lineStart: true, maxWords: 5, supportOnly: true),
    .after("mehr über", .chrome, 4, maxWords: 8),
    .after("mehr von", .chrome, 4, maxWords: 8),
    .after("mehr zum thema auf", .chrome, 4),
    .after("more from", .chrome, 5, maxWords: 8),
    .after("más sobre", .chrome, 3, maxWords: 8),
    .after("más información sobre", .chrome, 4, maxWords: 8),
    .after("advertise with", .chrome, 5),
    .after("advertise on", .chrome, 5),
    .after("advertising with", .chrome, 4),
    .after("werben auf", .chrome, 5),
    .after("werben bei", .chrome, 5),
    .after("werbung bei", .chrome, 4),
    .after("werbung auf", .chrome, 4),
    .after("publicite en", .chrome, 4),
    .after("publicidad en", .chrome, 4),
    .after("mediadaten", .chrome, 4, maxWords: 6, supportOnly: true),
    .after("jobs at", .chrome, 4),
    .after("jobs bei", .chrome, 4),
    .after("careers at", .chrome, 4),
    .after("work at", .chrome, 4, lineStart: true, maxWords: 6),
    .after("karriere bei", .chrome, 4),
    .after("trending on", .chrome, 4),
    .after("popular on", .chrome, 4),
    .after("most read on", .chrome, 4),
    .after("aktuell auf", .chrome, 3, lineStart: true, maxWords: 5, supportOnly: true),
    .after("auch auf", .chrome, 3, lineStart: true, maxWords: 5, supportOnly: true),
    .after("search", .chrome, 3, lineStart: true, maxWords: 5, supportOnly: true),
    .after("suche auf", .chrome, 3, supportOnly: true),
    .after("explore", .chrome, 3, lineStart: true, maxWords: 4, supportOnly: true),
    .after("discover", .chrome, 3, lineStart: true, maxWords: 4, supportOnly: true),
    .after("entdecken sie", .chrome, 3, maxWords: 6, supportOnly: true),
    .after("support", .chrome, 3, lineStart: true, maxWords: 5, supportOnly: true),
    .after("unterstütze", .chrome, 3, maxWords: 6, supportOnly: true),
    .after("unterstützen sie", .chrome, 3, maxWords: 8, supportOnly: true),
    .after("donate to", .chrome, 3, supportOnly: true),
    .after("welcome to", .chrome, 4, maxWords: 8),
    .after("willkommen bei", .chrome, 4, maxWords: 8),
    .after("willkommen auf", .chrome, 4, maxWords: 8),
    .after("bienvenue sur", .chrome, 4, maxWords: 8),
    .after("bienvenido a", .chrome, 4, maxWords: 8),
    .after("return to", .chrome, 3, maxWords: 9),
    .after("back to", .chrome, 2, lineStart: true, maxWords: 6, supportOnly: true),
    .after("zurück zu", .chrome, 2, lineStart: true, maxWords: 6, supportOnly: true),
    .after("regresar a", .chrome, 2, lineStart: true, maxWords: 6, supportOnly: true),
    .after("toggle navigation", .chrome, 4),
    .after("join", .chrome, 3, lineStart: true, maxWords: 4),
    .after("neu bei", .chrome, 3, lineStart: true, maxWords: 5),
    .before("durchsuchen", .chrome, 3, maxWords: 4),
    .before("als arbeitgeber", .chrome, 3, maxWords: 5),
    .after("redaktion", .chrome, 3, lineStart: true, maxWords: 4, supportOnly: true),
    .after("editorial team of", .chrome, 4),
    .after("all products recommended by", .chrome, 4),
    .after("why you can trust", .chrome, 4),
    .after("thank you for supporting", .chrome, 4),
    .after("thanks for reading", .chrome, 3),
    .after("do you enjoy reading", .chrome, 4),
    .after("sie lesen gern", .chrome, 4),
    .before("homepage", .chrome, 4, maxWords: 5),
    .before("home", .chrome, 2.5, maxWords: 4, supportOnly: true),
    .before("startseite", .chrome, 2.5, maxWords: 5, supportOnly: true),
    .before("main menu", .chrome, 3, maxWords: 5),
    .before("video", .chrome, 2, maxWords: 3, supportOnly: true),
    .before("shop", .chrome, 2, maxWords: 3, supportOnly: true),
    .before("podcast", .chrome, 2, maxWords: 3, supportOnly: true),
    .before("editorial team", .chrome, 3, maxWords: 6, supportOnly: true),
    .before("redaktion", .chrome, 3, maxWords: 4, supportOnly: true),
    .before("team", .chrome, 2, maxWords: 3, supportOnly: true),
    .before("staff", .chrome, 2, maxWords: 3, supportOnly: true),
    .before("newspaper", .chrome, 3, maxWords: 2),

    // German-style compounds: `LAOLA1-Redaktion`, `agrarheute-Newsletter`, `NZZ-Konto`.
    Cue(phrase: "redaktion", shape: .hyphenSuffix, kind: .chrome, weight: 3),
    Cue(phrase: "newsletter", shape: .hyphenSuffix, kind: .newsletter, weight: 3),
    Cue(phrase: "team", shape: .hyphenSuffix, kind: .chrome, weight: 2),
    Cue(phrase: "shop", shape: .hyphenSuffix, kind: .chrome, weight: 2),
    Cue(phrase: "abo", shape: .hyphenSuffix, kind: .newsletter, weight: 2),
    Cue(phrase: "app", shape: .hyphenSuffix, kind: .chrome, weight: 2),
    Cue(phrase: "apps", shape: .hyphenSuffix, kind: .chrome, weight: 2),
    Cue(phrase: "leser", shape: .hyphenSuffix, kind: .chrome, weight: 2),
    Cue(phrase: "konto", shape: .hyphenSuffix, kind: .chrome, weight: 2),
    Cue(phrase: "podcast", shape: .hyphenSuffix, kind: .chrome, weight: 2),
    Cue(phrase: "dossier", shape: .hyphenSuffix, kind: .chrome, weight: 2),
    Cue(phrase: "experte", shape: .hyphenSuffix, kind: .chrome, weight: 2),
    Cue(phrase: "artikel", shape: .hyphenSuffix, kind: .chrome, weight: 2),
    Cue(phrase: "interview", shape: .hyphenSuffix, kind: .chrome, weight: 2),
    Cue(phrase: "community", shape: .hyphenSuffix, kind: .chrome, weight: 2),
    Cue(phrase: "spende", shape: .hyphenSuffix, kind: .chrome, weight: 2),

    // The site describing itself (the name opens the line).
    .before("is part of", .selfDescription, 6, lineStart: true),
    .before("ist teil", .selfDescription, 6, lineStart: true),
    .before("is a registered trademark", .selfDescription, 6),
    .before("is a trademark", .selfDescription, 5),
    .before("ist eine eingetragene marke", .selfDescription, 6),
    .before("is supported by its audience", .selfDescription, 6),
    .before("is committed to", .selfDescription, 4, lineStart: true),
    .before("is not responsible", .selfDescription, 4, lineStart: true),
    .before("does not append", .selfDescription, 4, lineStart: true),
    .before("is owned and operated by", .selfDescription, 5, lineStart: true),
    .before("is funded by", .selfDescription, 4, lineStart: true),
    .before("is one of", .selfDescription, 3, lineStart: true),
    .before("is a journalistic", .selfDescription, 4, lineStart: true),
    .before("ist ein", .selfDescription, 3, lineStart: true),
    .before("ist eine", .selfDescription, 3, lineStart: true),
    .before("ist seit", .selfDescription, 3, lineStart: true),
    .before("steht für", .selfDescription, 3, lineStart: true),
    .before("es un", .selfDescription, 3, lineStart: true),
    .before("es una", .selfDescription, 3, lineStart: true),
    .before("est un", .selfDescription, 3, lineStart: true),
    .before("est une", .selfDescription, 3, lineStart: true),
    .before("è una", .selfDescription, 3, lineStart: true),
    .before("é um", .selfDescription, 3, lineStart: true),
    .before("é uma", .selfDescription, 3, lineStart: true),

    // The page's own URL printed by the site.
    Cue(phrase: "printed from", shape: .urlAfter, kind: .printedURL, weight: 8),
    Cue(phrase: "retrieved from", shape: .urlAfter, kind: .printedURL, weight: 7),
    Cue(phrase: "share this story", shape: .urlAfter, kind: .printedURL, weight: 5),
    Cue(phrase: "permalink", shape: .urlAfter, kind: .printedURL, weight: 5),
    Cue(phrase: "wayback machine", shape: .urlAfter, kind: .printedURL, weight: 9),

    // Reporting verbs: in the lead below a dateline (3.5), a quoted source further down.
    .before("reports citing", .reportsLead, 3.25),
    .before("reported citing", .reportsLead, 4, bodyWeight: 1),
    .before("correspondent reports", .reportsLead, 3.25),
    .before("correspondent", .reportsLead, 3, bodyWeight: 1),
    .before("reports", .reportsLead, 3, bodyWeight: 0.5),
    .before("reported", .reportsLead, 2.5, bodyWeight: 0.5),
    .before("berichtet", .reportsLead, 3, bodyWeight: 0.5),
    .before("berichtete", .reportsLead, 2.5, bodyWeight: 0.5),
    .before("informa", .reportsLead, 2.5, bodyWeight: 0.5),
    .after("according to", .reportsLead, 2.5, bodyWeight: 0.5),
    .after(
      "wie", .reportsLead, 2.5, until: ["berichtet", "berichtete", "meldet", "meldete"],
      bodyWeight: 0.5),
    .after("laut", .reportsLead, 2, bodyWeight: 0.5),
    .after("según", .reportsLead, 2.5, bodyWeight: 0.5),
    .after("de acuerdo con", .reportsLead, 2.5, bodyWeight: 0.5),
    .before("informó", .reportsLead, 2.5, bodyWeight: 0.5),
    .after("selon", .reportsLead, 2.5, bodyWeight: 0.5),
    .after("d'après", .reportsLead, 2.5, bodyWeight: 0.5),
    .after("secondo", .reportsLead, 2.5, bodyWeight: 0.5),
    .after("segundo", .reportsLead, 2.5, bodyWeight: 0.5),
    .before("apurou", .reportsLead, 2.5, bodyWeight: 0.5),
    .after("told", .reportsBody, 1),
    .after("sagte der", .reportsBody, 1),
  ]
}
