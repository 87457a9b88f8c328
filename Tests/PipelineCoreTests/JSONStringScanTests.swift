import Testing

@testable import PipelineCore

/// The 16-bytes-at-a-time scan for the end of a plain run in a JSON string, against the obvious
/// byte-by-byte loop.
@Suite struct JSONStringScanTests {
  /// The simple version: the first `"`, `\` or control byte in `from..<end`, or `end`.
  func simpleRunEnd(_ bytes: [UInt8], from: Int, end: Int) -> Int {
    var i = from
    while i < end, !(bytes[i] == 0x22 || bytes[i] == 0x5C || bytes[i] < 0x20) { i += 1 }
    return i
  }

  /// The three scans over `bytes[from..<end]`: where each stopped, what the copying ones
  /// copied, and the `seen` of the first one.
  struct Scans {
    var parser: Int
    var seen: UInt8
    var copying: Int
    var copied: [UInt8]
    var writer: Int
    var written: [UInt8]
  }

  func scans(_ bytes: [UInt8], from: Int, end: Int) -> Scans {
    bytes.withUnsafeBufferPointer { buf in
      guard let base = buf.baseAddress else {
        return Scans(parser: end, seen: 0, copying: end, copied: [], writer: end, written: [])
      }
      var seen: UInt8 = 0
      let parser = JSONStringScan.plainRunEnd(base, from: from, end: end, seen: &seen)
      var copyBuffer = ByteBuffer(capacity: 1)
      var ignored: UInt8 = 0
      let copying = JSONStringScan.copyPlainRun(base, from: from, end: end, into: &copyBuffer, seen: &ignored)
      var writeBuffer = ByteBuffer(capacity: 1)
      let writer = JSONStringScan.copyPlainRun(base, from: from, end: end, into: &writeBuffer)
      return Scans(
        parser: parser, seen: seen, copying: copying, copied: copyBuffer.array, writer: writer,
        written: writeBuffer.array)
    }
  }

  /// Checks every scan against the simple loop.
  func expectAgreement(_ bytes: [UInt8], from: Int, end: Int, _ comment: String = "") {
    let want = simpleRunEnd(bytes, from: from, end: end)
    let got = scans(bytes, from: from, end: end)
    let run = Array(bytes[from..<want])
    #expect(got.parser == want, "\(comment) \(bytes) \(from)..<\(end)")
    #expect(got.copying == want, "\(comment) \(bytes) \(from)..<\(end)")
    #expect(got.writer == want, "\(comment) \(bytes) \(from)..<\(end)")
    #expect(got.copied == run, "\(comment) \(bytes) \(from)..<\(end)")
    #expect(got.written == run, "\(comment) \(bytes) \(from)..<\(end)")
    if run.contains(where: { $0 >= 0x80 }) { #expect(got.seen >= 0x80, "\(comment)") }
  }

  @Test(arguments: [
    ("plain text with no specials at all, long enough for two blocks", -1),
    ("short", -1),
    ("a\"b", 1),
    ("0123456789abcdef\\", 16),
    ("0123456789abcdefghij\n", 20),
    ("\u{1}", 0),
    ("0123456789abcde\u{1F}x", 15),
    ("Grüße aus Köln, 16+ bytes of UTF-8 – no specials", -1),
    ("\u{7F} DEL and space are plain, 0x1F is not: \u{1F}", 40),
  ])
  func findsTheFirstSpecialByte(_ text: String, _ expected: Int) {
    let bytes = Array(text.utf8)
    let want = expected < 0 ? bytes.count : expected
    #expect(simpleRunEnd(bytes, from: 0, end: bytes.count) == want)
    expectAgreement(bytes, from: 0, end: bytes.count, text)
  }

  @Test func seenTellsWhetherTheRunWasASCII() {
    for text in ["ascii only, and longer than sixteen bytes", "short", "é", "a long run then é at the end"] {
      let bytes = Array(text.utf8)
      let got = scans(bytes, from: 0, end: bytes.count)
      #expect((got.seen >= 0x80) == bytes.contains { $0 >= 0x80 }, "\(text)")
    }
  }

  @Test func aSpecialInTheOverlappingLastBlockBeforeFromIsIgnored() {
    // 20 bytes, a quote at 5, scanning from 10: the writer's last block starts at 4 and must not
    // report the quote at 5.
    let bytes = Array("01234\"6789abcdefghij".utf8)
    let got = scans(bytes, from: 10, end: bytes.count)
    #expect(got.writer == 20)
    #expect(got.written == Array("abcdefghij".utf8))
    expectAgreement(bytes, from: 10, end: bytes.count)
  }

  @Test func agreesWithTheSimpleLoopOnRandomBytes() {
    var rng = SplitMix64(seed: 42)
    let pool: [UInt8] = Array(0x20...0x7E) + [0x00, 0x01, 0x0A, 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]
    for round in 0..<4000 {
      let length = Int(rng.next() % 80)
      // Mostly plain bytes, so runs of every length come up.
      let bytes: [UInt8] = (0..<length).map { _ in
        rng.next() % 8 == 0 ? pool[Int(rng.next() % UInt64(pool.count))] : UInt8(0x61 + rng.next() % 26)
      }
      let end = length == 0 ? 0 : Int(rng.next() % UInt64(length + 1))
      let from = end == 0 ? 0 : Int(rng.next() % UInt64(end + 1))
      expectAgreement(bytes, from: from, end: end, "round \(round)")
    }
  }
}

/// The escape tables of the block loops, against the obvious definitions.
@Suite struct JSONStringRunsTests {
  @Test func hexDigitsAreExactlyThoseOfJSON() {
    for b in UInt8.min...UInt8.max {
      let want = UInt32(String(Unicode.Scalar(b)), radix: 16).map {
        Character(Unicode.Scalar(b)).isASCII ? $0 : 0x10000
      }
      #expect(JSONStringRuns.hexDigit(b) == (want ?? 0x10000), "\(b)")
    }
  }

