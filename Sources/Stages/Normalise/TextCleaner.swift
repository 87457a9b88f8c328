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
    guard !bytes.isEmpty else { return }
    reserve(bytes.count)
    (buffer + state.count).update(from: bytes.baseAddress!, count: bytes.count)
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
    let stopAmpersand = settings.stopAtAmpersand
    let stopMojibake = settings.stopAtPossibleMojibake
    var i = start
    while i < n {
      let b = p[i]
      // Printable ASCII: the common case.
      if b > 0x20 && b < 0x7F {
        if b == 0x26 && stopAmpersand && i >= stopsFrom { return i }
        if state.prefixPending { flushPrefix() }
        buffer[state.count] = b
        state.count += 1
        i += 1
        continue
      }
      if b < 0x80 {
        switch b {
        case 0x20, 0x09:
          state.pendingSpaces += 1
          state.prefixPending = true
          i += 1
        case 0x0A:
          newline()
          i += 1
          markLineStart(i)
        case 0x0D:
          newline()
          i += 1
          if i < n && p[i] == 0x0A {
            i += 1
            markLineStart(i)
          }
        case 0x0B, 0x0C:  // vertical tab (a manual line break in word processors), form feed
          newline()
          i += 1
        default:  // other C0 controls, DEL
          state.removed += 1
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
        && ((i + length < n && p[i + length] >= 0xC0) || Self.mayStartMojibakeAlone(scalar))
      {
        return i
      }
      switch Self.action(for: scalar) {
      case .keep:
        if let check = settings.normalization, check.isSensitive(scalar) {
          state.needsNormalization = true
        }
        if settings.asciiPunctuation, let ascii = Self.asciiReplacement(scalar) {
          if state.prefixPending { flushPrefix() }
          for a in ascii.utf8 {
            buffer[state.count] = a
            state.count += 1
          }
        } else {
          if state.prefixPending { flushPrefix() }
          for k in 0..<length { buffer[state.count + k] = p[i + k] }
          state.count += length
        }
      case .space:
        state.pendingSpaces += 1
        state.prefixPending = true
      case .lineBreak:
        newline()
      case .remove:
        if scalar == 0x85 && !stopMojibake {
          newline()  // NEL, when no mojibake repair reads it as Windows-1252 `…`
        } else {
          state.removed += 1
        }
      case .joiner:
        // Zero-width (non-)joiners matter inside words of some scripts and emoji sequences:
        // keep one between two non-ASCII characters, drop it anywhere else.
        if !state.prefixPending && state.count > 0 && buffer[state.count - 1] >= 0x80
          && i + length < n && p[i + length] >= 0xC0
        {
          for k in 0..<length { buffer[state.count + k] = p[i + k] }
          state.count += length
        } else {
          state.removed += 1
        }
      }
      i += length
    }
    return nil
  }

  /// What happens to a non-ASCII character.
  enum Action {
    case keep, space, lineBreak, remove, joiner
  }

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
  /// neighbour): C1 controls, `Â`, `Ã` (before a space), `Œ`, `œ`.
  @inline(__always)
  static func mayStartMojibakeAlone(_ scalar: UInt32) -> Bool {
    (scalar >= 0x80 && scalar <= 0x9F) || scalar == 0xC2 || scalar == 0xC3 || scalar == 0x152
      || scalar == 0x153
  }

  /// The ASCII spelling of typographic quotes, dashes and the ellipsis.
  @inline(__always)
  static func asciiReplacement(_ scalar: UInt32) -> String? {
    switch scalar {
    case 0x2018...0x201B: return "'"
    case 0x201C...0x201F: return "\""
    case 0x2010...0x2015: return "-"
    case 0x2026: return "..."
    default: return nil
    }
  }

  @inline(__always)
  private mutating func newline() {
    state.pendingSpaces = 0
    state.pendingNewlines += 1
    state.lineHasContent = false
    state.prefixPending = true
  }

  /// Writes the line breaks and spaces that are due before the next visible character.
  private mutating func flushPrefix() {
    if state.pendingNewlines > 0 {
      if state.documentHasContent {
        let count =
          settings.collapseBlankLines ? min(state.pendingNewlines, 2) : state.pendingNewlines
        for _ in 0..<count {
          buffer[state.count] = 0x0A
          state.count += 1
        }
      }
      state.pendingNewlines = 0
    }
    if state.pendingSpaces > 0 {
      let count: Int
      if state.lineHasContent {
        count = settings.collapseSpaces ? 1 : state.pendingSpaces
      } else {
        count = settings.trimLines ? 0 : state.pendingSpaces
      }
      for _ in 0..<count {
        buffer[state.count] = 0x20
        state.count += 1
      }
      state.pendingSpaces = 0
    }
    state.lineHasContent = true
    state.documentHasContent = true
    state.prefixPending = false
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
