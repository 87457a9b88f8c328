import PipelineCore
import Testing

@testable import Stages

/// The matches of `pattern` in `text`: for each match, group 0 and then every group (nil when it
/// did not take part).
func regexMatches(_ pattern: String, _ text: String, ignoreCase: Bool = false) throws -> [[String?]] {
  let program = try RegexProgram(pattern: pattern, ignoreCase: ignoreCase)
  let vm = PikeVM(program: program)
  var found: [[String?]] = []
  var text = text
  text.withUTF8 { bytes in
    _ = try? vm.forEachMatch(in: bytes) { slots in
      found.append(
        (0...program.captureCount).map { g in
          let (s, e) = (slots[2 * g], slots[2 * g + 1])
          return s >= 0 && e >= s ? String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<e]), as: UTF8.self) : nil
        })
    }
  }
  return found
}

/// Replaces every match of `pattern` in `text` with `template`.
func regexReplace(_ pattern: String, _ text: String, _ template: String, ignoreCase: Bool = false) throws -> String {
  let program = try RegexProgram(pattern: pattern, ignoreCase: ignoreCase)
  let replacement = try RegexReplacement(template, captureCount: program.captureCount, names: program.captureNames)
  return try replacement.replaceAll(in: text, using: PikeVM(program: program))?.text ?? text
}

/// The message of the error that parsing `pattern` throws.
func regexError(_ pattern: String) -> String? {
  do {
    _ = try RegexProgram(pattern: pattern)
    return nil
  } catch {
    return "\(error)"
  }
}

/// One row of the feature table: a pattern, a text, and the matches (group 0 first, then groups).
struct MatchCase: CustomTestStringConvertible, Sendable {
  var pattern: String
  var text: String
  var expected: [[String?]]
  var ignoreCase = false
  var testDescription: String { "\(pattern) on \(text.debugDescription)" }
  init(_ pattern: String, _ text: String, _ expected: [[String?]], ignoreCase: Bool = false) {
    self.pattern = pattern
    self.text = text
    self.expected = expected
    self.ignoreCase = ignoreCase
  }
}

