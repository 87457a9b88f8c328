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
    var i = from
    var atWordStart = true
    let cls = ByteClass.table
    while i < start {
      let c = cls[Int(p[i])]
      let isWord = ByteClass.isWordByte(c)
      if isWord && atWordStart && trie.canStart(p[i]),
        let (end, label) = trie.longestMatch(
          in: p, at: i,
          accept: { $0 >= p.count || !ByteClass.isWordByte(cls[Int(p[$0])]) })
      {
        if label == .byline {
          // A byline opens its line: "By Jane Doe | 27.06.2018", "von Fred Hüning 31.10.2023".
          if i == lineStart { best = .byline }
        } else if start - end <= DateLabelFinder.reach {
          best = label
        }
        i = end
        atWordStart = false
        continue
      }
      atWordStart = !isWord && c != ByteClass.digit
      i += 1
    }
    return best
  }
}
