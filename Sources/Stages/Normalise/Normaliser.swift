import PipelineCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one run of ``Normaliser`` did to a text.
struct NormaliseReport: Sendable, Equatable {
  /// Lines whose mojibake was repaired.
  var mojibakeRepaired = 0
  /// Lines that looked like mojibake (repaired or not).
  var mojibakeSuspected = 0
  /// Character references decoded.
  var entitiesDecoded = 0
  /// Invisible and control characters removed.
  var invisibleRemoved = 0
  /// Whether NFC/NFKC changed the text.
  var normalized = false
  /// Whether the clean-up may have formed new mojibake sequences (see ``TextCleaner/State``).
  var mayHaveNewMojibake = false

  /// Whether another pass could change the text further (repairs or normalisation can put new
  /// characters side by side); ordinary clean-up is idempotent on its own.
  var mayNeedAnotherPass: Bool {
    mojibakeSuspected > 0 || entitiesDecoded > 0 || normalized || mayHaveNewMojibake
  }

  mutating func add(_ other: NormaliseReport) {
    mojibakeRepaired += other.mojibakeRepaired
    mojibakeSuspected += other.mojibakeSuspected
    entitiesDecoded += other.entitiesDecoded
    invisibleRemoved += other.invisibleRemoved
    normalized = normalized || other.normalized
    mayHaveNewMojibake = mayHaveNewMojibake || other.mayHaveNewMojibake
  }
}

/// The Unicode normalisation form the stage applies.
enum NormalForm: String, Sendable {
  case nfc = "NFC"
  case nfkc = "NFKC"
  case none
}

/// The whole `normalise` algorithm for one text, configured once.
struct Normaliser: Sendable {
  var repairMojibake = true
  var decodeEntities = true
  var form = NormalForm.nfc
  var trimLines = true
  var collapseSpaces = true
  var collapseBlankLines = true
  var asciiPunctuation = false
  /// Skip the clean start of a text (``firstProblem(_:)``) instead of cleaning it all; tests turn
  /// it off to check that both give the same text.
  var skipsCleanStart = true

  /// The most passes over one text; a second pass only runs after repairs or normalisation.
  static let maximumPasses = 4

  /// The normalised `text`, or `nil` when it is already normal.
  func normalise(_ text: String, report: inout NormaliseReport) -> String? {
    var current = text
    var changed = false
    for _ in 0..<Self.maximumPasses {
      var passReport = NormaliseReport()
      guard let next = pass(current, report: &passReport) else { break }
      report.add(passReport)
      current = next
      changed = true
      if !passReport.mayNeedAnotherPass { break }
    }
    return changed ? current : nil
  }

  private var settings: CleanerSettings {
    CleanerSettings(
      trimLines: trimLines, collapseSpaces: collapseSpaces, collapseBlankLines: collapseBlankLines,
      asciiPunctuation: asciiPunctuation, stopAtPossibleMojibake: repairMojibake,
      stopAtAmpersand: decodeEntities,
      normalization: form == .nfc ? .nfc : form == .nfkc ? .nfkc : nil,
      fastPath: CleanerFastPath.table(form: form, asciiPunctuation: asciiPunctuation))
  }

  /// One pass; `nil` when it leaves the text as it is.
  private func pass(_ text: String, report: inout NormaliseReport) -> String? {
    var text = text
    return text.withUTF8 { raw -> String? in
      guard let problem = skipsCleanStart ? firstProblem(raw) : raw.isEmpty ? nil : 0 else {
        return nil
      }
      // Everything before the line of the first problem is already clean: copy it.
      var start = problem
      while start > 0 && raw[start - 1] != 0x0A { start -= 1 }
      while start > 0 && raw[start - 1] == 0x0A { start -= 1 }

      var cleaner = TextCleaner(settings: settings, capacity: raw.count + 64)
      cleaner.appendVerbatim(UnsafeBufferPointer(rebasing: raw[0..<start]))
      cleaner.markLineStart(start)
      var from = start
      var stopsFrom = start
      // Without repairs, the output is whole characters of the (valid) input and ASCII.
      var repaired = false
      while let stop = cleaner.feed(raw, from: from, stopsFrom: stopsFrom) {
        let lineStart = cleaner.lineStart
        var lineEnd = stop
        // The line runs to its break, which it keeps (as ftfy's segments do). Unlike ftfy, a
        // lone CR ends a line too, so old Mac text is not re-decoded across lines.
        while lineEnd < raw.count && raw[lineEnd] != 0x0A && raw[lineEnd] != 0x0D { lineEnd += 1 }
        if lineEnd < raw.count {
          lineEnd +=
            raw[lineEnd] == 0x0D && lineEnd + 1 < raw.count && raw[lineEnd + 1] == 0x0A ? 2 : 1
        }
        let line = UnsafeBufferPointer(rebasing: raw[lineStart..<lineEnd])
        if let fixed = repair(line, report: &report) {
          repaired = true
          cleaner.rollBackLine()
          _ = fixed.withUnsafeBufferPointer { cleaner.feed($0, from: 0, stopsFrom: .max) }
          cleaner.markLineStart(lineEnd)
          from = lineEnd
        } else {
          from = stop
        }
        stopsFrom = lineEnd
      }
      report.invisibleRemoved += cleaner.state.removed
      report.mayHaveNewMojibake = repairMojibake && cleaner.state.mayHaveNewMojibake

      let output = cleaner.output
      if cleaner.state.needsNormalization, settings.normalization != nil {
        let normalized = normalizeLines(output)
        let same = normalized.withUnsafeBufferPointer { Self.sameBytes($0, output) }
        if !same { report.normalized = true }
        return normalized.withUnsafeBufferPointer { Self.sameBytes($0, raw) }
          ? nil : UTF8Strings.string(normalized)
      }
      if Self.sameBytes(output, raw) { return nil }
      return repaired ? UTF8Strings.string(output) : Self.validatedString(output)
    }
  }

