import Testing

@testable import Stages

/// `detect-source`: the byte-level fast paths checked against the simple versions they replace
/// (examples, then randomised differential tests with a fixed seed).
@Suite struct DetectSourceSpeedPathTests {
  // MARK: - Name keys of Latin names

  @Test func latinNameKeys() {
    #expect(NameKey.of("Düngebehörde Niedersachsen") == "duengebehoerdeniedersachsen")
    #expect(NameKey.of("La República") == "larepublica")
    #expect(NameKey.of("Straße") == "strasse")
    #expect(NameKey.of("ÉCOLE Œuvre") == "ecoleœuvre")
    #expect(NameKey.of("Łódź") == "łodz")
    #expect(NameKey.of("The Élysée") == "elysee")
    #expect(NameKey.word("Thé") == "the")
    #expect(NameKey.of("İstanbul") == "istanbul")
    // Outside Latin-1 and Extended-A the full path reads the name.
    #expect(NameKey.latinKey("Казинформ".utf8, dropThe: false) == nil)
    #expect(NameKey.of("Казинформ") == NameKey.full("Казинформ", dropThe: true))
  }

  @Test func latinKeysAgreeWithTheFullPath() {
    var random = SplitMix64(seed: 0x5EED_0005)
    let pieces: [String] = [
      "a", "Z", "the", "The", " ", "-", "7", ".", "'", "ä", "Ö", "ü", "ß", "é", "È", "ñ", "ç", "ł",
      "Ł", "ő", "Ş", "ı", "İ", "ž", "Œ", "×", "÷", "ÿ", "Ÿ", "ſ", "ŉ", "ĸ", "Ĳ", "Đ", "þ", "Æ",
    ]
    for _ in 0..<3000 {
      let count = Int(random.next() % 8)
      var name = ""
      for _ in 0..<count { name += pieces[Int(random.next() % UInt64(pieces.count))] }
      #expect(NameKey.of(name) == NameKey.full(name, dropThe: true), "\(name)")
      #expect(NameKey.word(name) == NameKey.full(name, dropThe: false), "\(name)")
    }
    // Every letter of the range on its own and inside a word.
    for v in 0xC0..<0x180 {
      guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
      let name = "X\(Character(scalar))y"
      #expect(NameKey.of(name) == NameKey.full(name, dropThe: true), "U+\(v)")
    }
  }

  // MARK: - Departments

  @Test func departmentsAreFoundAnywhereInAKey() {
    #expect(NameFilter.namesDepartment("kremlinpressservice"))
    #expect(NameFilter.namesDepartment("spokesperson"))
    #expect(NameFilter.namesDepartment("foreignministry"))
    #expect(!NameFilter.namesDepartment("steppeherald"))
    #expect(!NameFilter.namesDepartment("press"))
    #expect(!NameFilter.namesDepartment(""))
  }

  @Test func departmentsAgreeWithASubstringSearch() {
    var random = SplitMix64(seed: 0x5EED_0006)
    let pieces = ["press", "service", "office", "stelle", "spokes", "sprecher", "ministry", "m", "s", "p", "x"]
    for _ in 0..<2000 {
      var key = ""
      for _ in 0..<Int(random.next() % 5) { key += pieces[Int(random.next() % UInt64(pieces.count))] }
      let simple = NameFilter.departments.contains { part in
        key.utf8.count >= part.count
          && (0...(key.utf8.count - part.count)).contains { start in
            Array(key.utf8)[start..<(start + part.count)].elementsEqual(part)
          }
      }
      #expect(NameFilter.namesDepartment(key) == simple, "\(key)")
    }
  }

  // MARK: - Signs and dots in long paragraphs

  /// The copyright signs, spelled-out at-signs and domain dots of one line that is not read word
  /// by word, found byte by byte (the reference for the eight-bytes-at-a-time scan).
  static func simpleSigns(_ b: [UInt8]) -> (signs: [Int32], ats: [Int32], dots: [Int32]) {
    var signs: [Int32] = []
    var ats: [Int32] = []
    var dots: [Int32] = []
    let e = b.count
    var i = 0
    while i + 1 < e {
      let c = b[i]
      let spelled =
        (c == 0x28 || c == 0x5B) && i + 3 < e && (b[i + 1] | 0x20) == 0x61
        && (b[i + 2] | 0x20) == 0x74 && b[i + 3] == (c == 0x28 ? 0x29 : 0x5D)
      if c == 0xC2 && b[i + 1] == 0xA9 {
        signs.append(Int32(i))
      } else if c == 0x28 && i + 2 < e && (b[i + 1] | 0x20) == 0x63 && b[i + 2] == 0x29 {
        signs.append(Int32(i))
      } else if spelled {
        ats.append(Int32(i))
      } else if c == 0x2E && i > 0 && CaseFold.isASCIIWord(b[i - 1])
        && (b[i + 1] | 0x20) &- 0x61 < 26
      {
        dots.append(Int32(i))
      }
      i += 1
    }
    return (signs, ats, dots)
  }

