import PipelineCore

/// The simplest matcher with ``AhoCorasick``'s rules (case folding, whole words, stems,
/// whitespace runs), for differential tests: every pattern tried at every character start.
struct TagTopicsReferenceMatcher {
  struct Key {
    var bytes: [UInt8]
    var startsWithWord: Bool
    var endsWithWord: Bool
    var prefix: Bool
  }

  let keys: [Key]

  init(_ patterns: [AhoCorasick.Pattern]) {
    keys = patterns.map { p in
      var bytes = Array(p.text.utf8).withUnsafeBufferPointer { UnicodeWhitespace.normalised($0) }
      let text = String(decoding: bytes, as: UTF8.self)
      UTF8CaseFold.foldInPlace(&bytes)
      return Key(
        bytes: bytes, startsWithWord: WordCharacters.startsWithWord(text),
        endsWithWord: WordCharacters.endsWithWord(text), prefix: p.prefix)
    }
  }

  /// The width of the white space character at `i` (ASCII white space, no-break space and the
  /// wide spaces), or 0.
  static func spaceWidth(at i: Int, in b: [UInt8]) -> Int {
    guard i < b.count else { return 0 }
    if b[i] == 0x20 || (b[i] >= 0x09 && b[i] <= 0x0D) { return 1 }
    if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
    let wide: [UInt32] = Array(0x2000...0x200A) + [0x202F, 0x205F, 0x3000]
    for v in wide where b[i...].starts(with: Array(String(Unicode.Scalar(v)!).utf8)) { return 3 }
    return 0
  }

  /// Every match in `text`, sorted by start, end and pattern.
  func matches(in text: String) -> [AhoCorasick.Match] {
    let original = Array(text.utf8)
    var folded = original
    UTF8CaseFold.foldInPlace(&folded)
    var out: [AhoCorasick.Match] = []
    original.withUnsafeBufferPointer { o in
      for s in original.indices where original[s] & 0xC0 != 0x80 {
        let wordBefore = WordCharacters.isWord(before: s, in: o)
        for (p, key) in keys.enumerated() {
          if key.startsWithWord && wordBefore { continue }
          var i = s
          var k = 0
          var ok = true
          while ok && k < key.bytes.count {
            if key.bytes[k] == 0x20 {
              var w = Self.spaceWidth(at: i, in: original)
              ok = w > 0
              while w > 0 {
                i += w
                w = Self.spaceWidth(at: i, in: original)
              }
            } else {
              ok = i < folded.count && folded[i] == key.bytes[k]
              i += 1
            }
            k += 1
          }
          guard ok else { continue }
          var end = i
          if key.endsWithWord {
            if key.prefix {
              end = WordCharacters.wordEnd(from: i, in: o)
            } else if WordCharacters.isWord(at: i, in: o) {
              continue
            }
          }
          out.append(AhoCorasick.Match(pattern: p, start: s, end: end))
        }
      }
    }
    return out.sorted { ($0.start, $0.end, $0.pattern) < ($1.start, $1.end, $1.pattern) }
  }
}
