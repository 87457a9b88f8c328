import PipelineCore
import Testing

@Suite struct JSONParserTests {
  @Test func parsesRecordsKeepingOrderAndNumberLexemes() throws {
    let v = try JSONParser.parse(#"{"id": 7, "text": "a\nb", "x": 1e400, "y": -0.5, "z": [true, null]}"#)
    let o = try #require(v.objectValue)
    #expect(o.keys == ["id", "text", "x", "y", "z"])
    #expect(o["x"] == .number("1e400"))
    #expect(o["text"] == .string("a\nb"))
    #expect(JSONWriter.string(v) == #"{"id":7,"text":"a\nb","x":1e400,"y":-0.5,"z":[true,null]}"#)
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    #expect(try JSONParser.parse(#""caf\u00e9 \ud83d\ude00 \"q\" \\ \/""#) == .string("café 😀 \"q\" \\ /"))
  }

  @Test func loneSurrogatesAndInvalidUTF8AreRepairedAndCounted() throws {
    let lone = try JSONParser.parse(Array(#"["\ud800x"]"#.utf8))
    #expect(lone.value == .array([.string("\u{FFFD}x")]))
    #expect(lone.repairs == 1)
    let bytes: [UInt8] = Array(#"{"text":"a"#.utf8) + [0xFF, 0xFE] + Array(#"b"}"#.utf8)
    let bad = try JSONParser.parse(bytes)
    #expect(bad.value.objectValue?["text"] == .string("a\u{FFFD}\u{FFFD}b"))
    #expect(bad.repairs == 1)
  }

  @Test(arguments: [
    (#"{"a":1,}"#, "expected a string key"),
    (#"{"a" 1}"#, "expected ':'"),
    (#"{"a":1"#, "unexpected end of input"),
    (#"{"a":tru}"#, "invalid literal"),
    (#"{"a":01}"#, "expected ',' or '}'"),
    ("{\"a\":\"x\ty\"}", "control character"),
    (#"{"a":1,"a":2}"#, "duplicate key \"a\""),
    (#"{"a":1} x"#, "unexpected data after"),
    (#""abc"#, "unterminated string"),
  ])
  func rejectsMalformedJSONWithAMessage(_ input: String, _ message: String) {
    #expect {
      _ = try JSONParser.parse(input)
    } throws: { error in
      (error as? JSONSyntaxError)?.message.contains(message) == true
    }
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
  }

  @Test func writerEscapesControlCharactersAndKeepsUnicode() throws {
    let s = JSONWriter.string(.string("tab\t nul\u{0} quote\" ü 😀"))
    #expect(s == #""tab\t nul\u0000 quote\" ü 😀""#)
    #expect(try JSONParser.parse(s) == .string("tab\t nul\u{0} quote\" ü 😀"))
  }

  @Test func objectReplacesInPlaceAndAppendsNewKeys() {
    var o: JSONObject = ["id": 1, "text": "x"]
    o["text"] = "y"
    o["date"] = nil
    o["topics"] = ["visa"]
    #expect(o.keys == ["id", "text", "topics"])
    o.rename("topics", to: "tags")
    #expect(o.keys == ["id", "text", "tags"])
  }
}

@Suite struct JSONFastPathTests {
  /// Strings long enough for the 8-bytes-at-a-time paths, with specials at every offset.
  @Test func specialsAtEveryOffsetRoundTrip() throws {
    for offset in 0..<20 {
      for special in ["\"", "\\", "\n", "\u{1}", "é", "😀", "\u{7F}"] {
        let s = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset)
        let json = JSONWriter.string(.string(s))
        #expect(try JSONParser.parse(json) == .string(s), "\(offset) \(special.debugDescription)")
      }
    }
  }

  @Test func invalidUTF8AfterALongASCIIRunIsRepaired() throws {
    let bytes = Array("\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 17) + [0xFF] + Array("\"".utf8)
    let r = try JSONParser.parse(bytes)
    #expect(r.repairs == 1)
    #expect(r.value == .string(String(repeating: "a", count: 17) + "\u{FFFD}"))
  }

  @Test func controlCharacterAfterALongRunIsAnError() {
    let bytes = Array("\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 17) + [0x0A] + Array("\"".utf8)
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
  }
}

/// The parser and writer against simple byte-by-byte reference versions, on random strings full
/// of escapes, control characters and (in)valid UTF-8 at every offset.
@Suite struct JSONStringDifferentialTests {
  /// The escaping the writer must produce: `\"`, `\\`, `\n`, `\r`, `\t`, other controls as `\u00xx`.
  func referenceEscape(_ s: String) -> [UInt8] {
    var out: [UInt8] = [0x22]
    let hex = Array("0123456789abcdef".utf8)
    for b in s.utf8 {
      switch b {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, 0x6E]
      case 0x0D: out += [0x5C, 0x72]
      case 0x09: out += [0x5C, 0x74]
      case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
      default: out.append(b)
      }
    }
    return out + [0x22]
  }

  /// The string a JSON string literal (quotes included, well-formed escapes) decodes to, and
  /// whether it needed a repair, decoded one byte at a time.
  func referenceDecode(_ literal: [UInt8]) -> (String, Bool) {
    var out: [UInt8] = []
    var repaired = false
    var i = 1
    func hex4(_ at: Int) -> UInt32 { UInt32(String(decoding: literal[at..<at + 4], as: UTF8.self), radix: 16)! }
    while literal[i] != 0x22 {
      guard literal[i] == 0x5C else {
        out.append(literal[i])
        i += 1
        continue
      }
      let e = literal[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        var v = hex4(i)
        i += 4
        if (0xD800..<0xDC00).contains(v), literal[i] == 0x5C, literal[i + 1] == UInt8(ascii: "u"),
          (0xDC00..<0xE000).contains(hex4(i + 2))
        {
          v = 0x10000 + ((v - 0xD800) << 10) + (hex4(i + 2) - 0xDC00)
          i += 6
        } else if (0xD800..<0xE000).contains(v) {
          v = 0xFFFD
          repaired = true
        }
        out += Array(String(Character(Unicode.Scalar(v)!)).utf8)
      default: out.append(e)  // \" \\ \/
      }
    }
    if String(validating: out, as: UTF8.self) == nil { repaired = true }
    return (String(decoding: out, as: UTF8.self), repaired)
  }

  @Test func writerMatchesTheReferenceEscaping() {
    var rng = SplitMix64(seed: 11)
    let pieces = ["a", "b", " ", "é", "😀", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{8}", "\u{1F}", "\u{7F}", "/"]
    for _ in 0..<3000 {
      let count = Int(rng.next() % 60)
      let s = (0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
      let long = String(repeating: "x", count: Int(rng.next() % 20)) + s
      for text in [s, long] {
        var out: [UInt8] = []
        JSONWriter.writeString(text, into: &out)
        #expect(out == referenceEscape(text), "\(text.debugDescription)")
      }
    }
  }

  /// Objects: short keys and values with and without escapes (the short-string path and the
  /// general one), the replaced member in place or appended.
  @Test func objectsAreWrittenMemberByMember() {
    let object = JSONObject([
      ("id", "a\"b"), ("text", "old"), ("k\n", .int(1)), ("fifteen-bytes-k", "sixteen-bytes-vv"),
      ("é", .array(["x", .null])),
    ])
    var out: [UInt8] = []
    JSONWriter.write(object, replacing: "text", with: "new\t", into: &out)
    let want =
      #"{"id":"a\"b","text":"new\t","k\n":1,"fifteen-bytes-k":"sixteen-bytes-vv","é":["x",null]}"#
    #expect(String(decoding: out, as: UTF8.self) == want)
    var appended: [UInt8] = []
    JSONWriter.write(JSONObject([("id", .int(7))]), replacing: "text", with: "t", into: &appended)
    #expect(String(decoding: appended, as: UTF8.self) == #"{"id":7,"text":"t"}"#)
  }

  @Test func parserMatchesTheReferenceDecoding() throws {
    var rng = SplitMix64(seed: 12)
    let pieces: [[UInt8]] =
      [
        "a", "b", " ", "é", "😀", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\r", "\\b", "\\f", "\\u00e9", "\\u0000",
        "\\ud83d\\ude00", "\\ud800", "\\udc00", "\\ud800\\u0041", "\\uFFFF",
        "\\u0041", "\\u07FF", "\\u0800", "\\uD7FF", "\\uE000", "\\u00C9", "\\uabcd", "\\u0022",
      ].map { Array($0.utf8) }
      + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0x80]]
    for _ in 0..<3000 {
      let count = Int(rng.next() % 50)
      var literal: [UInt8] = [0x22] + Array(repeating: UInt8(ascii: "x"), count: Int(rng.next() % 20))
      for _ in 0..<count { literal += pieces[Int(rng.next() % UInt64(pieces.count))] }
      literal.append(0x22)
      let (want, repaired) = referenceDecode(literal)
      let got = try JSONParser.parse(literal)
      #expect(got.value == .string(want), "\(literal)")
      #expect((got.repairs > 0) == repaired, "\(literal)")
    }
  }

  @Test func everyControlCharacterIsEscapedInAndOutOfTheBlockLoop() throws {
    for b in UInt8(0)..<0x20 {
      let c = String(Unicode.Scalar(b))
      // Alone (the tail code) and in the middle of long text (the 16-byte block loop).
      for text in [c, String(repeating: "a", count: 20) + c + String(repeating: "b", count: 40)] {
        var out: [UInt8] = []
        JSONWriter.writeString(text, into: &out)
        #expect(out == referenceEscape(text), "\(b)")
        let parsed = try JSONParser.parse(out)
        #expect(parsed.value == .string(text), "\(b)")
        #expect(parsed.repairs == 0)
      }
    }
  }

  @Test func longStringsWithDenseEscapesRoundTrip() throws {
    var rng = SplitMix64(seed: 13)
    let pieces = ["plain text ", "\n", "\"", "\\", "é", "😀", "\t", "\u{1}", "/", "x"]
    for _ in 0..<200 {
      let count = Int(rng.next() % 800)
      let text = (0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
      var out: [UInt8] = []
      JSONWriter.writeString(text, into: &out)
      #expect(out == referenceEscape(text))
      #expect(try JSONParser.parse(out).value == .string(text))
      #expect(referenceDecode(out).0 == text)
    }
  }

  @Test func errorsPointAtTheSameBytesAfterAnEscape() {
    func offset(_ text: String) -> Int? {
      do {
        _ = try JSONParser.parse(Array(text.utf8))
        return nil
      } catch { return error.offset }
    }
    let pad = String(repeating: "a", count: 20)
    #expect(offset("\"\(pad)\\n\(pad)\u{1}\"") == 43)  // the control character
    #expect(offset("\"\(pad)\\n\(pad)\\q\"") == 44)  // the escape letter
    #expect(offset("\"\(pad)\\n\(pad)\\u12x4\"") == 47)  // the bad hex digit
    // The same with text after them, so the 16-byte block loop meets them.
    #expect(offset("\"\(pad)\\n\(pad)\u{1}\(pad)\"") == 43)
    #expect(offset("\"\(pad)\\n\(pad)\\q\(pad)\"") == 44)
    #expect(offset("\"\(pad)\\n\(pad)\\u12x4\(pad)\"") == 47)
    #expect(offset("\"\(pad)\\n\(pad)\\ux234\(pad)\"") == 45)
    #expect(offset("\"\(pad)\\n\(pad)") == 0)  // unterminated: the opening quote
    #expect(offset("\"\(pad)\\") == 0)
  }
}