  @Test func signsInLongParagraphsAgreeWithAByteByByteScan() {
    var random = SplitMix64(seed: 0x5EED_0007)
    let pieces = [
      "a", "Z", " ", ",", "*", ".", "(", ")", "[", "]", "(c)", "(at)", "[at]", "©", "é", "example.de",
      "x.y", "1.2", ".com", "•",
    ]
    let detector = SourceDetector.builtin
    for _ in 0..<1500 {
      var line = ""
      for _ in 0..<Int(random.next() % 60) { line += pieces[Int(random.next() % UInt64(pieces.count))] }
      let bytes = Array(line.utf8)
      let expected = Self.simpleSigns(bytes)
      bytes.withUnsafeBufferPointer { p in
        var scan = TextScan(lines: p)
        guard scan.lineCount == 1 else { return }
        scan.scan(p, matcher: detector.matcher, full: [false])
        #expect(scan.copyrightSigns.map(\.at) == expected.signs, "\(line)")
        #expect(scan.spelledAts.map(\.at) == expected.ats, "\(line)")
        #expect(scan.dots.map(\.at) == expected.dots, "\(line)")
      }
    }
  }

  // MARK: - Lines

  @Test func linesAreSplitAtNewlines() {
    let text = Array("a\n\nbc\n".utf8)
    text.withUnsafeBufferPointer { p in
      let scan = TextScan(lines: p)
      #expect(scan.lineStarts == [0, 2, 3, 6])
      #expect(scan.lineEnds == [1, 2, 5, 6])
    }
  }

  @Test func linesAgreeWithASplitByteByByte() {
    var random = SplitMix64(seed: 0x5EED_0012)
    let pieces = ["a", " ", "\n", "é", "©", "\n\n", "Reuters", "😀"]
    for _ in 0..<800 {
      var text = ""
      for _ in 0..<Int(random.next() % 120) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
      let bytes = Array(text.utf8)
      var starts: [Int32] = [0]
      var ends: [Int32] = []
      for (i, b) in bytes.enumerated() where b == 0x0A {
        ends.append(Int32(i))
        starts.append(Int32(i + 1))
      }
      ends.append(Int32(bytes.count))
      bytes.withUnsafeBufferPointer { p in
        let scan = TextScan(lines: p)
        #expect(scan.lineStarts == starts && scan.lineEnds == ends, "\(text)")
      }
    }
  }

  // MARK: - The phrase filter never hides a match

  /// The phrases found trying the trie at every word start of a line, with no filter.
  static func unfilteredHits(_ p: UnsafeBufferPointer<UInt8>, _ matcher: PhraseMatcher) -> [[Int]] {
    var hits: [[Int]] = []
    TextScan.classes.withUnsafeBufferPointer { cls in
      let n = p.count
      var i = 0
      while i < n {
        let b = p[i]
        if cls[Int(b)] & 1 != 0 {
          var end = i + 1
          while end < n && cls[Int(p[end])] & 2 != 0 { end += 1 }
          if let m = matcher.longestMatch(p, at: i) { hits.append([m.phrase, i, m.end]) }
          i = end
        } else {
          i += b == 0xC2 ? 2 : b == 0xE2 ? 3 : 1
        }
      }
    }
    return hits
  }

  @Test func filteredScanFindsEveryMatch() {
    var random = SplitMix64(seed: 0x5EED_0014)
    let pieces = [
      " ", " ", ", ", ".", "(", ")", "\t", "’", "é", "Reuters", "REUTERS", "reuters", "BBC", "bb", "Kazinform",
      "Follow", " us", " on", "on", " Facebook", " facebook", "copyright", "Copyright", "The", " the",
      "Astana", " Times", "Times", "Die", " Zeit", "Zeit", "Über", " uns", "About", "More", " from",
      "a", "An", "th", "x", "1", "2021", "-", "|", "Get", " stories", "Sign", " up", "reports",
      "according", " to", "told", "Frankfurter", " Allgemeine",
    ]
    let matcher = SourceDetector.builtin.matcher
    var found = 0
    for _ in 0..<3000 {
      var line = ""
      for _ in 0..<Int(random.next() % 30) { line += pieces[Int(random.next() % UInt64(pieces.count))] }
      let bytes = Array(line.utf8)
      bytes.withUnsafeBufferPointer { p in
        var scan = TextScan(lines: p)
        guard scan.lineCount == 1 else { return }
        scan.scan(p, matcher: matcher, full: [true])
        let expected = Self.unfilteredHits(p, matcher)
        found += expected.count
        #expect(scan.hits.map { [Int($0.phrase), Int($0.start), Int($0.end)] } == expected, "\(line)")
      }
    }
    #expect(found > 1000)  // the pieces make phrases often enough to test the filter
  }
}
