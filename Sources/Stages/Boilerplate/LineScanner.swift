#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One pass over a document's UTF-8 bytes that splits it into lines and measures each line's
/// features (words, stop words, phrase matches, punctuation, list markers, separators).
///
/// Each word is looked up once: a word of up to eight ASCII bytes by its packed bytes in a
/// ``PackedWordTable``, any other by its hash in a ``WordTable``. The entry gives the word's
/// flags and its phrase-word id, which steps the ``PhraseAutomaton`` (phrases, matched over the
/// line's words) and the ``LabelTrie`` (whole-line labels).
struct LineScanner: Sendable {
  let tables: ScannerTables

  /// Words that start a byline ("By Jane Doe", "Von Frank Hahn").
  static let bylineWords = "by von par por от di door av"

  /// The flags that need more than counting: a word without them only adds to the line's
  /// counters and, when no phrase is open (or it is in no phrase), moves the phrase automaton to
  /// the state its root goes to on it (kept in the word's entry). No phrase ends there: the one-word phrases, the only ones
  /// that end one word after the root, flag their word `.strong` or `.weak`.
  static let rareFlags = WordTable.Flags([.altText, .credit, .strong, .weak, .deepStart]).rawValue

  init(vocabulary: BoilerplateVocabulary) {
    tables = vocabulary.tables(bylineWords: Self.bylineWords)
  }

  /// The non-blank lines of `p`, in order, with their features. `letterMasks: false` reads every
  /// word the general way, without ``LetterStops`` (the reference the tests compare with).
  func scan(_ p: UnsafeBufferPointer<UInt8>, letterMasks: Bool = true) -> [LineFeatures] {
    tables.words.withView { view in
      var letterStops = LetterStops(limit: letterMasks ? p.count : 0)
      return scan(p, view, &letterStops)
    }
  }

  private func scan(
    _ p: UnsafeBufferPointer<UInt8>, _ view: WordTable.View, _ letterStops: inout LetterStops
  ) -> [LineFeatures] {
    var lines: [LineFeatures] = []
    // Room for a line every 24 bytes: at one every 40, pages of short lines grew the array
    // (and copied its 152-byte features) several times.
    lines.reserveCapacity(p.count / 24 + 4)
    var lineStart = 0
    var blankBefore = false
    let count = p.count
    while lineStart < count {
      var lineEnd = lineStart
      if let base = p.baseAddress, let nl = memchr(base + lineStart, 0x0A, count - lineStart) {
        lineEnd = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
      } else {
        lineEnd = count
      }
      var s = lineStart
      var e = lineEnd
      // Indentation is often deep: skip it eight spaces at a time.
      while s &+ 8 <= e && AsciiWordRun.allSpaces(AsciiWordRun.load(p, s)) { s &+= 8 }
      while s < e && TextScanner.isBlank(p[s]) { s += 1 }
      while e > s && TextScanner.isBlank(p[e - 1]) { e -= 1 }
      if s < e {
        var line = LineFeatures()
        line.start = s
        line.end = e
        line.blankBefore = blankBefore
        // Measured in place: the features are not copied into the array afterwards.
        lines.append(line)
        measure(p, &lines[lines.count &- 1], view, &letterStops)
        blankBefore = false
      } else if !lines.isEmpty {
        blankBefore = true
      }
      lineStart = lineEnd + 1
    }
    return lines
  }