  @Test func escapesAreTheWritersEscapes() {
    for b in UInt8(0)...0x7F where b < 0x20 || b == 0x22 || b == 0x5C {
      let (word, count) = JSONStringRuns.escape(b)
      let bytes = (0..<count).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
      let want: String
      switch b {
      case 0x22: want = "\\\""
      case 0x5C: want = "\\\\"
      case 0x0A: want = "\\n"
      case 0x0D: want = "\\r"
      case 0x09: want = "\\t"
      default: want = "\\u00" + (b < 0x10 ? "0" : "") + String(b, radix: 16)
      }
      #expect(bytes == Array(want.utf8), "\(b)")
    }
  }

  @Test func decodesOneLetterAndBasicPlaneEscapesAndLeavesTheRest() {
    func decode(_ escape: String) -> (used: Int, bytes: [UInt8]) {
      let input = Array(escape.utf8)
      var out = [UInt8](repeating: 0, count: 8)
      return input.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dstBuffer in
          var dst = dstBuffer.baseAddress!
          let used = JSONStringRuns.decodeEscape(src.baseAddress!, at: 0, end: input.count, into: &dst)
          return (used, Array(dstBuffer[0..<(dst - dstBuffer.baseAddress!)]))
        }
      }
    }
    #expect(decode("\\n").used == 2)
    #expect(decode("\\n").bytes == [0x0A])
    #expect(decode("\\/").used == 2)
    #expect(decode("\\/").bytes == [0x2F])
    #expect(decode("\\u0041").used == 6)
    #expect(decode("\\u0041").bytes == [0x41])
    #expect(decode("\\u00e9").used == 6)
    #expect(decode("\\u00e9").bytes == Array("é".utf8))
    #expect(decode("\\u20AC").used == 6)
    #expect(decode("\\u20AC").bytes == Array("€".utf8))
    #expect(decode("\\uFFFF").used == 6)
    #expect(decode("\\uFFFF").bytes == Array("\u{FFFF}".utf8))
    #expect(decode("\\u0000").used == 6)
    #expect(decode("\\u0000").bytes == [0])
    // An invalid digit in any of the four places, surrogates, cut-off and unknown escapes.
    let invalid = ["\\uG234", "\\u1G34", "\\u12G4", "\\u123G", "\\u12 4", "\\u-123"]
    for leftToTheParser in invalid + ["\\ud83d\\ude00", "\\udc00", "\\u12", "\\q", "\\", "a"] {
      #expect(decode(leftToTheParser).used == 0, "\(leftToTheParser)")
      #expect(decode(leftToTheParser).bytes == [], "\(leftToTheParser)")
    }
  }
}

