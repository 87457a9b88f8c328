/// Finds where a page's comment section starts: the first short line after the article's first
/// paragraph that names comments or replies ("Kommentare", "6 Comments", "Leave a Reply",
/// "Antworten", "Karl sagt:"). Dates below it are when readers wrote, not when the article was
/// published.
struct CommentSection: Sendable {
  /// Words that open a comment section or a comment, matched at a word start as prefixes:
  /// nouns ("Comments", "Kommentare"), reply buttons and comment headers ("Karl sagt:"), not the
  /// verbs of a share bar ("Commenter", "Kommentieren").
  static let markers = [
    "comments", "kommentar", "leserkommentar", "commentaire", "comentario", "comentário",
    "commenti", "commento", "reacties", "комментари", "пікірлер", "leave a reply", "reply",
    "antworten", "antwort", "répondre", "responder", "rispondi", "beantwoorden", "ответить",
    "says:", "said:", "wrote:", "writes:", "sagt:", "schreibt:", "meint:", "dit :", "dit:",
    "dice:", "disse:", "zegt:", "scrive:", "пишет:",
  ]

  /// The markers' trie (built once).
  static let markerTrie = NameTrie(CommentSection.markers.map { ($0, true) }, merge: { a, _ in a })

  let trie = CommentSection.markerTrie

  /// How many prose lines (the article) must come before a comment section.
  static let proseAbove = 1

  /// The longest line (in bytes) that can be a comment heading or a reply button.
  static let headingLength = 60

  /// The index of the first comment-section line in `layout` up to line `last`, or
  /// `layout.measuredCount`.
  func start(in p: UnsafeBufferPointer<UInt8>, layout: TextLayout, through last: Int) -> Int {
    for index in 0...last where layout.proseLinesBefore(index) >= CommentSection.proseAbove {
      let line = layout.line(index)
      guard line.length > 0, line.length <= CommentSection.headingLength else { continue }
      var found = false
      ByteClass.forEachWordStart(p, from: line.start, to: line.end) { i in
        if !found, trie.canStart(p, at: i),
          trie.longestMatch(in: p, at: i, accept: { _ in true }) != nil
        {
          found = true
          return line.end
        }
        return nil
      }
      if found { return index }
    }
    return layout.measuredCount
  }
}