  /// Measures the text `line.start..<line.end` into `line`.
  private func measure(
    _ p: UnsafeBufferPointer<UInt8>, _ line: inout LineFeatures, _ view: WordTable.View,
    _ letterStops: inout LetterStops
  ) {
    let packed = tables.packed
    let automaton = tables.phrases
    let labels = tables.labels
    let end = line.end
    var i = line.start
    // List markers: "* ", "+ ", "o ", "- ", "• ", "· ", "▪ " or "12. ".
    let b0 = p[i]
    if i + 1 < end && p[i + 1] == 0x20
      && (b0 == 0x2A || b0 == 0x2B || b0 == 0x6F || b0 == 0x2D)
    {
      line.bullet = .symbol
      i += 2
    } else if b0 >= 0x30 && b0 <= 0x39 {
      var j = i
      while j < end && j - i < 3 && p[j] >= 0x30 && p[j] <= 0x39 { j += 1 }
      if j + 1 < end && p[j] == 0x2E && p[j + 1] == 0x20 {
        line.bullet = .number
        i = j + 2
      }
    } else if b0 == 0xE2 || b0 == 0xC2 {
      let (cp, n) = TextScanner.decode(p, i, end)
      if (cp == 0x2022 || cp == 0xB7 || cp == 0x25AA || cp == 0x25CF) && i + n < end
        && p[i + n] == 0x20
      {
        line.bullet = .symbol
        i += n + 1
      } else if (cp == 0x2013 || cp == 0x2014) && i + n < end && p[i + n] == 0x20 {
        line.startsWithDash = true
      }
    }

    // The counters every word touches live in locals (registers); the rare ones (phrase hits,
    // punctuation) are added to `line` directly, so that they do not crowd the registers.
    var length = 0
    var words = 0
    var stops = 0
    var capitalised = 0
    var numeric = 0
    // Short-lived facts about the text just read, one bit each (see `State`): one store clears
    // them all after an ordinary word.
    var state = State.prevSpace
    var phraseState: UInt32 = 0
    var labelState = LabelTrie.start
    var spaces = 0
    // An opening guillemet: the next isolated `»` closes a French quotation (« 1 »), not a menu.
    var openGuillemet = false
    // The last two visible characters (`last` in the low half, the one before in the high half);
    // a word counts as the letter `a`.
    var tail: UInt64 = 0

    while i < end {
      // 1. Spaces, punctuation and the start of the next word.
      let b = p[i]
      if b == 0x20 || b == 0x09 {
        // A run of three or more spaces inside the text is a gap (the line's trailing blanks
        // are trimmed, so text always follows the run).
        spaces &+= 1
        if spaces == 3 && length > 0 { line.gaps &+= 1 }
        state |= State.prevSpace
        i &+= 1
        continue
      }
      spaces = 0
      let entry: WordEntry
      let firstUpper: Bool
      var hasDigit: Bool
      // The run of letters at `i` when it starts a word of letters (0: no letter, or unknown).
      let n = (b | 0x20) &- 0x61 < 26 ? letterStops.run(p, at: i) : 0
      if UInt(bitPattern: n &- 1) < 15, case let next = p[i &+ n], next < 0x80 && next &- 0x30 >= 10 {
        // 2a. Most words: 1 to 15 ASCII letters, ended by a space or ASCII punctuation (the
        // letter masks found the end); looked up by their packed bytes, folded by setting bit 5.
        firstUpper = b &- 0x41 < 26
        hasDigit = false
        let x = AsciiWordRun.load(p, i) | Self.lowerBits
        if n <= 8 {
          entry = packed.entry(n == 8 ? x : x & (1 &<< UInt64(n &* 8) &- 1))
        } else {
          let rest = (AsciiWordRun.load(p, i &+ 8) | Self.lowerBits) & (1 &<< UInt64(n &* 8 &- 64) &- 1)
          entry = view.entry(WordHash.pair(x, rest))
        }
        i &+= n
        length &+= n
      } else if UInt(bitPattern: n &- 1) < 7 {
        // 2b. One to seven ASCII letters that a digit or a multibyte character continues (`für`,
        // `abc1`): the letters the masks found, then the general run.
        firstUpper = b &- 0x41 < 26
        hasDigit = false
        var word = WordHash()
        word.add(bytes: (AsciiWordRun.load(p, i) | Self.lowerBits) & (1 &<< UInt64(n &* 8) &- 1), count: n)
        i &+= n
        length &+= n
        Self.finishWord(p, &i, end, &word, &length, &hasDigit, prevLower: p[i &- 1] & 0x20 != 0)
        entry = view.entry(word.value)
      } else if b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 {
        // 2c. An ASCII word: read eight bytes at a time; a word of up to seven ASCII bytes is
        // looked up by its packed bytes. A word that starts with a letter is read as letters
        // only (most words): a digit that follows goes on with the general run below.
        firstUpper = b &- 0x41 < 26
        let x = AsciiWordRun.load(p, i)
        let run = b &- 0x30 < 10 ? AsciiWordRun(x, afterLower: false) : AsciiWordRun(letters: x)
        i &+= run.count
        length &+= run.count
        hasDigit = run.hasDigit
        if run.count < 8 && (i >= end || (p[i] < 0x80 && p[i] &- 0x30 >= 10)) {
          entry = packed.entry(run.folded)
        } else if run.count == 8,
          case let tail = AsciiWordRun(
            AsciiWordRun.load(p, i), afterLower: run.endsLower),
          tail.count < 8 && (i &+ tail.count >= end || p[i &+ tail.count] < 0x80)
        {
          // A word of 8 to 15 ASCII bytes: two loads, hashed without a call.
          i &+= tail.count
          length &+= tail.count
          hasDigit = hasDigit || tail.hasDigit
          entry =
            tail.count == 0
            ? packed.entry(run.folded) : view.entry(WordHash.pair(run.folded, tail.folded))
        } else {
          var word = WordHash()
          word.add(bytes: run.folded, count: run.count)
          Self.finishWord(p, &i, end, &word, &length, &hasDigit, prevLower: run.endsLower)
          entry = view.entry(word.value)
        }
      } else {
        let cp: UInt32
        let n: Int
        let kind: TextScanner.CharKind
        let folded: UInt32
        if b < 0x80 {
          (cp, n, kind, folded) = (UInt32(b), 1, .separator, UInt32(b))
        } else {
          (cp, n) = TextScanner.decode(p, i, end)
          (kind, folded) = TextScanner.classify(cp)
        }
        if kind == .ignorable {
          i &+= n
          continue
        }
        if kind == .separator {
          if cp == 0xA9 {
            line.copyright = true
            if length == 0 { line.startsWithCopyright = true }
          }
          if cp == 0x3A && state & State.pendingCredit != 0 { line.credit = true }
          if cp == 0x3A && state & State.pendingLabel != 0 { line.startsWithLabel = true }
          if cp == 0x2E || cp == 0x21 || cp == 0x3F {
            if i + n < end && p[i + n] == 0x20 { line.sentenceMarks &+= 1 }
          } else if cp == 0xAB {
            openGuillemet = true
          } else if state & State.prevSpace != 0 && (i + n >= end || p[i + n] == 0x20)
            && Self.isSeparator(cp)
          {
            if cp == 0xBB && openGuillemet {
              openGuillemet = false
            } else {
              line.separators &+= 1
            }
          }
          length &+= 1
          tail = tail << 32 | UInt64(cp)
          state &= State.lastAlt
          i &+= n
          continue
        }
        // 2d. A word that starts with a multibyte letter.
        firstUpper = kind == .upper
        hasDigit = kind == .digit
        var word = WordHash()
        word.add(folded)
        i &+= n
        length &+= 1
        Self.finishWord(p, &i, end, &word, &length, &hasDigit, prevLower: kind == .lower)
        entry = view.entry(word.value)
      }
      let afterParen = tail & 0xFFFF_FFFF == 0x28
      // Letters end the text so far (only punctuation matters to the sentence-end checks).
      tail = Self.wordTail

      // 3. The word: count it, step the label trie and the phrase automaton.
      words &+= 1
      let f = entry.flags
      let id = entry.id
      // Branch-free counting: these flags change from word to word unpredictably.
      stops &+= Int(f & WordTable.Flags.stop.rawValue)
      capitalised &+= firstUpper ? 1 : 0
      numeric &+= hasDigit ? 1 : 0
      if words == 1 { line.startsWithBy = f & WordTable.Flags.byline.rawValue != 0 }
      labelState = labels.step(labelState, id)
      // A word in no phrase closes any open one; it is the open phrase's words (and the rare
      // flags) that need the automaton's full step. One or-ed test, so that the common words
      // that start a phrase ("the", "your", "this") do not take a branch of their own.
      // (The product of state and id, both below 2^32, is 0 exactly when one of them is: a
      // multiplication, which the compiler does not turn back into a branch as it does `?:`.)
      if UInt64(f & Self.rareFlags) | UInt64(phraseState) &* UInt64(id) == 0 {
        // Most words: no alt-text, credit or one-word phrase, and no phrase open that it
        // continues: the automaton steps from its root (to 0 for a word in no phrase).
        phraseState = f &>> WordEntry.startShift
        state = 0
        // A single space before the next word is stepped over here rather than by the loop.
        if i < end && p[i] == 0x20 && p[i &+ 1] != 0x20 && p[i &+ 1] != 0x09 {
          state = State.prevSpace
          i &+= 1
        }
        continue
      }
      let isAlt = f & WordTable.Flags.altText.rawValue != 0
      line.altWords &+= isAlt ? 1 : 0
      let isCredit = f & WordTable.Flags.credit.rawValue != 0
      if isCredit && afterParen { line.credit = true }
      state = (isAlt ? State.lastAlt : 0) | (isCredit ? State.pendingCredit : 0)
      phraseState = automaton.step(phraseState, id)
      let out = automaton.output(phraseState)
      if !out.isEmpty {
        line.strongHits &+= Int(out.strong)
        line.terminalHits &+= Int(out.terminal)
        line.weakHits &+= Int(out.weak)
        line.hitWords &+= Int(out.hitWords)
        // A boilerplate phrase that covers every word so far: the line may be a label.
        if words < 16 && (out.strongLengths >> UInt16(words)) & 1 != 0 {
          state |= State.pendingLabel
        }
      }
    }

    // A run of spaces that only ignorable characters (a soft hyphen) follow is no gap.
    if spaces >= 3 && length > 0 { line.gaps &-= 1 }
    line.length = length
    line.words = words
    line.stops = stops
    line.capitalised = capitalised
    line.numeric = numeric
    line.isLabel = words > 0 && labels.isLabel(labelState)
    let last = UInt32(truncatingIfNeeded: tail)
    let beforeLast = UInt32(truncatingIfNeeded: tail >> 32)
    line.endsWithAltText = state & State.lastAlt != 0
    line.endsWithColon = last == 0x3A
    line.endsWithEllipsis = last == 0x2026 || (last == 0x2E && beforeLast == 0x2E)
    line.endsWithParenthesis = last == 0x29 || last == 0x28
    line.endsSentence = Self.endsSentence(last, beforeLast)
  }

