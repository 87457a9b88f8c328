/// What the scanner measured on one line of a document: where its text is and the shallow
/// features the classifier decides with.
struct LineFeatures: Equatable {
  /// Byte range of the line's text without indentation and trailing blanks.
  var start = 0
  var end = 0
  /// Whether a blank line precedes this line (directly or after removed lines).
  var blankBefore = false
  /// Code points of text (excluding spaces).
  var length = 0
  /// Words, stop words, words starting with a capital, words with a digit.
  var words = 0
  var stops = 0
  var capitalised = 0
  var numeric = 0
  /// Boilerplate phrase matches and signal-word matches, and the words they cover.
  var strongHits = 0
  /// Matches of phrases that open the part after an article ("related articles", "comments").
  var terminalHits = 0
  var weakHits = 0
  var hitWords = 0
  /// The whole line is a button or menu label.
  var isLabel = false
  /// The last word is an alt-text word ("logo", "icon"); `altWords` counts them anywhere.
  var endsWithAltText = false
  var altWords = 0
  /// The last visible character ends a sentence (`.`, `!`, `?`, a closing quote after one, ...).
  var endsSentence = false
  /// The last visible character is a colon.
  var endsWithColon = false
  /// The line ends with an ellipsis (`…` or `..`): a sentence trailing off, or a cut teaser.
  var endsWithEllipsis = false
  /// The line starts with an en or em dash and a space: a line of dialogue or the attribution
  /// of a quote ("– Dann sag es nicht", "— Jane Doe (@jane) May 1, 2020").
  var startsWithDash = false
  /// The last visible character is a parenthesis (closing a remark, or an emoticon: `=)`).
  var endsWithParenthesis = false
  /// Sentence ends inside the line (`. ` followed by more text).
  var sentenceMarks = 0
  /// Isolated separators between spaces (`›`, `»`, `|`, `>`, `/`, `•`, `·`, `–`).
  var separators = 0
  /// Runs of three or more spaces inside the text (table columns laid side by side).
  var gaps = 0
  /// The line starts with a list marker (`*`, `+`, `o`, `-`, `•`) or a number (`1.`).
  var bullet = Bullet.none
  /// A picture or source credit: a credit word before a colon or after `(` ("Foto: dpa").
  var credit = false
  /// The line contains `©`; it starts with it.
  var copyright = false
  var startsWithCopyright = false
  /// The line starts with a boilerplate phrase and a colon ("Read also: ...", "Lea más: ...").
  var startsWithLabel = false
  /// The first word is a byline word ("by", "von", "par", ...).
  var startsWithBy = false

  enum Bullet: UInt8 { case none, symbol, number }

  /// Stop words per word.
  var density: Double { words == 0 ? 0 : Double(stops) / Double(words) }

  /// Whether the line has no visible text.
  var isBlank: Bool { start >= end }

  /// Reads like running prose: several words, a sentence end and some function words.
  var isProse: Bool { words >= 6 && endsSentence && density >= 0.15 }

  /// A smiley on its own (`:)`, `=(`, `;-)`): a few symbols ending with a parenthesis.
  var isEmoticon: Bool { words == 0 && length >= 2 && length <= 4 && endsWithParenthesis }

  /// Reads like a short sentence (a quote, a one-line paragraph).
  var isSentence: Bool {
    words >= 3 && stops >= 1 && endsSentence && separators < 2 && (bullet == .none || words >= 6)
  }
}
