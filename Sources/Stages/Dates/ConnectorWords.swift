/// Small words that join the parts of a date or a time, matched case-insensitively (ASCII).
enum ConnectorWords {
  /// Between a weekday and its date: "Dienstag, den 31. Oktober", "lundi le 2".
  static let weekdayJoints: [StaticString] = ["den", "le", "el", "the", "de"]
  /// Between day, month and year: "3rd of July", "3 de julio de 2023".
  static let dayMonthYear: [StaticString] = ["of", "de", "del", "di", "du"]
  /// After a day number: "3rd", "1er", "2e", "2ème".
  static let ordinalSuffixes: [StaticString] = ["st", "nd", "rd", "th", "er", "e", "eme", "ème"]
  /// Between a date and its time: "at 9:05", "um 13:02", "a las 22:04", "alle 16:58".
  static let beforeTime: [StaticString] = [
    "at", "um", "a las", "a la", "alle", "ore", "om", "kl", "klo", "o",
  ]
  /// Between the two times of a range: "10:00 bis 11:30", "10:00 to 11:30".
  static let timeRange: [StaticString] = ["bis", "to", "until", "a", "à", "al", "tot", "до"]
  /// After a time: "13:02 Uhr", "22:04h".
  static let afterTime: [StaticString] = ["uhr", "h", "hs", "hrs"]
}