  /// Reads the rest of a word from `i`: runs of ASCII letters eight bytes at a time, other
  /// letters one by one; stops at a space, punctuation or a lower-to-upper change.
  @inline(__always)
  private static func finishWord(
    _ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, _ word: inout WordHash,
    _ length: inout Int, _ hasDigit: inout Bool, prevLower: Bool
  ) {
    var prevLower = prevLower
    while i < end {
      let run = AsciiWordRun(AsciiWordRun.load(p, i), afterLower: prevLower)
      if run.count > 0 {
        word.add(bytes: run.folded, count: run.count)
        i &+= run.count
        length &+= run.count
        hasDigit = hasDigit || run.hasDigit
        prevLower = run.endsLower
        if run.count == 8 { continue }
      }
      // The run stopped at a byte that ends an ASCII word, or at a multibyte character.
      guard i < end && p[i] >= 0x80 else { return }
      let (cp, n) = TextScanner.decode(p, i, end)
      let (kind, folded) = TextScanner.classify(cp)
      if kind == .ignorable {
        i &+= n
        continue
      }
      if kind == .separator || (kind == .upper && prevLower) { return }
      if kind == .digit { hasDigit = true }
      word.add(folded)
      prevLower = kind == .lower
      i &+= n
      length &+= 1
    }
  }

