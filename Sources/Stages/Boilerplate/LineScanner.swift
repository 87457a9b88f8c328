import Foundation

/// One pass over a document's UTF-8 bytes that splits it into lines and measures each line's
/// features (words, stop words, phrase matches, punctuation, list markers, separators).
///
/// Phrases are matched word by word: each word's hash is looked up in a ``WordTable``; words
/// that start a longer phrase open a partial match that the following words extend.
struct LineScanner: Sendable {
  let table: WordTable
  let longestPhrase: Int
  /// The longest button/menu label in words: longer lines are never labels.
  let longestLabel: Int
  fileprivate let bylineWords: [UInt64]

  /// The most phrase matches open at once.
  static let matchCapacity = 32

  init(vocabulary: BoilerplateVocabulary) {
    let built = vocabulary.table()
    table = built.table
    longestPhrase = min(built.longestPhrase, 12)
    longestLabel = built.longestLabel
    bylineWords = TextScanner.wordHashes("by von par por от di door av")
  }

  /// The non-blank lines of `p`, in order, with their features.
  func scan(_ p: UnsafeBufferPointer<UInt8>) -> [LineFeatures] {
    var lines: [LineFeatures] = []
    lines.reserveCapacity(p.count / 40 + 4)
    // Open phrase matches: at most `matchCapacity`, in scratch memory owned by this call.
    let active = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.matchCapacity)
    let activeLength = UnsafeMutablePointer<Int>.allocate(capacity: Self.matchCapacity)
    defer {
      active.deallocate()
      activeLength.deallocate()
    }
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
      while s < e && TextScanner.isBlank(p[s]) { s += 1 }
      while e > s && TextScanner.isBlank(p[e - 1]) { e -= 1 }
      if s < e {
        var line = LineFeatures()
        line.start = s
        line.end = e
        line.blankBefore = blankBefore
        measure(p, &line, active, activeLength)
        lines.append(line)
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
    _ p: UnsafeBufferPointer<UInt8>, _ line: inout LineFeatures,
    _ active: UnsafeMutablePointer<UInt64>,
    _ activeLength: UnsafeMutablePointer<Int>
  ) {
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
      }
    }

    var w = WordState(active: active, activeLength: activeLength)
    var word = WordHash()
    var spaces = 0
    var length = 0
    var prevSpace = true
    var last: UInt32 = 0
    var beforeLast: UInt32 = 0

    while i < end {
      let b = p[i]
      if b == 0x20 || b == 0x09 {
        if w.inWord {
          w.finish(self, &line, word.value)
          word = WordHash()
        }
        w.prevLower = false
        spaces += 1
        prevSpace = true
        i += 1
        continue
      }
      if spaces >= 3 && length > 0 { line.gaps += 1 }
      spaces = 0
      // ASCII letters and digits, the bulk of most text, take the short path.
      if b < 0x80 {
        let kind = TextScanner.asciiKind(b)
        if kind != .separator {
          if w.inWord && w.prevLower && kind == .upper {
            w.finish(self, &line, word.value)
            word = WordHash()
          }
          if !w.inWord {
            w.inWord = true
            w.firstUpper = kind == .upper
            w.afterParen = last == 0x28
          }
          if kind == .digit { w.hasDigit = true }
          word.add(UInt32(kind == .upper ? b | 0x20 : b))
          // The lower-case letters that follow: only the hash needs them.
          var j = i + 1
          while j < end {
            let c = p[j]
            guard c &- 0x61 < 26 else { break }
            word.add(UInt32(c))
            j += 1
          }
          w.prevLower = kind == .lower || j > i + 1
          length += j - i
          beforeLast = j > i + 1 ? UInt32(p[j - 2]) : last
          last = UInt32(p[j - 1])
          prevSpace = false
          i = j
          continue
        }
      }
      let (cp, n) = b < 0x80 ? (UInt32(b), 1) : TextScanner.decode(p, i, end)
      let (kind, folded) = TextScanner.classify(cp)
      switch kind {
      case .ignorable:
        i += n
        continue
      case .separator:
        if w.inWord {
          w.finish(self, &line, word.value)
          word = WordHash()
        }
        w.prevLower = false
        if cp == 0xA9 {
          line.copyright = true
          if length == 0 { line.startsWithCopyright = true }
        }
        if cp == 0x3A && w.pendingCredit { line.credit = true }
        w.pendingCredit = false
        let nextIsSpace = i + n >= end || p[i + n] == 0x20
        if cp == 0x2E || cp == 0x21 || cp == 0x3F {
          if i + n < end && p[i + n] == 0x20 { line.sentenceMarks += 1 }
        } else if prevSpace && nextIsSpace && Self.isSeparator(cp) {
          line.separators += 1
        }
      case .lower, .upper, .caseless, .digit:
        if w.inWord && w.prevLower && kind == .upper {
          w.finish(self, &line, word.value)
          word = WordHash()
        }
        if !w.inWord {
          w.inWord = true
          w.firstUpper = kind == .upper
          w.afterParen = last == 0x28
        }
        if kind == .digit { w.hasDigit = true }
        word.add(folded)
        w.prevLower = kind == .lower
      }
      length += 1
      beforeLast = last
      last = cp
      prevSpace = false
      i += n
    }
    if w.inWord {
      w.finish(self, &line, word.value)
      word = WordHash()
    }
    line.length = length
    line.isLabel =
      line.words > 0 && line.words <= longestLabel && table.flags(w.lineHash).contains(.line)
    line.endsWithAltText = w.lastAlt
    line.endsWithColon = last == 0x3A
    line.endsSentence = Self.endsSentence(last, beforeLast)
  }

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

