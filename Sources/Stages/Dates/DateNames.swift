/// What a month or weekday word means.
struct DateName: Sendable, Equatable {
  /// 1 ... 12, or 0 when the word is not a month.
  var month: Int8
  /// 1 = Monday ... 7 = Sunday, or 0 when the word is not a weekday.
  var weekday: Int8
  /// The word is also an everyday word somewhere ("may", "mar", "set", "out"), so it needs a
  /// year beside it before it counts as a date.
  var commonWord: Bool

  /// Combines two readings of the same spelling (French "mar" is Tuesday, English "Mar" March).
  static func merge(_ a: DateName, _ b: DateName) -> DateName {
    DateName(
      month: a.month != 0 ? a.month : b.month, weekday: a.weekday != 0 ? a.weekday : b.weekday,
      commonWord: a.commonWord || b.commonWord)
  }
}

/// Month and weekday names in English, German, French, Spanish, Italian, Dutch, Portuguese,
/// Russian and Kazakh (plus Catalan and Polish), with abbreviations, inflected forms (Russian
/// genitive, Kazakh locative and genitive) and spellings without diacritics.
enum DateNames {
  /// Month words, index 0 = January. Each string lists space-separated spellings.
  static let months: [String] = [
    // January
    "january jan janv januar jänner jaenner janner jän janvier enero ene gennaio gen januari"
      + " janeiro январь января янв қаңтар қаңтарда қаңтардың qańtar qantar gener styczeń"
      + " stycznia sty",
    // February
    "february feb febr februar feber février fevrier févr fevr fév fev febrero febbraio"
      + " februari fevereiro февраль февраля фев февр ақпан ақпанда ақпанның aqpan febrer luty"
      + " lutego lut",
    // March
    "march mar märz maerz marz mär mrz mars marzo maart mrt março marco март марта наурыз"
      + " наурызда наурыздың naýryz nauryz març marc marzec marca",
    // April
    "april apr avril avr abril abr aprile apr. апрель апреля сәуір сәуірде сәуірдің sáýir"
      + " sauir kwiecień kwietnia kwi",
    // May
    "may mai mayo maggio mag mei maio май мая мамыр мамырда мамырдың mamyr maig maj maja",
    // June
    "june jun juni juin junio giugno giu juny junho июнь июня июн маусым маусымда маусымның"
      + " maýsym mausym czerwiec czerwca cze",
    // July
    "july jul juli juillet juil julio luglio lug juliol julho июль июля июл шілде шілдеде"
      + " шілденің shilde lipiec lipca lip",
    // August
    "august aug août aout agosto ago augustus agost август августа авг тамыз тамызда"
      + " тамыздың tamyz sierpień sierpnia sie",
    // September
    "september sep sept septembre septiembre setiembre set settembre setembro setembre"
      + " сентябрь сентября сен сент қыркүйек қыркүйекте қыркүйектің qyrkúiek qyrkuiek"
      + " wrzesień września wrz",
    // October
    "october oct okt oktober octobre octubre ottobre ott outubro out octubre октябрь"
      + " октября окт қазан қазанда қазанның qazan październik października paź",
    // November
    "november nov novembre noviembre novembro ноябрь ноября ноя нояб қараша қарашада"
      + " қарашаның qarasha listopad listopada lis",
    // December
    "december dec dez dezember décembre decembre déc diciembre dic dicembre dezembro"
      + " desembre декабрь декабря дек желтоқсан желтоқсанда желтоқсанның jeltoqsan"
      + " grudzień grudnia gru",
  ]

  /// Weekday words, index 0 = Monday.
  static let weekdays: [String] = [
    "monday mon montag lundi lun lunes lunedì lunedi maandag segunda-feira segunda seg"
      + " понедельник дүйсенбі dilluns poniedziałek",
    "tuesday tue tues dienstag mardi mar martes martedì martedi dinsdag terça-feira"
      + " terca-feira terça terca ter вторник сейсенбі dimarts wtorek",
    "wednesday wed mittwoch mercredi mer miércoles miercoles mié mie mercoledì mercoledi"
      + " woensdag quarta-feira quarta qua среда сәрсенбі dimecres środa",
    "thursday thu thur thurs donnerstag jeudi jeu jueves jue giovedì giovedi gio donderdag"
      + " quinta-feira quinta qui четверг бейсенбі dijous czwartek",
    "friday fri freitag vendredi ven viernes vie venerdì venerdi vrijdag sexta-feira"
      + " sexta sex пятница жұма divendres piątek",
    "saturday sat samstag sonnabend samedi sam sábado sabado sáb sab sabato zaterdag"
      + " суббота сенбі dissabte sobota",
    "sunday sun sonntag dimanche dim domingo dom domenica zondag воскресенье"
      + " жексенбі diumenge niedziela",
  ]

  /// Spellings that are everyday words in some language, so they only count as a month next
  /// to a year.
  static let commonWords: Set<String> = [
    "may", "mar", "march", "mars", "set", "out", "ago", "gen", "sept", "august", "mag", "lip",
    "lis", "sie", "maj", "marc", "mai",
  ]

  /// The trie over every month and weekday spelling, built from the lists' bytes (no per-word
  /// strings).
  static let trie: NameTrie<DateName> = {
    var builder = NameTrieBuilder<DateName>(merge: DateName.merge)
    let common = commonWords.map { Array($0.utf8) }
    for (index, list) in months.enumerated() {
      forEachWord(in: list) { word in
        // "apr." is "apr".
        let w = word.last == 46 ? UnsafeBufferPointer(rebasing: word.dropLast()) : word
        let isCommon = common.contains { $0.elementsEqual(w) }
        builder.insert(
          utf8: w, DateName(month: Int8(index + 1), weekday: 0, commonWord: isCommon))
      }
    }
    for (index, list) in weekdays.enumerated() {
      forEachWord(in: list) { word in
        builder.insert(utf8: word, DateName(month: 0, weekday: Int8(index + 1), commonWord: true))
      }
    }
    return NameTrie(builder)
  }()

  /// Calls `body` with the bytes of each space-separated word of `list`.
  private static func forEachWord(
    in list: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var list = list
    list.withUTF8 { p in
      var start = 0
      for i in 0...p.count where i == p.count || p[i] == 32 {
        if i > start { body(UnsafeBufferPointer(rebasing: p[start..<i])) }
        start = i + 1
      }
    }
  }
}
