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
}
