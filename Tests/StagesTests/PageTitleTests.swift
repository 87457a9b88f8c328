import Testing

@testable import Stages

/// ``PageTitle``: title suffixes, tagline prefixes and brand lines, and a randomised comparison
/// with the simple version that kept every token in an array.
@Suite struct PageTitleTests {
  func read(_ line: String) -> String? {
    let bytes = Array(line.utf8)
    return bytes.withUnsafeBufferPointer { p -> String? in
      switch PageTitle.read(p, start: 0, end: p.count) {
      case .title(let span, let suffix)?:
        return (suffix ? "suffix:" : "prefix:")
          + String(decoding: bytes[span.start..<span.end], as: UTF8.self)
      case .brand(let span)?: return "brand:" + String(decoding: bytes[span.start..<span.end], as: UTF8.self)
      case nil: return nil
      }
    }
  }

  @Test func readsTitlesTaglinesAndBrands() {
    #expect(read("Police search for missing hiker near the lake | WHDH 7News") == "suffix:WHDH 7News")
    #expect(read("Site.de - mit Cleantech die Klimakrise bekämpfen") == "prefix:Site.de")
    #expect(read("ABC News") == "brand:ABC News")
    #expect(read("A line of ordinary running text that is far too long to be a brand") == nil)
  }

  /// The simple version: all tokens and segments in arrays (as before the speed change).
  static func reference(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> PageTitle.Reading? {
    guard end - start <= 300 else { return nil }
    if end - start > 48
      && !(start..<end).contains(where: { [0x7C, 0x2D, 0x2F, 0x3E, 0x7E, 0x3A, 0xC2, 0xE2].contains(p[$0]) })
    {
      return nil
    }
    var tokens: [Token] = []
    var segments: [Range<Int>] = []
    var segStart = 0
    var pos = start
    while let t = LineTokens.next(p, from: pos, limit: end), tokens.count < 40 {
      pos = t.end
      if LineTokens.isSeparator(p, t) {
        if tokens.count > segStart { segments.append(segStart..<tokens.count) }
        segStart = tokens.count
        continue
      }
      tokens.append(t)
    }
    if tokens.count > segStart { segments.append(segStart..<tokens.count) }
    guard let first = segments.first, let last = segments.last else { return nil }
    func whole(_ segment: Range<Int>) -> NameSpan? {
      let s = tokens[segment.lowerBound]
      let e = tokens[segment.upperBound - 1]
      guard let read = NameReader.after(p, from: s.start, limit: e.end, maxWords: 5) else {
        return nil
      }
      guard read.name.end >= e.coreEnd, read.name.start <= s.coreEnd else { return nil }
      return read.name
    }
    if segments.count == 1 {
      guard first.count <= 4, end - start <= 48 else { return nil }
      return whole(first).map { .brand($0) }
    }
    let rest = tokens.count - first.count
    if last.count <= 4 && tokens.count - last.count >= 3 && first.count >= 3 {
      return whole(last).map { .title($0, suffix: true) }
    }
    if first.count <= 3 && (rest >= 3 || last.count <= 3) {
      return whole(first).map { .title($0, suffix: false) }
    }
    return nil
  }

  @Test func agreesWithTheSimpleVersionOnRandomLines() {
    var rng = SystemRandomNumberGenerator()
    let words = [
      "News", "the", "Daily", "Times", "of", "|", "-", "–", ":", "»", "/", "ABC", "Über", "de", "is",
      "reports", "Home", "Berlin", "(AP)", "7News", "Site.de", "a", "„Zitat“", "›", "and", "2023",
    ]
    for _ in 0..<3000 {
      let line = (0..<Int.random(in: 0...14, using: &rng)).map { _ in
        words[Int.random(in: 0..<words.count, using: &rng)]
      }.joined(separator: Bool.random(using: &rng) ? " " : "  ")
      let bytes = Array(line.utf8)
      bytes.withUnsafeBufferPointer { p in
        #expect(
          PageTitle.read(p, start: 0, end: p.count) == Self.reference(p, start: 0, end: p.count),
          "\(line)")
      }
    }
  }
}
