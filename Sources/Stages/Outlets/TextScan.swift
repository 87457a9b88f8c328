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
  /// Spelled-out at-signs of e-mail addresses (`(at)`, `[at]`), with their line.
  var spelledAts: [(line: Int32, at: Int32)] = []

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
    if b == 0x0A || b == 0x2E || b == 0x28 || b == 0x5B || b == 0xC2 || b == 0xE2 { c |= 4 }
    return c
  }

  /// Splits `p` into lines; nothing else is searched yet (see ``scan(_:matcher:full:)``).
  ///
  /// 64 bytes at a time: the newlines of a block as one bit mask (``ByteLaneMask``), then one
  /// step per newline; a call of `memchr` per line cost more on pages of short lines.
  init(lines p: UnsafeBufferPointer<UInt8>) {
    let n = p.count
    lineStarts.reserveCapacity(n / 40 + 1)
    lineEnds.reserveCapacity(n / 40 + 1)
    lineStarts.append(0)
    var i = 0
    if let base = p.baseAddress {
      let newline = SIMD16<UInt8>(repeating: 0x0A)
      while i &+ 64 <= n {
        var mask: UInt64 = 0
        for k in 0..<4 {
          // In bounds: `i + 64 <= n`.
          let v = UnsafeRawPointer(base + (i &+ 16 &* k)).loadUnaligned(as: SIMD16<UInt8>.self)
          mask |= ByteLaneMask.bits(v .== newline) &<< UInt64(16 &* k)
        }
        while mask != 0 {
          let at = i &+ mask.trailingZeroBitCount
          mask &= mask &- 1
          lineEnds.append(Int32(truncatingIfNeeded: at))
          lineStarts.append(Int32(truncatingIfNeeded: at &+ 1))
        }
        i &+= 64
      }
    }
    while i < n {
      if p[i] == 0x0A {
        lineEnds.append(Int32(i))
        lineStarts.append(Int32(i + 1))
      }
      i += 1
    }
    lineEnds.append(Int32(n))
  }

  /// Searches the lines: lines with `full[line]` word by word with `matcher` (phrase hits,
  /// copyright signs, domain dots), the others only for copyright signs and domains (long paragraphs of the
  /// article body, where outlets are only quoted and cited).
  mutating func scan(_ p: UnsafeBufferPointer<UInt8>, matcher: PhraseMatcher, full: [Bool]) {
    // A page finds a few dozen phrases and domain dots: one allocation each instead of growing.
    hits.reserveCapacity(32)
    dots.reserveCapacity(32)
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

  /// Only the copyright signs and domain dots of a line: eight bytes at a time, looking closer
  /// only where one holds `.`, `(` or the `©` lead byte.
  private mutating func scanSigns(
    _ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ line: Int32
  ) {
    var i = s
    if let base = p.baseAddress {
      // Positions s...e-2 are checked (each test looks at the byte after).
      while i + 8 <= e - 1 {
        let v = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        // `(` and `.` in one test (with `*` and `,`, which `sign` passes over), `[`, and the `©`
        // lead byte.
        var found =
          SWAR.equal(v & 0xF9F9_F9F9_F9F9_F9F9, 0x28) | SWAR.equal(v, 0x5B)
          | (SWAR.equal(v ^ 0x8080_8080_8080_8080, 0x42))
        while found != 0 {
          let k = i + found.trailingZeroBitCount >> 3
          found &= found &- 1
          sign(p, k, s, e, line)
        }
        i += 8
      }
    }
    while i + 1 < e {
      sign(p, i, s, e, line)
      i += 1
    }
  }

  /// Whether `(at)` or `[at]` (any case) starts at `i`, before `e`.
  @inline(__always)
  static func spelledAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Bool {
    guard i + 3 < e, (p[i + 1] | 0x20) == 0x61, (p[i + 2] | 0x20) == 0x74 else { return false }
    return p[i] == 0x28 ? p[i + 3] == 0x29 : p[i + 3] == 0x5D
  }

  /// Notes a copyright sign or a domain dot at `i` (a line `s..<e` outside the searched lines).
  @inline(__always)
  private mutating func sign(
    _ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ s: Int, _ e: Int, _ line: Int32
  ) {
    let b = p[i]
    if b == 0xC2 && p[i + 1] == 0xA9 {
      copyrightSigns.append((line, Int32(i)))
    } else if b == 0x28 && i + 2 < e && (p[i + 1] | 0x20) == 0x63 && p[i + 2] == 0x29 {
      copyrightSigns.append((line, Int32(i)))
    } else if (b == 0x28 || b == 0x5B) && Self.spelledAt(p, i, e) {
      spelledAts.append((line, Int32(i)))
    } else if b == 0x2E && i > s && CaseFold.isASCIIWord(p[i - 1])
      && (p[i + 1] | 0x20) &- 0x61 < 26
    {
      dots.append((line, Int32(i)))
    }
  }

  /// The end of the word starting at `start` (before `n`) and its first eight folded bytes
  /// (bit 5 set in each), packed for ``WordFilter/wordKey(packed:length:)``; `packed` is 0 when
  /// the word cannot start a phrase (its first two bytes open none). ASCII words are read eight
  /// bytes at a time.
  @inline(__always)
  private static func word(
    _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ n: Int, _ cls: UnsafeBufferPointer<UInt8>,
    _ filter: WordFilter
  ) -> (end: Int, packed: UInt64) {
    if p[start] < 0x80, start &+ 8 <= p.count, let base = p.baseAddress {
      let v = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
      let lowered = v | 0x2020_2020_2020_2020
      let letter = SWAR.inRange(lowered, 0x61, 0x7A)
      let digit = SWAR.inRange(v, 0x30, 0x39)
      let run = (~(letter | digit) & SWAR.high).trailingZeroBitCount &>> 3
      if run < 8 {
        let end = start &+ run
        // A non-ASCII letter goes on with the word: read it the slow way.
        if end < n && p[end] >= 0x80 && cls[Int(p[end])] & 2 != 0 {
          return slowWord(p, start, n, cls)
        }
        // Two ASCII bytes that open no phrase (the second may be the space after the word).
        if v & 0x8080 == 0 && !filter.mayOpen(lowered) { return (end, 0) }
        let mask: UInt64 = (1 &<< UInt64(8 &* run)) &- 1
        return (end, lowered & mask)
      }
      var end = start &+ 8
      while end < n && cls[Int(p[end])] & 2 != 0 { end &+= 1 }
      if !filter.mayOpen(lowered) { return (end, 0) }
      return (end, lowered)
    }
    return slowWord(p, start, n, cls)
  }

  /// ``word(_:_:_:_:)`` byte by byte, folding letters of other scripts.
  private static func slowWord(
    _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ n: Int, _ cls: UnsafeBufferPointer<UInt8>
  ) -> (end: Int, packed: UInt64) {
    var end = start + 1
    while end < n && cls[Int(p[end])] & 2 != 0 { end += 1 }
    var packed: UInt64 = 0
    var j = start
    var k = 0
    while j < end && k < 8 {
      let (a, b, w) = CaseFold.unit(p, j, end)
      packed |= UInt64(a | 0x20) << UInt64(8 * k)
      k += 1
      if b != 0 && k < 8 {
        packed |= UInt64(b | 0x20) << UInt64(8 * k)
        k += 1
      }
      j += w
    }
    return (end, packed)
  }

  /// Scans the line `s..<e` word by word, trying the matcher at each word start that passes its
  /// filter, and noting copyright signs and domain dots in between.
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
        let start = i
        let (end, packed) = Self.word(p, start, n, cls, matcher.filter)
        i = end
        guard packed != 0 else { continue }
        let key = WordFilter.wordKey(packed: packed, length: end &- start)
        if matcher.filter.mayStart(key, p, end: end), let m = matcher.longestMatch(p, at: start) {
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
        } else if Self.spelledAt(p, i, n) {
          spelledAts.append((line, Int32(i)))
        }
      case 0x5B:
        if Self.spelledAt(p, i, n) { spelledAts.append((line, Int32(i))) }
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
