/// What a word just before a date says about it.
enum DateLabel: Int8, Sendable, Comparable {
  /// No label.
  case none = 0
  /// A date that is not the publication: "deadline", "until", "bis", "since", "born", "today".
  case event = 1
  /// "Updated", "modified", "aktualisiert", "Stand", "mis à jour": a revision date.
  case updated = 2
  /// A byline ("By Jane Doe", "von", "par", "por") before the date.
  case byline = 3
  /// "Date", "Datum", "Fecha", "Дата".
  case date = 4
  /// "Published", "Posted", "Veröffentlicht", "publié", "Publicado", "Опубликовано", ...
  case published = 5

  static func < (a: DateLabel, b: DateLabel) -> Bool { a.rawValue < b.rawValue }

  /// Keeps the more telling label when one spelling has two readings.
  static func merge(_ a: DateLabel, _ b: DateLabel) -> DateLabel { max(a, b) }
}

/// Label words in the supported languages, matched case-insensitively before a date.
enum DateLabels {
  static let published = [
    "published", "publish date", "publication date", "date published", "first published",
    "posted", "posted on", "released", "erschienen", "veröffentlicht", "veroeffentlicht",
    "veröffentlichung", "erstellt", "created", "publié", "publiée", "publie", "publiee",
    "créé", "cree", "publicado", "publicada", "publicación", "publicacion", "pubblicato",
    "pubblicata", "pubblicazione", "gepubliceerd", "geplaatst", "publicação", "publicacao",
    "опубликовано", "опубликован", "опубликована", "дата публикации", "жарияланды",
    "жарияланған", "жариялау", "dodano", "opublikowano", "publikacja",
  ]
  static let date = ["date", "dated", "datum", "fecha", "data", "дата", "күні", "online"]
  static let updated = [
    "updated", "last updated", "update", "last update", "modified", "last modified",
    "revised", "revision", "aktualisiert", "zuletzt aktualisiert", "aktualisierung",
    "letzte aktualisierung", "geändert", "stand", "actualizado", "actualizada",
    "actualización", "actualizacion", "mis à jour", "mise à jour", "mis a jour", "modifié",
    "modifie", "aggiornato", "aggiornata", "aggiornamento", "bijgewerkt", "gewijzigd",
    "atualizado", "atualizada", "atualização", "atualizacao", "обновлено", "обновлен",
    "обновлён", "жаңартылды", "zaktualizowano", "aktualizacja",
  ]
  static let byline = ["by", "von", "par", "por", "di", "door", "автор", "words by"]
  static let event = [
    "deadline", "until", "till", "bis", "since", "seit", "born", "geboren", "died",
    "gestorben", "expires", "expiry", "effective", "valid", "gültig", "hasta", "desde",
    "jusqu'au", "jusqu’au", "depuis", "dal", "fino al", "sinds", "tot", "até", "ate", "до",
    "today", "heute", "current date", "aktuelles datum", "aujourd'hui", "aujourd’hui", "hoy",
    "oggi", "vandaag", "hoje", "сегодня", "бүгін", "from", "between", "ab", "à partir du",
    "a partir de", "bis zum", "vanaf",
  ]

  /// The trie over every label.
  static let trie: NameTrie<DateLabel> = {
    var words: [(String, DateLabel)] = []
    for w in published { words.append((w, .published)) }
    for w in date { words.append((w, .date)) }
    for w in updated { words.append((w, .updated)) }
    for w in byline { words.append((w, .byline)) }
    for w in event { words.append((w, .event)) }
    return NameTrie(words, merge: DateLabel.merge)
  }()
}
