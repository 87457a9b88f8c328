/// Finds where a page's comment section starts: the first short line after the body has begun
/// that names comments or replies ("Kommentare", "6 Comments", "Leave a Reply", "Antworten").
/// Dates below it are when readers wrote, not when the article was published.
struct CommentSection: Sendable {
  /// Words that open a comment section or a comment, matched at a word start as prefixes.
  static let markers = [
    "comment", "kommentar", "leserkommentar", "commentaire", "comentario", "comentário",
    "commenti", "commento", "reactie", "comentarios", "comentários", "комментар", "пікір",
    "leave a reply", "reply", "antworten", "antwort", "répondre", "responder", "rispondi",
    "beantwoorden", "ответить",
  ]

  let trie = NameTrie(CommentSection.markers.map { ($0, true) }, merge: { a, _ in a })

  /// The longest line (in bytes) that can be a comment heading or a reply button.
  static let headingLength = 60

  /// The index of the first comment-section line in `layout`, or `layout.lines.count`.
  func start(in p: UnsafeBufferPointer<UInt8>, layout: TextLayout) -> Int {
    let cls = ByteClass.table
    for (index, line) in layout.lines.enumerated()
    where line.length > 0 && line.length <= CommentSection.headingLength
      && layout.proseBefore[index] >= 1
    {
      var inWord = false
      var i = line.start
      while i < line.end {
        let c = cls[Int(p[i])]
        let isWord = ByteClass.isWordByte(c)
        if isWord && !inWord && trie.canStart(p[i]),
          trie.longestMatch(in: p, at: i, accept: { _ in true }) != nil
        {
          return index
        }
        inWord = isWord
        i += 1
      }
    }
    return layout.lines.count
  }
}
