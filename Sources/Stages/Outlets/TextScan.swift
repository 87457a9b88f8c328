/// One pass over a document's bytes: line boundaries, phrase hits (outlet names and cue
/// phrases, at word starts), copyright signs, and the dots and at-signs of possible domains.
///
/// Everything later looks only at the lines and spots this pass found.
struct TextScan {
  /// A phrase of the matcher found in the text.
  struct Hit {
    var phrase: Int32
    var start: Int32
    var end: Int32
    var line: Int32
  }

  /// Byte offset of each line's first byte; `lineStarts.count` is the number of lines.
  var lineStarts: [Int32] = []
  /// Byte offset just past each line's last byte (the newline is not included).
  var lineEnds: [Int32] = []
  var hits: [Hit] = []
  /// Lines holding `©` or `(c)`, with the sign's offset.
  var copyrightSigns: [(line: Int32, at: Int32)] = []
  /// Dots between a letter or digit and an ASCII letter (`example.com`, `z.B`), with their line.
  var dots: [(line: Int32, at: Int32)] = []

  init() {}

  /// Scans `p` with `matcher`.
  init(_ p: UnsafeBufferPointer<UInt8>, matcher: PhraseMatcher) {
    let n = p.count
    lineStarts.reserveCapacity(n / 40 + 1)
    lineEnds.reserveCapacity(n / 40 + 1)
    lineStarts.append(0)
    var line: Int32 = 0
    var prevWord = false
    var i = 0
    let wordTable = CaseFold.isASCIIWord
    while i < n {
      let b = p[i]
      if b < 0x80 {
        if b == 0x0A {
          lineEnds.append(Int32(i))
          lineStarts.append(Int32(i + 1))
          line += 1
          prevWord = false
          i += 1
          continue
        }
        let isWord = wordTable[Int(b)]
        if isWord {
          if !prevWord, let m = matcher.longestMatch(p, at: i) {
            hits.append(Hit(phrase: Int32(m.phrase), start: Int32(i), end: Int32(m.end), line: line))
          }
        } else if b == 0x2E {
          if prevWord && i + 1 < n && (p[i + 1] | 0x20) >= 0x61 && (p[i + 1] | 0x20) <= 0x7A {
            dots.append((line, Int32(i)))
          }
        } else if b == 0x28 {
          if i + 2 < n && (p[i + 1] | 0x20) == 0x63 && p[i + 2] == 0x29 {
            copyrightSigns.append((line, Int32(i)))
          }
        }
        prevWord = isWord
        i += 1
      } else if b >= 0xC0 {
        let isWord = CaseFold.isWordLead(b)
        if isWord {
          if !prevWord, let m = matcher.longestMatch(p, at: i) {
            hits.append(Hit(phrase: Int32(m.phrase), start: Int32(i), end: Int32(m.end), line: line))
          }
        } else if b == 0xC2 && i + 1 < n && p[i + 1] == 0xA9 {
          copyrightSigns.append((line, Int32(i)))
        }
        prevWord = isWord
        i += 1
      } else {
        i += 1
      }
    }
    lineEnds.append(Int32(n))
  }

  var lineCount: Int { lineStarts.count }
}
