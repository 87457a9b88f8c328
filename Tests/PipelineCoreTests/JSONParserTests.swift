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
