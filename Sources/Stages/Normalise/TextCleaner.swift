/// What ``TextCleaner`` does besides the fixed rules.
struct CleanerSettings: Sendable {
  /// Remove leading indentation (trailing white space always goes).
  var trimLines = true
  /// Turn runs of spaces inside a line into one space.
  var collapseSpaces = true
  /// Keep at most one blank line between paragraphs.
  var collapseBlankLines = true
  /// Typographic quotes, dashes and `…` become ASCII.
  var asciiPunctuation = false
  /// Stop where a line may hold mojibake (C1 controls, two non-ASCII characters in a row,
  /// `Â`, `Ã`, `Œ`, `œ`), so the caller can repair the line first.
  var stopAtPossibleMojibake = true
  /// Stop at `&`, so the caller can decode character references first.
  var stopAtAmpersand = true
  /// The normalisation whose sensitive characters are noted, if any.
  var normalization: NormalizationCheck? = .nfc
  /// The characters that can be copied without a second look (must match the settings above).
  var fastPath = CleanerFastPath.table(form: .nfc, asciiPunctuation: false)
}

/// The byte-level pass of `normalise`: unifies line breaks, turns odd spaces into spaces, drops
/// invisible and control characters, collapses and trims white space, and notes whether the
/// text needs Unicode normalisation. It works on UTF-8 bytes and writes into its own buffer.
///
/// Text is fed in pieces (``feed(_:from:stopsFrom:)``); the cleaner remembers its state at the
/// start of the current line so a caller can roll back and feed a repaired copy of the line.
struct TextCleaner: ~Copyable {
  /// The state that rolls back with a line.
  struct State {
    var count = 0
    var pendingSpaces = 0
    var pendingNewlines = 0
    var lineHasContent = false
    var documentHasContent = false
    var prefixPending = true
    var needsNormalization = false
    var removed = 0
    /// The last byte of a zero-width (non-)joiner waiting for the next character (0: none).
    var pendingJoiner: UInt8 = 0
    /// Whether the clean-up may have put characters side by side that the mojibake check
    /// should see again: something was removed after a non-ASCII character, or the text holds
    /// a character that forms mojibake next to a space (`Ã`, `Â`, `Œ`, `œ`, `Ђ`).
    var mayHaveNewMojibake = false
  }

  let settings: CleanerSettings
  private(set) var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  var state = State()
  /// The state at the start of the current line of the input being fed.
  private(set) var lineStartState = State()
  /// Where the current line starts in the input being fed.
  private(set) var lineStart = 0

  init(settings: CleanerSettings, capacity: Int) {
    self.settings = settings
    self.capacity = max(capacity, 16)
    buffer = .allocate(capacity: self.capacity)
  }

  deinit { buffer.deallocate() }