@Suite struct RegexEngineTests {
  static let cases: [MatchCase] = [
    // Literals and escapes.
    MatchCase("Read more", "x Read more. Read more", [["Read more"], ["Read more"]]),
    MatchCase("a\\.b\\\\c", "a.b\\c axb\\c", [["a.b\\c"]]),
    MatchCase("\\t\\n", "a\t\nb", [["\t\n"]]),
    MatchCase("\\x41\\u0042\\u{43}\\x{44}", "ABCD", [["ABCD"]]),
    MatchCase("\\u{1F600}", "ok 😀!", [["😀"]]),
    MatchCase("\\Q(a+)\\E+", "(a+)))", [["(a+)))"]]),
    // Dot.
    MatchCase("a.c", "abc a\nc aéc a😀c", [["abc"], ["aéc"], ["a😀c"]]),
    MatchCase("(?s)a.c", "a\nc", [["a\nc"]]),
    // Classes.
    MatchCase("[abc]+", "xxbcaxx", [["bca"]]),
    MatchCase("[^a-z0-9 ]+", "abc DEF 12!?", [["DEF"], ["!?"]]),
    MatchCase("[a-]+", "b-a-c", [["-a-"]]),
    MatchCase("[]a]+", "x]a]x", [["]a]"]]),
    MatchCase("[\\d.,]+", "cost 1,234.50 now", [["1,234.50"]]),
    MatchCase("[\\]\\-\\\\]+", "a]-\\b", [["]-\\"]]),
    MatchCase("[à-ÿ]+", "café naïve", [["é"], ["ï"]]),
    MatchCase("[а-я]+", "Привет мир", [["ривет"], ["мир"]]),
    MatchCase("[^\\s]+", "ab  cd", [["ab"], ["cd"]]),
    MatchCase("[😀-😂]", "a😁b", [["😁"]]),
    // Shorthand classes, Unicode-aware.
    MatchCase("\\d+", "1 ٣٤ x", [["1"], ["٣٤"]]),
    MatchCase("\\w+", "naïve Москва_1 ½ x²", [["naïve"], ["Москва_1"], ["x"]]),
    MatchCase("\\W+", "a, b", [[", "]]),
    MatchCase("\\s+", "a \u{A0}\u{2003}b\nc", [[" \u{A0}\u{2003}"], ["\n"]]),
    MatchCase("\\S+", "ab  cd", [["ab"], ["cd"]]),
    MatchCase("\\D+", "12ab34", [["ab"]]),
    // Word boundaries, also next to non-ASCII letters.
    MatchCase("\\bcat\\b", "cat concat cat.", [["cat"], ["cat"]]),
    MatchCase("\\bviza\\b", "vizaé viza", [["viza"]]),
    MatchCase("\\bмир\\b", "мирный мир", [["мир"]]),
    MatchCase("\\Bся\\b", "учиться ся", [["ся"]]),
    // Anchors.
    MatchCase("^a", "aa", [["a"]]),
    MatchCase("a$", "aa\n", [["a"]]),
    MatchCase("(?m)^\\w+$", "one\ntwo words\nthree", [["one"], ["three"]]),
    MatchCase("(?m)^", "a\nb\n", [[""], [""]]),
    MatchCase("\\Aa|b\\z", "aab\nb", [["a"], ["b"]]),
    MatchCase("a\\Z", "a\n", [["a"]]),
    // Groups.
    MatchCase("(\\w+)@(\\w+)", "me@host", [["me@host", "me", "host"]]),
    MatchCase("(?:ab)+", "ababa", [["abab"]]),
    MatchCase("(?<year>\\d{4})-(?<m>\\d\\d)", "on 2024-03", [["2024-03", "2024", "03"]]),
    MatchCase("(a)|(b)", "ab", [["a", "a", nil], ["b", nil, "b"]]),
    MatchCase("(a*)+", "b", [["", ""], ["", ""]]),
    MatchCase("(a|b)*", "abc", [["ab", "b"], ["", nil], ["", nil]]),
    // Alternation is leftmost-first, not longest.
    MatchCase("a|ab", "ab", [["a"]]),
    MatchCase("ab|a", "ab", [["ab"]]),
    MatchCase("samwise|sam", "samwise", [["samwise"]]),
    // Quantifiers, greedy and lazy.
    MatchCase("a{2}", "aaaaa", [["aa"], ["aa"]]),
    MatchCase("a{2,}", "a aaa", [["aaa"]]),
    MatchCase("a{1,2}", "aaa", [["aa"], ["a"]]),
    MatchCase("a{0}b", "ab", [["b"]]),
    MatchCase("<.+>", "<a><b>", [["<a><b>"]]),
    MatchCase("<.+?>", "<a><b>", [["<a>"], ["<b>"]]),
    MatchCase("a??b", "ab", [["ab"]]),
    MatchCase("a{1,3}?", "aaa", [["a"], ["a"], ["a"]]),
    MatchCase("\\d*?x", "12x", [["12x"]]),
    MatchCase("(a+?)(a*)", "aaa", [["aaa", "a", "aa"]]),
    // Empty matches advance by one scalar, and may follow a non-empty match.
    MatchCase("x*", "aé", [[""], [""], [""]]),
    MatchCase("a*", "baaac", [[""], ["aaa"], [""], [""]]),
    // Case-insensitive matching: ASCII, Cyrillic, Greek, classes, the Kelvin sign.
    MatchCase("(?i)hello", "HeLLo hello", [["HeLLo"], ["hello"]]),
    MatchCase("привет", "ПРИВЕТ Привет", [["ПРИВЕТ"], ["Привет"]], ignoreCase: true),
    MatchCase("(?i)[а-я]+", "МИР мир Ё", [["МИР"], ["мир"]]),
    MatchCase("(?i)σ", "ς Σ σ", [["ς"], ["Σ"], ["σ"]]),
    MatchCase("(?i)k", "K k \u{212A}", [["K"], ["k"], ["\u{212A}"]]),
    MatchCase("(?i)ı", "ı I i", [["ı"]]),
    MatchCase("(?i)[^a]", "aAb", [["b"]]),
    MatchCase("a(?i)b|c", "aB C", [["aB"], ["C"]]),
    MatchCase("(?i:a)b", "Ab AB", [["Ab"]]),
    MatchCase("(?-i)a", "Aa", [["a"]], ignoreCase: true),
    MatchCase("(?x) a b # comment\n c", "abc", [["abc"]]),
  ]

