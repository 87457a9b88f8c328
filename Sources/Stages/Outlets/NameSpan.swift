/// A name read from the text next to a cue: its byte range and how many words it has.
struct NameSpan: Sendable, Equatable {
  var start: Int
  var end: Int
  var words: Int
}

/// Reads outlet names next to cue phrases, byte by byte: runs of capitalised words (with
/// connectors such as `of`, `de`, `der` inside), a lone lower-case brand right at the cue
/// (`agrarheute-Newsletter`), domain names; stopping at punctuation and separators.
enum NameReader {
  /// Words that may join the capitalised words of a name (`Spektrum der Wissenschaft`,
  /// `La Voz de la Frontera`, `Tom's Hardware`), folded.
  static let connectorWords = [
    "of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "der", "die", "den",
    "dem",
    "la", "le", "les", "el", "los", "las", "lo", "y", "e", "et", "und", "and", "&", "for", "für",
    "van",
    "von", "am", "im", "an", "on", "in", "i", "d'", "l'", "the", "zu", "zum", "zur", "auf",
  ]
  static let connectors = WordSet(connectorWords)

  /// The connectors as name keys, for cleaning names after reading.
  static let connectorKeys = KeySet(connectorWords.map { NameKey.word($0) })

  /// Articles and contractions that open a noun phrase: reading backwards, a name stops there
  /// (`Abonniert den GROOVE Newsletter`), while `A la Carte` keeps its `la`.
  static let phraseOpeners = WordSet([
    "den", "dem", "des", "zum", "zur", "vom", "beim", "im", "ins", "einen", "einem",
  ])

  /// Romance articles (and `de`) inside a name (`A la Carte`, `La Voz de la Frontera`): reading
  /// backwards they join a name word before them, unlike `der`, `the` (`Folgen Sie der CHEMIE
  /// TECHNIK`).
  static let romanceArticles = WordSet(["la", "le", "les", "el", "los", "las", "lo", "l'", "de"])

  /// Lower-case articles skipped before a name (`Folgen Sie der CHEMIE TECHNIK`).
  static let articles = WordSet(
    [
      "the", "der", "die", "das", "den", "dem", "des", "la", "le", "les", "el", "los", "las", "il",
      "lo", "o", "a", "het", "de", "l'",
    ])

  /// Whether token `t` can be a word of a name on its own: capitalised, a number-led brand, or
  /// a domain name.
  static func isNameWord(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    guard !t.isEmptyCore, LineTokens.hasLetter(p, t) || isDigits(p, t) else { return false }
    if LineTokens.startsUpper(p, t) { return true }
    return looksLikeDomain(p, t)
  }

  /// Whether the core is all digits (`24`, `1337`), which can start a name (`20 Minuten`).
  static func isDigits(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    guard !t.isEmptyCore else { return false }
    for i in t.coreStart..<t.coreEnd where p[i] < 0x30 || p[i] > 0x39 { return false }
    return true
  }

  /// Whether the core looks like `name.tld` (a dot followed by two or more letters at the end).
  static func looksLikeDomain(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    var dot = -1
    var i = t.coreEnd - 1
    while i > t.coreStart {
      if p[i] == 0x2E {
        dot = i
        break
      }
      i -= 1
    }
    guard dot > t.coreStart, t.coreEnd - dot - 1 >= 2 else { return false }
    for k in (dot + 1)..<t.coreEnd where !((p[k] | 0x20) >= 0x61 && (p[k] | 0x20) <= 0x7A) {
      return false
    }
    return true
  }

  /// The name starting at `from` (right after a cue), within `from..<limit`, and the token that
  /// follows it (for `until` checks). `maxWords` bounds the name.
  static func after(
    _ p: UnsafeBufferPointer<UInt8>, from: Int, limit: Int, maxWords: Int = 6
  ) -> (name: NameSpan, next: Token?)? {
    TokenRun.with(capacity: maxWords + 1) { tokens in
      after(p, from: from, limit: limit, maxWords: maxWords, tokens: &tokens)
    }
  }

  private static func after(
    _ p: UnsafeBufferPointer<UInt8>, from: Int, limit: Int, maxWords: Int, tokens: inout TokenRun
  ) -> (name: NameSpan, next: Token?)? {
    var pos = from
    var skippedArticle = false
    var next: Token? = nil
    while let t = LineTokens.next(p, from: pos, limit: limit) {
      pos = t.end
      if LineTokens.isSeparator(p, t) || t.isEmptyCore {
        next = t
        break
      }
      if tokens.isEmpty && !skippedArticle && !LineTokens.startsUpper(p, t)
        && articles.contains(p, t)
      {
        skippedArticle = true
        continue
      }
      if tokens.isEmpty {
        // The first word: a name word, or a lone lower-case brand that ends the phrase.
        if t.opens && !isNameWord(p, t) {
          next = t
          break
        }
        tokens.append(t)
        if t.closes || t.endsSentence { break }
        continue
      }
      if tokens.count >= maxWords || t.opens {
        next = t
        break
      }
      // A long number after the name is a count (`Steffi 1009 Artikel`), not part of it.
      if isDigits(p, t) && t.coreEnd - t.coreStart >= 3 {
        next = t
        break
      }
      if isNameWord(p, t) && (t.coreEnd - t.coreStart) > 0 {
        tokens.append(t)
        if t.closes || t.endsSentence { break }
        continue
      }
      // A connector joins only when a name word follows it.
      if connectors.contains(p, t), !t.closes, !t.endsSentence,
        let after = LineTokens.next(p, from: t.end, limit: limit), isNameWord(p, after),
        !LineTokens.isSeparator(p, after)
      {
        tokens.append(t)
        continue
      }
      next = t
      break
    }
    guard var first = tokens.first, var last = tokens.last else { return nil }
    // A lower-case first word stands alone as a brand only when nothing name-like follows it.
    if !isNameWord(p, first) && tokens.count > 1 { return nil }
    // Drop connectors left dangling at the end.
    var count = tokens.count
    while count > 1 && connectors.contains(p, tokens[count - 1]) { count -= 1 }
    last = tokens[count - 1]
    first = tokens[0]
    if next == nil, count == tokens.count {
      next = LineTokens.next(p, from: last.end, limit: limit)
    }
    return (NameSpan(start: first.coreStart, end: last.coreEnd, words: count), next)
  }