/// The state of the word being read and of the phrase matches still open, for one line.
private struct WordState {
  var inWord = false
  var prevLower = false
  var firstUpper = false
  var hasDigit = false
  var afterParen = false
  var pendingCredit = false
  var lastAlt = false
  var lineHash: UInt64 = 0
  let active: UnsafeMutablePointer<UInt64>
  let activeLength: UnsafeMutablePointer<Int>
  var activeCount = 0

  init(active: UnsafeMutablePointer<UInt64>, activeLength: UnsafeMutablePointer<Int>) {
    self.active = active
    self.activeLength = activeLength
  }

  /// Ends the current word: counts it, looks it up, extends or closes open phrase matches.
  @inline(__always)
  mutating func finish(_ scanner: LineScanner, _ line: inout LineFeatures, _ h: UInt64) {
    let table = scanner.table
    line.words += 1
    let f = table.flags(h)
    if f.contains(.stop) { line.stops += 1 }
    if firstUpper { line.capitalised += 1 }
    if hasDigit { line.numeric += 1 }
    lastAlt = f.contains(.altText)
    if lastAlt { line.altWords += 1 }
    if f.contains(.credit) {
      if afterParen { line.credit = true }
      pendingCredit = true
    } else {
      pendingCredit = false
    }
    if line.words == 1 {
      lineHash = h
      line.startsWithBy = scanner.bylineWords.contains(h)
    } else if line.words <= scanner.longestLabel {
      lineHash = TextScanner.chain(lineHash, h)
    }
    var kept = 0
    for j in 0..<activeCount {
      let c = TextScanner.chain(active[j], h)
      let length = activeLength[j] + 1
      let g = table.flags(c)
      if g.contains(.strong) {
        line.strongHits += 1
        if g.contains(.terminal) { line.terminalHits += 1 }
        line.hitWords += length
      } else if g.contains(.weak) {
        line.weakHits += 1
        line.hitWords += length
      }
      if g.contains(.prefix) && length < scanner.longestPhrase {
        active[kept] = c
        activeLength[kept] = length
        kept += 1
      }
    }
    activeCount = kept
    if f.contains(.strong) {
      line.strongHits += 1
      if f.contains(.terminal) { line.terminalHits += 1 }
      line.hitWords += 1
    } else if f.contains(.weak) {
      line.weakHits += 1
      line.hitWords += 1
    }
    if f.contains(.prefix) && activeCount < LineScanner.matchCapacity {
      active[activeCount] = h
      activeLength[activeCount] = 1
      activeCount += 1
    }
    inWord = false
    hasDigit = false
  }
}
