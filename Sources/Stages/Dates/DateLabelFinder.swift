/// Finds the label written before a date on its line: `Published:`, `Updated`, `Stand:`,
/// `Veröffentlicht am`, `publié le`, `By Jane Doe |`, `bis`.
struct DateLabelFinder: Sendable {
  let trie = DateLabels.trie

  /// How far before a date (in bytes) a label may end.
  static let reach = 24
  /// How far into a line a byline's date may start.
  static let bylineReach = 120

  /// The label for a date starting at `start` on the line starting at `lineStart`; `after` is
  /// where the previous date on the same line ended (a label before that belongs to it).
  func label(
    in p: UnsafeBufferPointer<UInt8>, lineStart: Int, after previousEnd: Int, start: Int
  ) -> DateLabel {
    let from = max(lineStart, previousEnd, start - DateLabelFinder.bylineReach)
    var best = DateLabel.none
    let cls = ByteClass.table
    let isWordEnd = { (i: Int) in i >= p.count || !ByteClass.isWordByte(cls[Int(p[i])]) }
    ByteClass.forEachWordStart(p, from: from, to: start) { i in
      guard trie.canStart(p, at: i),
        let (end, label) = trie.longestMatch(in: p, at: i, accept: isWordEnd)
      else { return nil }
      if label == .byline {
        // A byline opens its line: "By Jane Doe | 27.06.2018", "von Fred Hüning 31.10.2023".
        if i == lineStart { best = .byline }
      } else if start - end <= DateLabelFinder.reach {
        best = label
      }
      return end
    }
    return best
  }

  /// Whether a byline follows the date ending at `end` on its line: "26/12/2019 von revamp-it",
  /// "31. Oktober 2023 · Von Campact-Team", "June 8, 2015 by Jane Doe".
  func bylineFollows(in p: UnsafeBufferPointer<UInt8>, end: Int, lineEnd: Int) -> Bool {
    var i = end
    while i < lineEnd, i - end < 8 {
      let b = p[i]
      if b == 32 || b == 124 || b == 44 || b == 45 || b == 47 || b == 9 {
        i += 1
      } else if b == 0xC2, i + 1 < lineEnd, p[i + 1] == 0xB7 || p[i + 1] == 0xA0 {
        i += 2  // · or no-break space
      } else if b == 0xE2, i + 2 < lineEnd, p[i + 1] == 0x80 {
        i += 3  // dashes, bullets
      } else {
        break
      }
    }
    guard i > end, i < lineEnd, trie.canStart(p, at: i),
      let (e, label) = trie.longestMatch(
        in: p, at: i, accept: { $0 < lineEnd && p[$0] == 32 })
    else { return false }
    return label == .byline && e > i
  }
}