  /// The name ending right before `before` (a cue), within `floor..<before`. With `from`, the
  /// name must start right after one of those (folded) words.
  static func before(
    _ p: UnsafeBufferPointer<UInt8>, before: Int, floor: Int, maxWords: Int = 6,
    from: WordSet? = nil,
    allowDash: Bool = false
  ) -> NameSpan? {
    if let from {
      return between(p, anchors: from, before: before, floor: floor, maxWords: maxWords)
    }
    return TokenRun.with(capacity: maxWords + 1) { tokens in
      nameBefore(p, before: before, floor: floor, maxWords: maxWords, allowDash: allowDash, tokens: &tokens)
    }
  }

  private static func nameBefore(
    _ p: UnsafeBufferPointer<UInt8>, before: Int, floor: Int, maxWords: Int, allowDash: Bool,
    tokens: inout TokenRun
  ) -> NameSpan? {
    var pos = before
    var crossedDash = false
    while let t = LineTokens.previous(p, before: pos, floor: floor) {
      pos = t.start
      if LineTokens.isSeparator(p, t) {
        // `agrarheute - Newsletter`: one dash between the name and the cue.
        if allowDash && tokens.isEmpty && !crossedDash {
          crossedDash = true
          continue
        }
        break
      }
      if t.isEmptyCore || t.closes || t.endsSentence { break }
      if tokens.count >= maxWords { return span(tokens) }
      if tokens.isEmpty {
        if t.opens && !isNameWord(p, t) { break }
        tokens.prepend(t)
        // A lower-case word right at the cue is a one-word brand (`agrarheute Newsletter`).
        if t.opens || !isNameWord(p, t) { break }
        continue
      }
      if isNameWord(p, t) {
        tokens.prepend(t)
        if t.opens { break }
        continue
      }
      let word = WordSet.hash(p, t)
      if connectors.contains(hash: word) && !phraseOpeners.contains(hash: word)
        && (!articles.contains(hash: word) || romanceArticles.contains(hash: word))
        && tokens.count < maxWords
      {
        // Keep a connector only if a name word precedes it, perhaps across one more connector
        // (`Voz de la Frontera`); an article opens the phrase (`den GROOVE Newsletter`).
        if var prior = LineTokens.previous(p, before: t.start, floor: floor) {
          if connectors.contains(p, prior), !prior.closes, !prior.endsSentence,
            let earlier = LineTokens.previous(p, before: prior.start, floor: floor)
          {
            prior = earlier
          }
          if isNameWord(p, prior), !prior.closes, !prior.endsSentence {
            tokens.prepend(t)
            continue
          }
        }
      }
      break
    }
    // A lower-case word counts only as a single-word brand right at the cue; a capitalised
    // Romance article opens the name (`La Voz de la Frontera`).
    while let first = tokens.first, tokens.count > 1,
      !isNameWord(p, first)
        || (connectors.contains(p, first) && !romanceArticles.contains(p, first))
    {
      tokens.removeFirst()
    }
    guard !tokens.isEmpty else { return nil }
    return span(tokens)
  }

  /// The words between one of the `anchors` and `before` (`Get X stories`): up to `maxWords`,
  /// starting with a name word, without punctuation that ends a phrase.
  private static func between(
    _ p: UnsafeBufferPointer<UInt8>, anchors: WordSet, before: Int, floor: Int, maxWords: Int
  ) -> NameSpan? {
    TokenRun.with(capacity: maxWords + 1) { tokens in
      between(p, anchors: anchors, before: before, floor: floor, maxWords: maxWords, tokens: &tokens)
    }
  }

  private static func between(
    _ p: UnsafeBufferPointer<UInt8>, anchors: WordSet, before: Int, floor: Int, maxWords: Int,
    tokens: inout TokenRun
  ) -> NameSpan? {
    var pos = before
    while let t = LineTokens.previous(p, before: pos, floor: floor), tokens.count <= maxWords {
      pos = t.start
      if anchors.contains(p, t) {
        guard let first = tokens.first, isNameWord(p, first) else { return nil }
        return span(tokens)
      }
      if t.closes || t.endsSentence || LineTokens.isSeparator(p, t) { return nil }
      tokens.prepend(t)
    }
    return nil
  }

  private static func span(_ tokens: TokenRun) -> NameSpan? {
    guard let first = tokens.first, let last = tokens.last else { return nil }
    return NameSpan(start: first.coreStart, end: last.coreEnd, words: tokens.count)
  }
}