  @Test(arguments: cases)
  func matchesAsExpected(_ c: MatchCase) throws {
    #expect(try regexMatches(c.pattern, c.text, ignoreCase: c.ignoreCase) == c.expected)
  }

  @Test func replaceAllAdvancesPastEmptyMatchesLikeICU() throws {
    #expect(try regexReplace("x*", "abc", "-") == "-a-b-c-")
    #expect(try regexReplace("x*", "xab", "-") == "--a-b-")
    #expect(try regexReplace("a*", "baaac", "-") == "-b--c-")
    #expect(try regexReplace("$", "ab\n", "-") == "ab-\n-")
    #expect(try regexReplace("(?m)$", "a\nb\n", "-") == "a-\nb-\n-")
    #expect(try regexReplace("\\b", "é a", "|") == "|é| |a|")
  }

  @Test func replacementTemplates() throws {
    #expect(try regexReplace("(\\d+) usd", "10 usd", "$1 dollars") == "10 dollars")
    #expect(try regexReplace("(\\w+) (\\w+)", "hello world", "$2 $1 ($0)") == "world hello (hello world)")
    #expect(try regexReplace("(?<first>\\w+) (?<last>\\w+)", "Ada Lovelace", "${last}, ${first}") == "Lovelace, Ada")
    #expect(try regexReplace("(a)", "a", "${1}1") == "a1")
    #expect(try regexReplace("x", "x", "\\$1$0\\\\") == "$1x\\")
    #expect(try regexReplace("(a)|(b)", "ab", "[$2]") == "[][b]")
    // `$12` with one group is group 1 followed by a literal 2.
    #expect(try regexReplace("(a)", "a", "$12") == "a2")
    let twelve = String(repeating: "(a)", count: 12)
    #expect(try regexReplace(twelve, String(repeating: "a", count: 12), "$12") == "a")
  }

  @Test func badReplacementTemplates() {
    func problem(_ template: String, groups: Int) -> String? {
      do {
        _ = try RegexReplacement(template, captureCount: groups)
        return nil
      } catch {
        return "\(error)"
      }
    }
    #expect(problem("$2", groups: 1) == "the replacement refers to group 2 but the pattern has 1 group at offset 0")
    #expect(problem("a ${name}", groups: 1)?.contains("group named 'name'") == true)
    #expect(problem("cost $", groups: 0)?.hasSuffix("(write \\$ for a dollar sign) at offset 5") == true)
    #expect(problem("${1", groups: 1)?.contains("without a closing '}'") == true)
    #expect(problem("a\\", groups: 0) == "the replacement ends with a lone backslash at offset 1")
  }