  /// The bits of the scanner's short-lived state.
  private enum State {
    /// The last character read was a space (or the line just started).
    static let prevSpace: UInt32 = 1
    /// The last word was a credit word ("Foto"): a colon next makes the line a credit.
    static let pendingCredit: UInt32 = 2
    /// A boilerplate phrase covers all the words so far: a colon next makes it a label.
    static let pendingLabel: UInt32 = 4
    /// The last word was an alt-text word ("logo", "icon").
    static let lastAlt: UInt32 = 8
  }

  /// Bit 5 of every byte: OR-ed into ASCII letters, it folds them to lower case.
  private static let lowerBits: UInt64 = 0x2020_2020_2020_2020

  /// `tail` after a word: two letters.
  private static let wordTail: UInt64 = 0x61_0000_0061

  /// Separators of breadcrumbs and menus when they stand between spaces.
  @inline(__always)
  private static func isSeparator(_ cp: UInt32) -> Bool {
    switch cp {
    case 0x7C, 0x3E, 0x2F, 0x2D, 0xBB, 0xB7, 0x203A, 0x2022, 0x2013, 0x2014, 0x2192, 0x276F, 0x25B8,
      0x25BA:
      return true
    default: return false
    }
  }

  /// Whether the line's last two visible characters end a sentence. An ellipsis (a cut-off
  /// teaser) does not.
  @inline(__always)
  private static func endsSentence(_ last: UInt32, _ beforeLast: UInt32) -> Bool {
    switch last {
    case 0x21, 0x3F: return true
    case 0x2E: return beforeLast != 0x2E
    case 0x22, 0x27, 0x29, 0xBB, 0x2019, 0x201C, 0x201D:
      return beforeLast == 0x2E || beforeLast == 0x21 || beforeLast == 0x3F
    default: return false
    }
  }
}