  /// The bytes written so far.
  var output: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: state.count) }

  /// Copies `bytes` to the output as they are: they must be clean text ending a non-blank line
  /// (the caller checked), after which the cleaner goes on as if it had written them itself.
  mutating func appendVerbatim(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    (buffer + state.count).update(from: source, count: bytes.count)
    state.count += bytes.count
    state.lineHasContent = true
    state.documentHasContent = true
    state.prefixPending = false
  }

  /// Goes back to the start of the current line (dropping what was written for it).
  mutating func rollBackLine() { state = lineStartState }

  /// Records that a new line of the input starts at `index`.
  mutating func markLineStart(_ index: Int) {
    lineStart = index
    lineStartState = state
  }

  /// Cleans `input[start...]` into the output. Returns the index of the first byte at or after
  /// `stopsFrom` where the settings ask to stop (possible mojibake, `&`), or `nil` at the end.
  mutating func feed(_ input: UnsafeBufferPointer<UInt8>, from start: Int, stopsFrom: Int) -> Int? {
    guard let p = input.baseAddress else { return nil }
    let n = input.count
    reserve(n - start + state.pendingNewlines + state.pendingSpaces + 8)
    let out = buffer
    let settings = self.settings
    let stopAmpersand = settings.stopAtAmpersand
    let stopMojibake = settings.stopAtPossibleMojibake
    let sensitive = settings.normalization?.bmpBits
    let normalization = settings.normalization
    let fast = settings.fastPath
    let trimLines = settings.trimLines
    let collapseBlankLines = settings.collapseBlankLines
    // The state lives in a local while the loop runs, so it can stay in registers.
    var s = state
    defer { state = s }
    var i = start
    while i < n {
      // Runs of ordinary characters with single spaces between words: the common case.
      if !s.prefixPending {
        while i < n {
          // Printable ASCII (but `&`) and single spaces before it: find the run, copy it at once.
          let j = CleanRun.end(p, from: i, count: n)
          if j > i {
            (out + s.count).update(from: p + i, count: j &- i)
            s.count &+= j &- i
            i = j
            if i >= n { break }
          }
          let b = p[i]
          if b == 0x26 {
            if stopAmpersand && i >= stopsFrom { break }
            out[s.count] = b
            s.count &+= 1
            i &+= 1
          } else if b == 0x20 {
            // A single space before an ordinary character.
            guard i &+ 1 < n else { break }
            let next = p[i &+ 1]
            if next == 0x26 {
              if stopAmpersand { break }
            } else if next >= 0xC2 && next < 0xF0 {
              if fast.isSlow(Self.scalar2or3(p, i &+ 1)) { break }
            } else {
              break
            }
            out[s.count] = 0x20
            s.count &+= 1
            i &+= 1
          } else if b == 0x0A && trimLines {
            // A line break after visible text, the breaks after it and the next line's
            // indentation: the state the byte rules below reach, in one go. The line starts
            // here, for a repair of it.
            var k = i &+ 1
            while k < n && p[k] == 0x0A { k &+= 1 }
            let newlines = k &- i
            s.pendingNewlines = newlines
            s.lineHasContent = false
            s.prefixPending = true
            lineStart = k
            lineStartState = s
            let j = Self.indentationEnd(p, from: k, count: n)
            s.pendingSpaces = j &- k
            i = j
            // Anything but an ordinary character goes the careful way from here.
            guard j < n && CleanRun.isPlain(p[j]) else { break }
            // The indentation goes; at most one blank line stays.
            // (One or two stores, not a call to fill memory, in the common case.)
            out[s.count] = 0x0A
            s.count &+= 1
            if newlines > 1 {
              let more = collapseBlankLines ? 1 : newlines &- 1
              for _ in 0..<more {
                out[s.count] = 0x0A
                s.count &+= 1
              }
            }
            s.pendingNewlines = 0
            s.pendingSpaces = 0
            s.lineHasContent = true
            s.prefixPending = false
          } else if b >= 0xC2 && b < 0xF0 {
            // Two- and three-byte characters that need nothing done (a word of Cyrillic,
            // Greek, CJK...), one after the other.
            var c = b
            var stopped = false
            repeat {
              let length = c < 0xE0 ? 2 : 3
              let scalar = Self.scalar2or3(p, i)
              if fast.isSlow(scalar) {
                stopped = true
                break
              }
              if stopMojibake && i >= stopsFrom && i &+ length < n && p[i &+ length] >= 0xC0
                && fast.mayFormMojibake(scalar, followedBy: p, at: i &+ length)
              {
                stopped = true
                break
              }
              out[s.count] = c
              out[s.count &+ 1] = p[i &+ 1]
              if length == 3 { out[s.count &+ 2] = p[i &+ 2] }
              s.count &+= length
              i &+= length
              guard i < n else { break }
              c = p[i]
            } while c >= 0xC2 && c < 0xF0
            if stopped { break }
          } else {
            break
          }
        }
        if i >= n { break }
      }
      let b = p[i]
      if b > 0x20 && b < 0x7F {
        if b == 0x26 && stopAmpersand && i >= stopsFrom { return i }
        Self.flushPrefix(&s, out, settings, beforeNonASCII: false)
        out[s.count] = b
        s.count += 1
        i += 1
        continue
      }
      if b < 0x80 {
        switch b {
        case 0x20, 0x09:
          let j = Self.indentationEnd(p, from: i, count: n)
          s.pendingSpaces += j - i
          s.prefixPending = true
          i = j
        case 0x0A:
          Self.newline(&s)
          i += 1
          lineStart = i
          lineStartState = s
        case 0x0D:  // CR or CRLF; either ends a line for the mojibake check too
          Self.newline(&s)
          i += 1
          if i < n && p[i] == 0x0A { i += 1 }
          lineStart = i
          lineStartState = s
        case 0x0B, 0x0C:  // vertical tab (a manual line break in word processors), form feed
          Self.newline(&s)
          i += 1
        default:  // other C0 controls, DEL
          Self.noteRemoval(&s, out)
          i += 1
        }
        continue
      }
      // Non-ASCII: decode one character.
      let b1 = i + 1 < n ? p[i + 1] : 0
      let length: Int
      let scalar: UInt32
      if b < 0xE0 {
        length = 2
        scalar = UInt32(b & 0x1F) << 6 | UInt32(b1 & 0x3F)
      } else if b < 0xF0 {
        length = 3
        scalar = UInt32(b & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
      } else {
        length = 4
        scalar =
          UInt32(b & 0x07) << 18 | UInt32(b1 & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
          | UInt32(p[i + 3] & 0x3F)
      }
      if stopMojibake && i >= stopsFrom
        && (Self.mayStartMojibakeAlone(scalar)
          || (i + length < n && p[i + length] >= 0xC0
            && fast.mayFormMojibake(scalar, followedBy: p, at: i + length)))
      {
        return i
      }
      switch Self.action(for: scalar) {
      case .keep:
        if let sensitive {
          if scalar <= 0xFFFF {
            if sensitive[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0 {
              s.needsNormalization = true
            }
          } else if normalization?.isSensitive(scalar) == true {
            s.needsNormalization = true
          }
        }
        let replacement = settings.asciiPunctuation ? Self.asciiReplacement(scalar) : nil
        if s.prefixPending {
          Self.flushPrefix(&s, out, settings, beforeNonASCII: replacement == nil)
        }
        if Self.mayStartMojibakeAlone(scalar) || scalar == 0x402 { s.mayHaveNewMojibake = true }
        if let (ascii, repeats) = replacement {
          for _ in 0..<repeats {
            out[s.count] = ascii
            s.count += 1
          }
        } else {
          out[s.count] = b
          out[s.count + 1] = b1
          if length > 2 {
            out[s.count + 2] = p[i + 2]
            if length > 3 { out[s.count + 3] = p[i + 3] }
          }
          s.count += length
        }
      case .space:
        s.pendingSpaces += 1
        s.prefixPending = true
      case .lineBreak:
        Self.newline(&s)
      case .remove:
        if scalar == 0x85 && !stopMojibake {
          Self.newline(&s)  // NEL, when no mojibake repair reads it as Windows-1252 `…`
        } else {
          Self.noteRemoval(&s, out)
        }
      case .joiner:
        // Zero-width (non-)joiners matter inside words of some scripts and emoji sequences:
        // keep one between two non-ASCII characters (decided when the next one comes), drop it
        // anywhere else.
        if !s.prefixPending && s.count > 0 && out[s.count - 1] >= 0x80 {
          s.pendingJoiner = p[i + 2]
          s.prefixPending = true
        } else {
          s.removed += 1
        }
      }
      i += length
    }
    return nil
  }

  /// The end of the run of spaces and tabs at `i` in `p[0..<n]`.
  @inline(__always)
  static func indentationEnd(_ p: UnsafePointer<UInt8>, from i: Int, count n: Int) -> Int {
    var j = i
    // Indentation comes in long runs of spaces: eight at a time.
    while j &+ 8 <= n {
      let other = UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self) ^ 0x2020_2020_2020_2020
      if other == 0 {
        j &+= 8
        continue
      }
      // The first byte that is not a space ends the run, unless it is a tab.
      j &+= other.trailingZeroBitCount &>> 3
      if p[j] != 0x09 { return j }
      j &+= 1
    }
    while j < n && (p[j] == 0x20 || p[j] == 0x09) { j &+= 1 }
    return j
  }

  /// The code point of the valid two- or three-byte UTF-8 sequence at `p[i]`.
  @inline(__always)
  static func scalar2or3(_ p: UnsafePointer<UInt8>, _ i: Int) -> UInt32 {
    let b = p[i]
    if b < 0xE0 { return UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F) }
    return UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
  }

  /// What happens to a non-ASCII character.
  enum Action {
    case keep, space, lineBreak, remove, joiner
  }

  /// Every code point above ASCII whose ``action(for:)`` is not `.keep`, that may start mojibake
  /// alone or that has an ASCII replacement lies in one of these ranges (a test checks them all).
  static let specialRanges: [ClosedRange<UInt32>] = [
    0x80...0x153, 0x1680...0x1680, 0x2000...0x206F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    0xFFF9...0xFFFC,
  ]

  /// The rule for `scalar` (U+0080 and above).
  @inline(__always)
  static func action(for scalar: UInt32) -> Action {
    switch scalar {
    case 0x80...0x9F: return .remove  // C1 controls the mojibake repair did not read
    case 0xA0: return .space
    case 0xAD: return .remove  // soft hyphen: an invisible break hint
    case 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
    case 0x200B, 0x2060...0x2064, 0x206A...0x206F, 0xFEFF, 0xFFF9...0xFFFC: return .remove
    case 0x200C, 0x200D: return .joiner
    case 0x2028, 0x2029: return .lineBreak
    default: return .keep
    }
  }

  /// Characters that can be part of a mojibake sequence on their own (without a non-ASCII
  /// neighbour): C1 controls, `Â`, `Ã` (before a space), `Œ`, `œ`. Every other mojibake
  /// sequence has two non-ASCII characters side by side, one of them "strong" (see
  /// ``CleanerFastPath/mayFormMojibake(_:followedBy:at:)``).
  @inline(__always)
  static func mayStartMojibakeAlone(_ scalar: UInt32) -> Bool {
    (scalar >= 0x80 && scalar <= 0x9F) || scalar == 0xC2 || scalar == 0xC3 || scalar == 0x152
      || scalar == 0x153
  }

  /// The ASCII spelling of typographic quotes, dashes and the ellipsis: a byte and how many.
  @inline(__always)
  static func asciiReplacement(_ scalar: UInt32) -> (UInt8, Int)? {
    switch scalar {
    case 0x2018...0x201B: return (0x27, 1)  // '
    case 0x201C...0x201F: return (0x22, 1)  // "
    case 0x2010...0x2015: return (0x2D, 1)  // -
    case 0x2026: return (0x2E, 3)  // ...
    default: return nil
    }
  }

  @inline(__always)
  private static func newline(_ s: inout State) {
    s.pendingSpaces = 0
    s.pendingNewlines += 1
    s.lineHasContent = false
    s.prefixPending = true
  }

  /// Counts a removed character, noting when it stood after a non-ASCII one (its removal may
  /// join two characters into a mojibake sequence).
  @inline(__always)
  private static func noteRemoval(_ s: inout State, _ out: UnsafeMutablePointer<UInt8>) {
    s.removed += 1
    if s.count > 0 && out[s.count - 1] >= 0x80 { s.mayHaveNewMojibake = true }
  }

  /// Writes what is due before the next visible character: a waiting zero-width joiner (only
  /// right before a non-ASCII character), line breaks and spaces.
  @inline(never)
  private static func flushPrefix(
    _ s: inout State, _ out: UnsafeMutablePointer<UInt8>, _ settings: CleanerSettings,
    beforeNonASCII: Bool
  ) {
    if s.pendingJoiner != 0 {
      if beforeNonASCII && s.pendingNewlines == 0 && s.pendingSpaces == 0 {
        out[s.count] = 0xE2
        out[s.count + 1] = 0x80
        out[s.count + 2] = s.pendingJoiner
        s.count += 3
      } else {
        s.removed += 1
      }
      s.pendingJoiner = 0
    }
    if s.pendingNewlines > 0 {
      if s.documentHasContent {
        let count = settings.collapseBlankLines ? min(s.pendingNewlines, 2) : s.pendingNewlines
        for _ in 0..<count {
          out[s.count] = 0x0A
          s.count += 1
        }
      }
      s.pendingNewlines = 0
    }
    if s.pendingSpaces > 0 {
      let count: Int
      if s.lineHasContent {
        count = settings.collapseSpaces ? 1 : s.pendingSpaces
      } else {
        count = settings.trimLines ? 0 : s.pendingSpaces
      }
      for _ in 0..<count {
        out[s.count] = 0x20
        s.count += 1
      }
      s.pendingSpaces = 0
    }
    s.lineHasContent = true
    s.documentHasContent = true
    s.prefixPending = false
  }

  /// Makes room for `extra` more bytes.
  private mutating func reserve(_ extra: Int) {
    let needed = state.count + extra
    guard needed > capacity else { return }
    let newCapacity = max(needed, capacity * 2)
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    grown.update(from: buffer, count: state.count)
    buffer.deallocate()
    buffer = grown
    capacity = newCapacity
  }
}
