// The helpers are internal, so these tests need a testable build: debug only (release test
// builds, used for the benchmark, are not compiled for testing).
#if DEBUG
  import Testing

  @testable import Stages

  /// Small helpers of the chooser: day counts and date formatting.
  @Suite struct DetectDateInternalsTests {
    func day(_ y: Int, _ m: Int, _ d: Int) throws -> CalendarDay {
      try #require(CalendarDay(year: y, month: m, day: d))
    }

    @Test func tallyCountsEachDay() throws {
      var tally = DayTally(capacity: 4)
      tally.add(try day(2023, 7, 3))
      tally.add(try day(2023, 7, 3))
      tally.add(try day(2023, 3, 7), weight: 2)
      tally.add(try day(0, 12, 4))
      tally.seal()
      #expect(tally.count(try day(2023, 7, 3)) == 2)
      #expect(tally.count(try day(2023, 3, 7)) == 2)
      #expect(tally.count(try day(0, 12, 4)) == 1)
      #expect(tally.count(try day(2022, 12, 4)) == 0)
      #expect(tally.count(try day(2023, 7, 4)) == 0)
      let empty = { () -> DayTally in
        var t = DayTally(capacity: 0)
        t.seal()
        return t
      }()
      #expect(empty.count(try day(2023, 7, 3)) == 0)
    }

    @Test func isoFormatting() throws {
      #expect(try day(2023, 7, 3).iso == "2023-07-03")
      #expect(try day(0, 12, 4).iso == "XXXX-12-04")
      #expect(try day(987, 1, 9).iso == "0987-01-09")
      #expect(try day(12345, 10, 31).iso == "12345-10-31")
      #expect(try day(12345, 10, 31).iso(time: TimeOfDay(hour: 9, minute: 5)) == "12345-10-31T09:05")
      #expect(try day(0, 2, 29).iso(time: TimeOfDay(hour: 0, minute: 0)) == "XXXX-02-29T00:00")
      #expect(try day(2023, 7, 3).iso(time: TimeOfDay(hour: 9, minute: 5)) == "2023-07-03T09:05")
      #expect(TimeOfDay(hour: 23, minute: 59).text == "23:59")
      #expect(
        DateChoice(day: try day(0, 12, 4), time: TimeOfDay(hour: 1, minute: 2), span: nil).value
          == "XXXX-12-04")
      #expect(
        DateChoice(day: try day(2018, 12, 5), time: TimeOfDay(hour: 12, minute: 37), span: nil)
          .value == "2018-12-05T12:37")
    }
    /// The scanner's vector skip finds a date and counts the lines before it wherever the date
    /// and the newlines fall relative to 16- and 8-byte blocks.
    @Test func scannerFindsDatesAtEveryOffset() {
      let scanner = DateScanner()
      for padding in 0..<40 {
        for newlines in 0..<3 {
          let prefix =
            String(repeating: "ab", count: padding / 2)
            + String(repeating: "x\n", count: newlines) + String(repeating: "c", count: padding % 2)
          let text = prefix + "Published 2018-12-05 and more words after it"
          let bytes = Array(text.utf8)
          let (mentions, lineStarts) = bytes.withUnsafeBufferPointer { scanner.scan($0) }
          #expect(mentions.count == 1)
          #expect(mentions.first?.start == prefix.utf8.count + 10)
          #expect(mentions.first?.line == newlines)
          #expect(lineStarts.count == newlines + 1)
        }
      }
    }
    /// Whether each line of `text` is prose.
    func prose(_ text: String) -> [Bool] {
      let bytes = Array(text.utf8)
      var starts = [0]
      for (i, b) in bytes.enumerated() where b == 10 { starts.append(i + 1) }
      return bytes.withUnsafeBufferPointer { p in
        let layout = TextLayout(text: p, lineStarts: starts, through: starts.count - 1)
        return (0..<layout.measuredCount).map(layout.isProseLine)
      }
    }

    /// The layout's per-line record agrees with itself and with the rule for the body's start,
    /// recomputed the plain way from the prose lines: prose lines before each line are counted
    /// one by one, and the body starts at the first prose line that is a paragraph by itself or
    /// has more prose within the next lines (else at the first prose line).
    @Test func layoutCountsProseAndFindsTheBody() {
      let sentence = "the minister said that the talks would go on for another week in the capital city. "
      let pieces = [
        "Home", "* Menu item that is long enough to pass the length test but is a list item. x y z a b",
        sentence + sentence, String(repeating: sentence, count: 6), "", "short line.",
      ]
      var random = SplitMix64(seed: 7)
      for _ in 0..<300 {
        let count = Int.random(in: 1...30, using: &random)
        let lines = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }
        let text = lines.joined(separator: "\n")
        let bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 10 { starts.append(i + 1) }
        let through = Int.random(in: 0..<starts.count, using: &random)
        bytes.withUnsafeBufferPointer { p in
          let layout = TextLayout(text: p, lineStarts: starts, through: through)
          let measured = min(starts.count, through + TextLayout.bodyWindow + 1)
          #expect(layout.measuredCount == measured)
          var before = 0
          var firstProse = -1
          var body = -1
          for i in 0..<measured {
            #expect(layout.proseLinesBefore(i) == before)
            let prose = layout.isProseLine(i)
            #expect(prose == (lines[i].utf8.count >= TextLayout.proseLength && !lines[i].hasPrefix("*")))
            if prose {
              before += 1
              if firstProse < 0 { firstProse = i }
              let paragraph = lines[i].utf8.count - 1 >= TextLayout.paragraphLength
              let more = (i + 1..<min(measured, i + TextLayout.bodyWindow)).contains { layout.isProseLine($0) }
              if body < 0, paragraph || more { body = i }
            }
          }
          if body < 0 { body = firstProse >= 0 ? firstProse : measured }
          #expect(layout.bodyStart == body, "\(lines)")
        }
      }
    }

    /// Prose: long lines of lowercase words with a sentence end, found wherever the full stop
    /// falls in the sampled bytes (across the sixteen-byte blocks too) or at the line's end.
    @Test func proseLinesAreTold() {
      let words = "the minister said that the talks would go on for another week in the capital"
      for shift in 0..<20 {
        let head = String(repeating: "a", count: shift) + " went well. "
        let line = head + words + " and more words follow here without any end"
        #expect(prose(line) == [true], "full stop after \(shift) bytes")
      }
      #expect(prose(words + " and then some more words to make the line long enough.") == [true])
      #expect(prose(words + " and then some more words but no end at all anywhere") == [false])
      #expect(prose("Short line. With an end.") == [false])
      #expect(
        prose(
          "Home News World Business Sport Culture Opinion Video Audio Weather Markets Travel. Live Tv"
        )
          == [false])
      #expect(prose("* " + words + " and more words. In a list item.") == [false])
      #expect(prose("Title line\n" + words + ", said the minister. The end.") == [false, true])
    }
  }
#endif