  @Test func parseErrorsSayWhatAndWhere() {
    #expect(regexError("(ab|cd))") == "unbalanced ')' at offset 7")
    #expect(regexError("ab(cd") == "missing ')' for the group opened at offset 2")
    #expect(regexError("[abc") == "missing ']' for the class opened at offset 0")
    #expect(regexError("a**") == "nested quantifier '*' (wrap the repeated part in (?:...)) at offset 2")
    #expect(regexError("*a") == "nothing to repeat before '*' at offset 0")
    #expect(regexError("a|+") == "nothing to repeat before '+' at offset 2")
    #expect(
      regexError("a{2")
        == "'{' must start a repetition like {2}, {2,} or {2,5} (write \\{ for a literal brace) at offset 1")
    #expect(regexError("a{,2}")?.hasSuffix("at offset 1") == true)
    #expect(regexError("a{3,2}") == "repetition {3,2} has its maximum below its minimum at offset 1")
    #expect(regexError("a{1001}") == "repetition counts above 1000 are not supported at offset 1")
    #expect(regexError("[z-a]") == "range out of order z-a at offset 1")
    #expect(regexError("[\\d-z]") == "a range cannot start with a class like \\d at offset 1")
    #expect(regexError("[a-\\d]") == "a range cannot end with a class like \\d at offset 3")
    #expect(regexError("[[:alpha:]]")?.hasPrefix("'[' inside a class must be escaped") == true)
    #expect(regexError("[a&&b]") == "class intersection '&&' is not supported at offset 2")
    #expect(regexError("ab\\") == "the pattern ends with a lone backslash at offset 2")
    #expect(regexError("\\y") == "unknown escape '\\y' at offset 0")
    #expect(regexError("\\x4") == "bad hexadecimal escape (expected 2 hex digits) at offset 0")
    #expect(regexError("\\u{}") == "bad hexadecimal escape (expected \\x{HEX}) at offset 0")
    #expect(regexError("\\u{D800}") == "escape is not a Unicode scalar value at offset 0")
    #expect(regexError("(?q)") == "unknown group flag 'q' (supported: i, m, s, x) at offset 2")
    #expect(regexError("(?<1a>x)")?.hasPrefix("a group name must be") == true)
    #expect(regexError("(?<n>a)(?<n>b)") == "duplicate group name 'n' at offset 10")
    #expect(regexError("\\p{L}")?.hasPrefix("Unicode property classes") == true)
    #expect(regexError("(a{1000}){1000}")?.hasPrefix("the pattern is too large") == true)
    #expect(regexError(String(repeating: "(a{100})", count: 400))?.hasPrefix("the pattern has too many groups") == true)
    #expect(regexError(String(repeating: "(", count: 200))?.hasPrefix("groups nested more than 100 deep") == true)
  }

  @Test func unsupportedFeaturesAreRejectedWithTheReason() {
    #expect(
      regexError("(a)\\1") == "backreferences (\\1) are not supported: the engine runs in linear time at offset 3")
    #expect(regexError("(?<n>a)\\k<n>")?.hasPrefix("backreferences (\\k<name>) are not supported") == true)
    #expect(regexError("a(?=b)") == "lookahead (?=...) is not supported: the engine runs in linear time at offset 1")
    #expect(regexError("a(?!b)")?.hasPrefix("lookahead (?!...) is not supported") == true)
    #expect(regexError("(?<=a)b")?.hasPrefix("lookbehind (?<=...) is not supported") == true)
    #expect(regexError("(?<!a)b")?.hasPrefix("lookbehind (?<!...) is not supported") == true)
    #expect(regexError("(?>a)")?.hasPrefix("atomic groups") == true)
    #expect(regexError("a*+")?.hasPrefix("possessive quantifiers") == true)
  }

  @Test func catastrophicPatternsRunInLinearTime() throws {
    let evil = String(repeating: "a", count: 30_000) + "!"
    let clock = ContinuousClock()
    var result: [[String?]] = []
    let elapsed = try clock.measure { result = try regexMatches("(a+)+$", evil) }
    #expect(result.isEmpty)
    #expect(elapsed < .seconds(2), "took \(elapsed)")  // milliseconds in release; generous for debug builds
    let nested = try clock.measure { result = try regexMatches("(x+x+)+y", String(repeating: "x", count: 5_000)) }
    #expect(result.isEmpty)
    #expect(nested < .seconds(2), "took \(nested)")
  }

  @Test func timeoutStopsALongSearch() throws {
    let program = try RegexProgram(pattern: "(a|aa)*b")
    let vm = PikeVM(program: program)
    var text = String(repeating: "a", count: 200_000)
    let timedOut = text.withUTF8 { bytes in
      do {
        _ = try vm.search(bytes, from: 0, deadline: ContinuousClock.now - .seconds(1))
        return false
      } catch {
        return error is PikeVM.Timeout
      }
    }
    #expect(timedOut)
  }

  @Test func prefilterKeepsOnlyPossibleStarts() throws {
    #expect(try RegexProgram(pattern: "Read more").prefilter?.firstPair.map { [$0.0, $0.1] } == [0x52, 0x52])
    #expect(try RegexProgram(pattern: "(?i)cookie").prefilter?.firstPair.map { [$0.0, $0.1] } == [0x43, 0x63])
    #expect(try RegexProgram(pattern: "(?i)(subscribe|newsletter|cookie)").prefilter?.sequences.count == 3)
    #expect(try RegexProgram(pattern: "\\d{4}-\\d{2}").prefilter?.sequences.first?.count == 7)
    // Patterns that can match the empty string, or start anywhere, get none.
    #expect(try RegexProgram(pattern: "a*").prefilter == nil)
    #expect(try RegexProgram(pattern: ".+").prefilter == nil)
    #expect(try RegexProgram(pattern: "\\bx|y?").prefilter == nil)
    // The prefilter never hides a match.
    #expect(
      try regexMatches("(?i)(subscribe|newsletter)", "SUBSCRIBE to our Newsletter") == [
        ["SUBSCRIBE", "SUBSCRIBE"], ["Newsletter", "Newsletter"],
      ])
    #expect(try regexMatches("(?i)s", "\u{17F}") == [["\u{17F}"]])
  }

  @Test func requiredTextIsTheLongestMandatoryLiteralRun() throws {
    func required(_ pattern: String) throws -> String? {
      guard let pairs = try RegexProgram(pattern: pattern).requiredText?.pairs else { return nil }
      return String(decoding: stride(from: 0, to: pairs.count, by: 2).map { pairs[$0] }, as: UTF8.self)
    }
    #expect(try required("\\s+\\(Photo: [^)]*\\)") == "(Photo: ")
    #expect(try required("(?i)x+photo") == "PHOTO")
    #expect(try required("(ab|cd)efg") == "efg")
    #expect(try required("éa{3}") == "éaaa")
    #expect(try required("ab?c") == nil)
    #expect(try required("(?:foo)?bar") == "bar")
    // Documents without it are skipped; documents with it still match everywhere they should.
    #expect(
      try regexMatches("\\s+\\(Photo: [^)]*\\)", "a (Photo: X) b (Photo: Y)") == [[" (Photo: X)"], [" (Photo: Y)"]])
    #expect(try regexMatches("\\w+ needle", "no such thing here").isEmpty)
  }

  @Test func caseFoldingEquivalents() {
    #expect(RegexCaseFolding.equivalents(of: 0x6B) == [0x4B, 0x6B, 0x212A])  // K k Kelvin
    #expect(RegexCaseFolding.equivalents(of: 0x416) == [0x416, 0x436])  // Ж ж
    #expect(RegexCaseFolding.equivalents(of: 0x3C3) == [0x3A3, 0x3C2, 0x3C3])  // Σ ς σ
    #expect(RegexCaseFolding.equivalents(of: 0x31) == [0x31])
    #expect(RegexCaseFolding.equivalents(of: 0x130) == [0x130])  // İ folds to itself
  }

  @Test func stageRejectsUnsupportedPatternsAtLoad() {
    #expect { try ReplaceStage.make(["rules": [["regex": "(\\w+) \\1"]]]) } throws: {
      let e = $0 as? OptionError
      return e?.path == ["0", "regex"]
        && e?.message.contains("backreferences (\\1) are not supported: the engine runs in linear time") == true
    }
    #expect { try ReplaceStage.make(["rules": [["regex": "(a)", "with": "$2"]]]) } throws: {
      ($0 as? OptionError)?.path == ["0", "with"]
    }
  }

  @Test func stageReplacesWithTheEngine() throws {
    let stage = try ReplaceStage.make([
      "rules": [
        ["regex": "\\s*\\(Photo: [^)]*\\)", "with": ""],
        ["regex": "(?i)\\b(subscribe|newsletter)\\b", "with": "<$1>"],
      ]
    ])
    let out = try stage.apply(to: "Astana skyline (Photo: Reuters). Subscribe to the NEWSLETTER.").document
    #expect(out.text == "Astana skyline. <Subscribe> to the <NEWSLETTER>.")
  }
}

