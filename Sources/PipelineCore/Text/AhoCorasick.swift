/// A multi-term matcher: every term in one automaton, matched in a single pass over UTF-8 bytes.
///
/// Built once (in a stage's `init`) from any number of patterns; then ``forEachMatch(in:_:)``
/// reports every occurrence of every pattern, overlapping ones included (`new york` and `york`,
/// `visa` and `visa regime`), with byte offsets into the original text and the pattern's index.
///
/// - Case: with ``Options/caseInsensitive`` the text and the patterns go through the same
///   length-preserving ``UTF8CaseFold`` (ASCII plus the two-byte letters: Latin, Greek, Cyrillic
///   and Kazakh), so `VISA`, `Visa` and `visa`, or `ВИЗА` and `виза`, are one pattern.
/// - Words: with ``Options/wholeWords`` a match counts only when the characters around it are not
///   word characters in any script (``WordCharacters``): `visa` is not found in `visaé`,
///   `visas` or `supervisa`, `виза` not in `визаны`. An edge of a pattern that is itself not a word
///   character (`.net`, `-based`) is not checked.
/// - Stems: a pattern with ``Pattern/prefix`` set may be continued by more word characters; the
///   match then extends to the end of the word (`launch*` finds `launched` as one match).
/// - Whitespace: with ``Options/collapseWhitespace`` one space in a pattern matches any run of
///   spaces, tabs, line breaks and no-break spaces in the text.
///
/// ```swift
/// let matcher = try AhoCorasick(["visa", "visa regime", "launch*"].map { AhoCorasick.Pattern(parsing: $0) })
/// for m in matcher.matches(in: "Visa regime eased; rocket launched") {
///   print(m.pattern, m.start, m.end)   // 0 0 4, then 1 0 11, then 2 26 34
/// }
/// ```
///
/// The automaton steps once per character on character classes and is *word-anchored*: matches
/// only start at word starts, so a word that no pattern begins with parks the scan in one state
/// until the next separator. Its transition table is dense (16-bit entries, one column per
/// character class, so that a step is one load) for up to 65,536 states and hybrid (dense near
/// the root, sparse below) beyond. Long texts are scanned as two interleaved lanes so that the
/// table lookups overlap; matches still come out in text order. See
/// `Automaton` and its scan for the details.
public struct AhoCorasick: Sendable {
  /// One pattern: its text and whether it is a stem.
  public struct Pattern: Sendable, Hashable, CustomStringConvertible {
    /// The text to find (whitespace runs inside it match any whitespace run).
    public var text: String
    /// Whether the word may continue after the pattern (`launch*` → `launches`).
    public var prefix: Bool

    /// A pattern for `text`; `prefix` makes it a stem.
    public init(_ text: String, prefix: Bool = false) {
      self.text = text
      self.prefix = prefix
    }

    /// A pattern from the one-term syntax `text` or `stem*` (no braces; see ``TermSyntax`` for
    /// terms that expand to several patterns).
    public init(parsing term: String) {
      if term.hasSuffix("*"), term.count > 1 {
        self.init(String(term.dropLast()), prefix: true)
      } else {
        self.init(term)
      }
    }

    public var description: String { prefix ? text + "*" : text }
  }

  /// How text is compared with the patterns.
  public struct Options: Sendable, Equatable {
    /// Fold case (ASCII and two-byte letters) in patterns and text. Default `true`.
    public var caseInsensitive: Bool
    /// Report only matches that are whole words (or stems of one). Default `true`.
    public var wholeWords: Bool
    /// Let a space in a pattern match any whitespace run. Default `true`.
    public var collapseWhitespace: Bool

    public init(
      caseInsensitive: Bool = true, wholeWords: Bool = true, collapseWhitespace: Bool = true
    ) {
      self.caseInsensitive = caseInsensitive
      self.wholeWords = wholeWords
      self.collapseWhitespace = collapseWhitespace
    }
  }

  /// One occurrence of a pattern.
  public struct Match: Sendable, Equatable, CustomStringConvertible {
    /// The index of the pattern in the list the matcher was built from.
    public var pattern: Int
    /// The byte offset of the first byte of the match in the text's UTF-8.
    public var start: Int
    /// The byte offset just past the match (for a stem, the end of the word).
    public var end: Int

    public init(pattern: Int, start: Int, end: Int) {
      self.pattern = pattern
      self.start = start
      self.end = end
    }

    public var description: String { "#\(pattern)@\(start)..<\(end)" }
  }

  /// A pattern that cannot be used.
  public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The index of the pattern in the list.
    public var index: Int
    public var message: String
    public var description: String { "pattern \(index): \(message)" }
  }

  /// The patterns, in the order given.
  public let patterns: [Pattern]
  public let options: Options
  let automaton: Automaton

  /// The number of states of the automaton.
  public var stateCount: Int { automaton.stateCount }

  /// Builds the automaton for `patterns`. Throws ``PatternError`` for a pattern that is empty
  /// (or only whitespace).
  ///
  /// `denseLimit` caps the transition table at that many entries (4 bytes each): below it every
  /// state has a dense row; above it only the states nearest the root do and the rest are sparse.
  public init(_ patterns: [Pattern], options: Options = Options(), denseLimit: Int = 8_000_000)
    throws(PatternError)
  {
    self.patterns = patterns
    self.options = options
    self.automaton = try Automaton(patterns, options: options, denseLimit: denseLimit)
  }

  /// Every match in `text`, in the order the scan finds them: by the end of the pattern's bytes,
  /// and longer patterns first among those ending at the same byte.
  public func matches(in text: String) -> [Match] {
    var out: [Match] = []
    forEachMatch(in: text) { out.append($0) }
    return out
  }

  /// Calls `body` for every match in `text`, in the order of ``matches(in:)``.
  public func forEachMatch(in text: String, _ body: (Match) throws -> Void) rethrows {
    var text = text
    try text.withUTF8 { buffer in try forEachMatch(in: buffer, body) }
  }

  /// Calls `body` for every match in the UTF-8 `bytes`, in the order of ``matches(in:)``.
  public func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Match) throws -> Void)
    rethrows
  {
    try automaton.scan(bytes) { block in
      for m in block { try body(m) }
    }
  }

  /// Calls `body` with the matches in the UTF-8 `bytes` a block at a time (up to 256 matches per
  /// block; blocks in order, matches in each in the order of ``matches(in:)``). The cheapest way to
  /// collect many matches: one call per block rather than one per match.
  public func forEachMatchBlock(
    in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<Match>) throws -> Void
  ) rethrows {
    try automaton.scan(bytes, body)
  }

  /// Whether `text` has at least one match.
  public func hasMatch(in text: String) -> Bool {
    struct Found: Error {}
    do {
      try forEachMatch(in: text) { _ in throw Found() }
    } catch {
      return true
    }
    return false
  }
}