/// The growable byte buffer the writer and unescaper build their output in.
@Suite struct ByteBufferTests {
  @Test func appendsBytesRunsAndStringsAcrossGrowth() {
    var buffer = ByteBuffer(capacity: 1)
    var expected: [UInt8] = []
    for i in 0..<100 {
      buffer.append(UInt8(i))
      expected.append(UInt8(i))
      let run = Array(repeating: UInt8(i), count: i % 37)
      run.withUnsafeBufferPointer { buffer.append($0) }
      expected += run
      buffer.append("é\(i)")
      expected += Array("é\(i)".utf8)
    }
    buffer.reserve(3)
    buffer.appendReserved(1)
    expected.append(1)
    let short = Array("0123456789abcde".utf8)
    for n in 0..<16 {
      buffer.reserve(n)
      short.withUnsafeBufferPointer { buffer.appendReserved($0.baseAddress!, shortCount: n) }
      expected += short[0..<n]
      buffer.reserve(16)
      #expect(buffer.freeCount >= 16)
      buffer.freePointer.initialize(repeating: UInt8(n), count: 16)
      buffer.didWrite(n)
      expected += Array(repeating: UInt8(n), count: n)
    }
    #expect(buffer.array == expected)
    #expect(buffer.count == expected.count)
    #expect(buffer.capacity >= buffer.count)
    #expect(buffer.last == 15)
    var out: [UInt8] = [9]
    buffer.append(to: &out)
    #expect(out == [9] + expected)
  }

  @Test func anEmptyBufferHasNoBytes() {
    let buffer = ByteBuffer()
    #expect(buffer.array == [])
    #expect(buffer.last == nil)
  }
}

/// Object keys found again in the key cache from one record to the next: the same values as a
/// parse with no cache, whatever the keys (short, long, escaped, non-ASCII, more than it holds).
@Suite struct JSONKeyCacheTests {
  @Test func keysAreTheSameStrings() throws {
    var cache = JSONKeyCache()
    let bytes = Array("text".utf8)
    let first = bytes.withUnsafeBufferPointer { cache.key($0.baseAddress!, count: 4) }
    let again = bytes.withUnsafeBufferPointer { cache.key($0.baseAddress!, count: 4) }
    #expect(first == "text" && again == "text")
    // A prefix is another key: the length is part of the packed words.
    let shorter = bytes.withUnsafeBufferPointer { cache.key($0.baseAddress!, count: 3) }
    #expect(shorter == "tex")
    let empty = bytes.withUnsafeBufferPointer { cache.key($0.baseAddress!, count: 0) }
    #expect(empty == "")
  }

  @Test func recordsParseAlikeWithAndWithoutTheCache() throws {
    var rng = SplitMix64(seed: 21)
    let keyPool = [
      "id", "text", "url", "", "a", "fifteen-bytes-k", "sixteen-bytes-ke", "date_evidence", "é", "k\\n", "k\\u0041",
      "with space", "x\\\"y", "долгий", "id2", "id3", "id4", "id5", "id6", "id7", "id8", "id9", "id10", "id11",
    ]
    var cache = JSONKeyCache()
    var scratch = ByteBuffer()
    for _ in 0..<500 {
      var used = Set<Int>()
      var members: [String] = []
      for _ in 0..<Int(rng.next() % 8) {
        let k = Int(rng.next() % UInt64(keyPool.count))
        if used.insert(k).inserted { members.append("\"\(keyPool[k])\": \(rng.next() % 100)") }
      }
      members.append(#""nested": {"id": [1]}"#)
      let line = Array(("{" + members.joined(separator: ", ") + "}").utf8)
      let plain = try JSONParser.parse(line)
      let cached = try line.withUnsafeBufferPointer { buf throws(JSONSyntaxError) in
        try JSONParser.parse(buf, scratch: &scratch, keys: &cache)
      }
      #expect(cached.value == plain.value, "\(String(decoding: line, as: UTF8.self))")
    }
  }

  @Test func duplicateKeysAndErrorsAreReportedAsBefore() {
    var cache = JSONKeyCache()
    var scratch = ByteBuffer()
    for text in [#"{"id": 1, "id": 2}"#, #"{"id": 1, "text": }"#, #"{"id"  1}"#, #"{"te"#, #"{"id": 1, "i\d": 2}"#] {
      let line = Array(text.utf8)
      var plain: JSONSyntaxError?
      var cached: JSONSyntaxError?
      do { _ = try JSONParser.parse(line) } catch { plain = error }
      do {
        _ = try line.withUnsafeBufferPointer { buf throws(JSONSyntaxError) in
          try JSONParser.parse(buf, scratch: &scratch, keys: &cache)
        }
      } catch { cached = error }
      #expect(plain != nil && plain == cached, "\(text)")
    }
  }
}
