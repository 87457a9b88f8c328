/// Undoes mojibake: UTF-8 text that was decoded with a single-byte code page (once or several
/// times), the way ftfy 6.3's `fix_encoding` does it.
///
/// A line is only touched when ``Badness`` finds a mojibake sequence in it; then the line is
/// encoded back to bytes with the first code page that can represent all of it, and those bytes
/// must decode as UTF-8 (or CESU-8). The process repeats until nothing changes, which undoes
/// double encodings. Lines that mix mojibake with correct text get their mojibake runs fixed one
/// by one; remaining C1 controls are read as Windows-1252, like browsers do.
enum MojibakeRepair {
  /// The most rounds of repair for one text (each round peels one layer).
  static let maximumRounds = 16

  /// `text` with its mojibake undone, or `text` itself when there is none.
  static func fix(_ text: [UInt32]) -> [UInt32] {
    var current = text
    for _ in 0..<maximumRounds {
      let next = fixOneStep(current)
      if next == current { break }
      current = next
    }
    return current
  }

  /// One layer of repair (ftfy's `_fix_encoding_one_step_and_explain`).
  static func fixOneStep(_ text: [UInt32]) -> [UInt32] {
    if text.isEmpty || text.allSatisfy({ $0 < 0x80 }) || !Badness.isBad(text) { return text }

    var encodable: [CodePage] = []
    for page in CodePage.allCases {
      guard var bytes = page.encode(text) else { continue }
      encodable.append(page)
      if page != .macRoman && ByteRepairs.hasAlteredUTF8(bytes) {
        bytes = ByteRepairs.restoreByteA0(bytes)
      }
      if page.isSloppy { bytes = ByteRepairs.replaceLossySequences(bytes) }
      if let decoded = UTF8Variants.decode(bytes) { return decoded }
    }

    if InconsistentUTF8.containsMojibakeRun(text) {
      let fixed = InconsistentUTF8.fixRuns(text)
      if fixed != text { return fixed }
    }

    if encodable.contains(.latin1) {
      // Latin-1 but not Windows-1252: it has C1 controls, which were meant as Windows-1252.
      var fixed: [UInt32] = []
      fixed.reserveCapacity(text.count)
      var decodable = true
      for s in text {
        if s >= 0x80 && s <= 0x9F {
          let mapped = CodePage.windows1252.decode(UInt8(s))
          if mapped == s { decodable = false }
          fixed.append(mapped)
        } else {
          fixed.append(s)
        }
      }
      if decodable && fixed != text { return fixed }
    }

    if text.contains(where: { $0 >= 0x80 && $0 <= 0x9F }) { return fixC1Controls(text) }
    return text
  }

  /// C1 controls read as the Windows-1252 characters of the same byte (unassigned ones stay).
  static func fixC1Controls(_ text: [UInt32]) -> [UInt32] {
    text.map { $0 >= 0x80 && $0 <= 0x9F ? CodePage.windows1252.decode(UInt8($0)) : $0 }
  }
}