  /// `bytes` in the configured normal form (NFC or NFKC), by ``UnicodeNormalization``, which
  /// copies runs of characters that cannot change as they are.
  private func normalizeLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 16)
    UnicodeNormalization.normalize(utf8: bytes, form == .nfkc ? .nfkc : .nfc, into: &out)
    return out
  }

  /// The text of `bytes`, which are known to be valid UTF-8 (no second check).
  static func validatedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    assert(UTF8Strings.isValid(bytes), "the cleaner wrote invalid UTF-8")
    return String(copying: UTF8Span(unchecked: bytes.span))
  }

  /// Whether two byte buffers hold the same bytes.
  static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
    return memcmp(pa, pb, a.count) == 0
  }

  /// Decodes character references and repairs mojibake in one line (with its `\n`); `nil` when
  /// neither applies.
  private func repair(_ line: UnsafeBufferPointer<UInt8>, report: inout NormaliseReport) -> [UInt8]? {
    // Most lines that stop the cleaner need nothing: find out without copying them.
    var decoded = 0
    let firstDecoding =
      decodeEntities && line.contains(0x26)
      ? HTMLEntities.shared.decode(line, count: &decoded) : nil
    if firstDecoding == nil
      && !(repairMojibake && line.contains(where: { $0 >= 0x80 }) && Badness.isBad(utf8: line))
    {
      return nil
    }
    report.entitiesDecoded += decoded
    var bytes = firstDecoding ?? Array(line)
    var changed = firstDecoding != nil
    for _ in 0..<MojibakeRepair.maximumRounds {
      var roundChanged = false
      if repairMojibake && bytes.contains(where: { $0 >= 0x80 }) {
        let scalars = bytes.withUnsafeBufferPointer { UTF8Variants.scalars(of: $0) }
        if Badness.isBad(scalars) {
          report.mojibakeSuspected += 1
          let fixed = MojibakeRepair.fix(scalars)
          if fixed != scalars {
            bytes.removeAll(keepingCapacity: true)
            UTF8Variants.encode(fixed, into: &bytes)
            report.mojibakeRepaired += 1
            roundChanged = true
          }
        }
      }
      if decodeEntities && bytes.contains(0x26) {
        var count = 0
        if let d = bytes.withUnsafeBufferPointer({ HTMLEntities.shared.decode($0, count: &count) }) {
          bytes = d
          report.entitiesDecoded += count
          roundChanged = true
        }
      }
      if !roundChanged { break }
      changed = true
    }
    return changed ? bytes : nil
  }

  /// The index of a byte in the first line that the clean-up could change (or could stop at,
  /// to repair the line), or `nil` when it leaves the whole text as it is: plain runs of words
  /// (``CleanRun``), non-ASCII characters that ``TextCleaner`` copies without a second look,
  /// single line breaks and single blank lines between lines that start with a visible
  /// character. The fast path: one scan, no copy.
  func firstProblem(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let p = raw.baseAddress, raw.count > 0 else { return nil }
    let n = raw.count
    let fast = settings.fastPath
    // Leading white space goes (and trailing, below); being conservative about the settings
    // only sends a text down the careful path, which finds it unchanged.
    if p[0] == 0x0A || p[0] == 0x20 { return 0 }
    var i = 0
    while true {
      i = CleanRun.end(p, from: i, count: n)
      guard i < n else { return nil }
      let b = p[i]
      if b == 0x0A {
        // One line break, or two (a blank line), then a visible character.
        var k = i &+ 1
        if k < n && p[k] == 0x0A { k &+= 1 }
        guard k < n, p[k] != 0x0A, p[k] != 0x20 else { return i }
        i = k
        continue
      }
      // A non-ASCII character, or a space before one (any other space here is a problem).
      var k = b == 0x20 ? i &+ 1 : i
      guard k < n, p[k] >= 0xC2, p[k] < 0xF0 else { return i }
      // Two- and three-byte characters the cleaner copies in its fast loop, one after another.
      repeat {
        let scalar = TextCleaner.scalar2or3(p, k)
        if fast.isSlow(scalar) { return k }
        let next = k &+ (p[k] < 0xE0 ? 2 : 3)
        if repairMojibake && next < n && p[next] >= 0xC0
          && fast.mayFormMojibake(scalar, followedBy: p, at: next)
        {
          return k
        }
        k = next
      } while k < n && p[k] >= 0xC2 && p[k] < 0xF0
      i = k
    }
  }
}
