/// Mojibake embedded in otherwise correct text (ftfy's `decode_inconsistent_utf8`): runs of
/// characters that look like UTF-8 lead and continuation bytes seen through a single-byte code
/// page are repaired on their own when the whole line cannot be re-encoded at once.
enum InconsistentUTF8 {
  private typealias C = MojibakeCategory

  /// Whether `text` has a run that looks like UTF-8 read as a single-byte code page.
  static func containsMojibakeRun(_ text: [UInt32]) -> Bool {
    var i = 0
    while i < text.count {
      let end = runEnd(text, from: i)
      if end > i { return true }
      i += 1
    }
    return false
  }

  /// `text` with each bad-looking run replaced by its repair.
  static func fixRuns(_ text: [UInt32]) -> [UInt32] {
    var out: [UInt32] = []
    out.reserveCapacity(text.count)
    var i = 0
    while i < text.count {
      let end = runEnd(text, from: i)
      if end > i {
        let run = Array(text[i..<end])
        if run.count < text.count && Badness.isBad(run) {
          out.append(contentsOf: MojibakeRepair.fix(run))
        } else {
          out.append(contentsOf: run)
        }
        i = end
      } else {
        out.append(text[i])
        i += 1
      }
    }
    return out
  }

  /// The end of the run of UTF-8-looking sequences starting at `start`, or `start` when none
  /// starts there (nor right after a character that only continues a sequence).
  private static func runEnd(_ text: [UInt32], from start: Int) -> Int {
    if start > 0 && C.of(text[start - 1]).contains(.continuationStrict) { return start }
    var i = start
    while i < text.count {
      let k = C.of(text[i])
      let needed: Int
      if k.contains(.first2) {
        needed = 1
      } else if k.contains(.first3) {
        needed = 2
      } else if k.contains(.first4) {
        needed = 3
      } else {
        break
      }
      if i + needed >= text.count { break }
      var ok = true
      for j in 1...needed where !C.of(text[i + j]).contains(.continuation) {
        ok = false
        break
      }
      if !ok { break }
      i += needed + 1
    }
    return i
  }
}