#if canImport(Foundation)
  import Foundation

  /// The engine agrees with ICU (through `NSRegularExpression`, which the product no longer uses)
  /// on real text: same matches, same groups, same byte ranges.
  @Suite struct RegexCrossCheckTests {
    static let patterns: [String] = [
      "Read more", "\\d{4}-\\d{2}-\\d{2}", "(?i)(subscribe|newsletter|cookie)", "\\b\\w+\\b", "[A-Z][a-z]+",
      "(?i)\\bthe\\b", "\\s+", "https?://\\S+", "\\d+(?:[.,]\\d+)*", "^\\w+", "(?m)^.{0,20}$", "(?m)^\\s*$",
      "[^\\x00-\\x7F]+", "(?i)[а-яё]+", "\"[^\"]*\"", "\\(([^)]*)\\)", "\\b[A-Z]{2,}\\b", "(?i)kazakh\\w*",
      "[.!?]\\s+([A-Z])", "\\w+ing\\b", "(?s)\\A.{0,40}", "\\d{1,2}:\\d{2}", "\\b(a|an|the) (\\w+)",
      "\\b\\d+\\b|\\b[A-Z]\\w*", ".+?\\.", "\\S+$", "(?m)\\.$", "x*", "\\B\\w{2}", "[—–-]+", "(?i)[^a-z\\s]+",
      "(\\w)(\\w)?(\\w)?", "(?m)^(\\S+) (\\S+)", "(?i)ÉT[ée]|мир|ΣΟΦ", "(?x) \\d+ \\s* (?: min | hours? )",
      "\\W+?", "(\\p)?", "[\\w&&[^a]]",
    ]

    static let texts: [String] = loadTexts()

    static func loadTexts() -> [String] {
      let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
      var texts: [String] = [
        "Мир и МИР, мирный; σοφία ΣΟΦΙΑ ς. Été, ÉTÉ, été! 😀 emoji 👍🏽 and 中文 text.\r\nSecond line\u{2028}third",
        "Deadline 2024-03-05 12:30, cost 1,234.56 (approx) — see https://example.com/x?y=1 now.\n\n  \nEnd.",
      ]
      let seeds = root.appendingPathComponent("seeds")
      for name in (try? FileManager.default.contentsOfDirectory(atPath: seeds.path))?.sorted() ?? [] {
        if let t = try? String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8) { texts.append(t) }
      }
      let dev = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev.input.jsonl")
      if let lines = try? String(contentsOf: dev, encoding: .utf8).split(separator: "\n").prefix(8) {
        for line in lines {
          if let t = try? JSONParser.parse(String(line)).objectValue?["text"]?.stringValue {
            texts.append(String(t.unicodeScalars.prefix(8000)))
          }
        }
      }
      return texts
    }

    /// Matches as byte ranges of each group ("-" for a group that did not take part), from ICU.
    static func icuMatches(_ pattern: String, _ text: String) -> [[String]]? {
      guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
      func bytes(_ r: NSRange) -> String {
        guard r.location != NSNotFound else { return "-" }
        let u = text.utf16
        let s = text.utf8.distance(from: u.startIndex, to: u.index(u.startIndex, offsetBy: r.location))
        let e = text.utf8.distance(from: u.startIndex, to: u.index(u.startIndex, offsetBy: r.location + r.length))
        return "\(s)..<\(e)"
      }
      return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
        (0..<m.numberOfRanges).map { bytes(m.range(at: $0)) }
      }
    }

    /// The same from this engine.
    static func engineMatches(_ pattern: String, _ text: String) -> [[String]]? {
      guard let program = try? RegexProgram(pattern: pattern) else { return nil }
      let vm = PikeVM(program: program)
      var found: [[String]] = []
      var text = text
      text.withUTF8 { bytes in
        _ = try? vm.forEachMatch(in: bytes) { slots in
          found.append(
            (0...program.captureCount).map { g in
              slots[2 * g] >= 0 ? "\(slots[2 * g])..<\(slots[2 * g + 1])" : "-"
            })
        }
      }
      return found
    }

    @Test(arguments: patterns)
    func sameMatchesAsICU(_ pattern: String) {
      let texts = RegexCrossCheckTests.texts
      #expect(texts.count > 2)
      for (k, text) in texts.enumerated() {
        let icu = RegexCrossCheckTests.icuMatches(pattern, text)
        let ours = RegexCrossCheckTests.engineMatches(pattern, text)
        if icu == nil || ours == nil {
          // Patterns outside the supported subset must be rejected, never mis-matched.
          #expect(ours == nil, "ICU rejects \(pattern) but the engine accepts it")
          continue
        }
        if let icu, let ours, icu != ours {
          let d = (0..<min(icu.count, ours.count)).first(where: { icu[$0] != ours[$0] }) ?? min(icu.count, ours.count)
          let near = icu.indices.contains(d) ? icu[d] : ours.indices.contains(d) ? ours[d] : []
          let context = near.first.flatMap { r -> String? in
            guard let lo = Int(r.components(separatedBy: "..<")[0]) else { return nil }
            let a = text.utf8.index(text.utf8.startIndex, offsetBy: max(0, lo - 10))
            let b = text.utf8.index(a, offsetBy: min(40, text.utf8.distance(from: a, to: text.utf8.endIndex)))
            return String(text.utf8[a..<b])
          }
          Issue.record(
            "text \(k), \(pattern): match \(d): ICU \(icu.indices.contains(d) ? icu[d] : []) vs \(ours.indices.contains(d) ? ours[d] : []) near \((context ?? "").debugDescription)"
          )
          break
        }
      }
    }
  }
