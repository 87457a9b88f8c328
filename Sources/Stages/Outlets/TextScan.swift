#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One pass over a document's bytes: line boundaries, phrase hits (outlet names and cue
/// phrases, at word starts), copyright signs, and the dots and at-signs of possible domains.
///
/// Lines are split first; the layout then decides which lines are searched word by word.
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

  /// Whether a byte starts a word: ASCII letters and digits, lead bytes of letters in other
  /// scripts (not `C2` symbols, `E2` punctuation or four-byte emoji).
  @inline(__always)
  static func startsWord(_ b: UInt8) -> Bool {
    CaseFold.isASCIIWord(b) || (b >= 0xC3 && b != 0xE2 && b < 0xF0)
  }

  /// Whether a byte continues a word: the above and UTF-8 continuation bytes.
  @inline(__always)
  static func continuesWord(_ b: UInt8) -> Bool {
    startsWord(b) || b & 0xC0 == 0x80
  }

  /// Per byte: 1 when it starts a word, 2 when it continues one, 4 when the scan must look at
  /// it between words (newline, `.`, `(`, `C2` and `E2` leads).
  static let classes: [UInt8] = (0...255).map { v in
    let b = UInt8(v)
    var c: UInt8 = 0
    if startsWord(b) { c |= 1 }
    if continuesWord(b) { c |= 2 }
    if b == 0x0A || b == 0x2E || b == 0x28 || b == 0xC2 || b == 0xE2 { c |= 4 }
    return c
  }

  /// Splits `p` into lines (with `memchr`); nothing else is searched yet (see ``scan(_:matcher:full:)``).
  init(lines p: UnsafeBufferPointer<UInt8>) {
    let n = p.count
    lineStarts.reserveCapacity(n / 40 + 1)
    lineEnds.reserveCapacity(n / 40 + 1)
    lineStarts.append(0)
    if let base = p.baseAddress {
      var i = 0
      while i < n, let found = memchr(base + i, 0x0A, n - i) {
        let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        lineEnds.append(Int32(at))
        lineStarts.append(Int32(at + 1))
        i = at + 1
      }
    }
    lineEnds.append(Int32(n))
  }

  /// Searches the lines: lines with `full[line]` word by word with `matcher` (phrase hits,
  /// copyright signs, domain dots), the others only for copyright signs and domains (long paragraphs of the
  /// article body, where outlets are only quoted and cited).
  mutating func scan(_ p: UnsafeBufferPointer<UInt8>, matcher: PhraseMatcher, full: [Bool]) {
    Self.classes.withUnsafeBufferPointer { cls in
      for line in 0..<lineStarts.count {
        let s = Int(lineStarts[line])
        let e = Int(lineEnds[line])
        if full[line] {
          scanWords(p, s, e, Int32(line), matcher: matcher, cls)
        } else {
          scanSigns(p, s, e, Int32(line))
        }
      }
    }
  }

  /// Only the copyright signs and domain dots of a line.
  private mutating func scanSigns(
    _ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ line: Int32
  ) {
    var i = s
    while i + 1 < e {
      let b = p[i]
      if b == 0xC2 && p[i + 1] == 0xA9 {
        copyrightSigns.append((line, Int32(i)))
      } else if b == 0x28 && i + 2 < e && (p[i + 1] | 0x20) == 0x63 && p[i + 2] == 0x29 {
        copyrightSigns.append((line, Int32(i)))
      } else if b == 0x2E && i > s && CaseFold.isASCIIWord(p[i - 1])
        && (p[i + 1] | 0x20) &- 0x61 < 26
      {
        dots.append((line, Int32(i)))
      }
      i += 1
    }
  }

  /// Scans the line `s..<e` word by word, trying the matcher at each word start that passes its
  /// prefix filter, and noting copyright signs and domain dots in between.
  private mutating func scanWords(
    _ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ line: Int32, matcher: PhraseMatcher,
    _ cls: UnsafeBufferPointer<UInt8>
  ) {
    let n = e
    var i = s
    while i < n {
      let b = p[i]
      let c = cls[Int(b)]
      if c & 1 != 0 {
        // Hash the word while skipping it; try the matcher only if a phrase can start with it.
        let start = i
        var h: UInt32 = 0
        var high: UInt8 = 0
        let hashEnd = min(n, i + PhraseMatcher.hashedBytes)
        repeat {
          let d = p[i]
          high |= d
          h = PhraseMatcher.hashStep(h, d)
          i += 1
        } while i < hashEnd && cls[Int(p[i])] & 2 != 0
        if i == hashEnd {
          while i < n && cls[Int(p[i])] & 2 != 0 {
            high |= p[i]
            i += 1
          }
        }
        if high >= 0x80 || matcher.mayStart(wordHash: h, length: i - start),
          let m = matcher.longestMatch(p, at: start)
        {
          hits.append(
            Hit(phrase: Int32(m.phrase), start: Int32(start), end: Int32(m.end), line: line))
        }
        continue
      }
      if c & 4 == 0 {
        i += 1
        continue
      }
      switch b {
      case 0x2E:
        // A dot inside a word-like run (`example.com`, not the end of a sentence).
        if i > 0 && i + 1 < n && CaseFold.isASCIIWord(p[i - 1]) && (p[i + 1] | 0x20) &- 0x61 < 26 {
          dots.append((line, Int32(i)))
        }
      case 0x28:
        if i + 2 < n && (p[i + 1] | 0x20) == 0x63 && p[i + 2] == 0x29 {
          copyrightSigns.append((line, Int32(i)))
        }
      case 0xC2:
        if i + 1 < n && p[i + 1] == 0xA9 { copyrightSigns.append((line, Int32(i))) }
        i += 1
      case 0xE2:
        i += 2
      default:
        break
      }
      i += 1
    }
  }

  var lineCount: Int { lineStarts.count }
}