#endif

#if canImport(Foundation)
  /// Throughput of the engine on the dev corpus. Skipped unless `PIPE_BENCH` is set; run it in
  /// release mode: `PIPE_BENCH=1 swift test -c release --filter RegexBenchmark`.
  @Suite("regex: benchmark") struct RegexBenchmark {
    static let enabled = ProcessInfo.processInfo.environment["PIPE_BENCH"] != nil

    /// Replaces every match of `pattern` in every text (best of 3 passes) and prints MB/s.
    func measure(_ pattern: String, _ texts: [String]) throws {
      let stage = try ReplaceStage.make(["rules": [["regex": .string(pattern), "with": "<$0>"]], "timeoutMs": 10_000])
      let bytes = texts.reduce(0) { $0 + $1.utf8.count }
      var best = Double.infinity
      var replacements = 0
      for _ in 0..<3 {
        var context = StageContext()
        let start = BenchmarkSupport.threadCPUSeconds()
        for text in texts {
          var doc = Document(text: text)
          _ = try stage.process(&doc, context: &context)
        }
        best = min(best, BenchmarkSupport.threadCPUSeconds() - start)
        replacements = context.counters["replacements"] ?? 0
      }
      let mbs = Double(bytes) / best / 1e6
      print("regex benchmark: \(pattern.debugDescription): \(Int(mbs)) MB/s (\(bytes) bytes, \(replacements) matches)")
    }

    @Test(.enabled(if: enabled, "set PIPE_BENCH=1 (and -c release) to measure")) func devCorpusThroughput() throws {
      guard let texts = try BenchmarkSupport.devTexts() else { return }
      for pattern in [
        "Read more", "\\d{4}-\\d{2}-\\d{2}", "(?i)(subscribe|newsletter|cookie)", "\\s+\\(Photo: [^)]*\\)",
        // No useful prefilter: the VM runs at most positions.
        "\\w+ing\\b", "(?m)^[ \\t]+$",
      ] {
        try measure(pattern, texts)
      }
    }

    @Test(.enabled(if: enabled, "set PIPE_BENCH=1 (and -c release) to measure")) func catastrophicPattern() throws {
      let program = try RegexProgram(pattern: "(a+)+$")
      var text = String(repeating: "a", count: 30_000) + "!"
      let start = BenchmarkSupport.threadCPUSeconds()
      let found = try text.withUTF8 { try PikeVM(program: program).search($0, from: 0) }
      let ms = (BenchmarkSupport.threadCPUSeconds() - start) * 1000
      print("regex benchmark: (a+)+$ on 30 000 a's and '!': \(found ? "match" : "no match") in \(ms) ms")
      #expect(!found)
    }
  }
#endif
