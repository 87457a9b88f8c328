import PipelineCore
import Testing

@testable import Stages

/// Prose paragraphs long enough to be article text on their own.
private let first =
  "The government said on Tuesday that it would raise the subsidies for farmers next year, and "
  + "that the money would come from the reserve that parliament approved in the spring."
private let second =
  "Officials in the ministry told reporters that the plan had been discussed with the regions "
  + "for months, and that most of them had welcomed it as a sign of stability."

private func strip(_ text: String, _ options: JSONObject = [:]) throws -> String {
  try StripBoilerplateStage.make(options).apply(to: text).document.text
}

private func removed(_ text: String) throws -> [JSONValue] {
  let (document, _) = try StripBoilerplateStage.make(["removedField": "removed"]).apply(to: text)
  return document.fields["removed"]?.arrayValue ?? []
}

/// The rules that keep what continues or introduces kept text: lead-ins before a paragraph and
/// what a lead-in introduces, dash-led replies and attributions, sentences trailing off, signal
/// lines and smileys inside the text, French quotation marks, the headline before the body.
@Suite struct StripBoilerplateContinuationTests {
  @Test func keepsALeadInRightBeforeAParagraph() throws {
    let text = ["Share on Facebook", first, "Urteil", "Leitsätze des Gerichts:", second].joined(
      separator: "\n")
    #expect(try strip(text).contains("Leitsätze des Gerichts:\n" + second))
    // A boilerplate line ending with a colon stays out, wherever it stands.
    let follow = [first, "Share this article:", second].joined(separator: "\n")
    #expect(try strip(follow) == first + "\n" + second)
  }

  @Test func keepsWhatAKeptLeadInIntroducesUpToTheNextKeptLine() throws {
    let code = "FROM python:3.7 COPY . /tmp/myapp RUN pip install /tmp/myapp CMD flask run app:app"
    let leadIn = "Your Dockerfile might then look like this:"
    let text = [first, leadIn, code, second].joined(separator: "\n")
    #expect(try strip(text) == text)
    // Nothing kept after it: the lines after the lead-in are not carried in.
    let open = [first, leadIn, code, "Share on Facebook"].joined(separator: "\n")
    #expect(try strip(open) == first + "\n" + leadIn)
    // More than four lines to the next kept line: not carried in either.
    let long = [first, leadIn] + Array(repeating: code, count: 5) + [second]
    #expect(!(try strip(long.joined(separator: "\n")).contains(code)))
  }

  @Test func keepsADashLedReplyOrAttributionAfterKeptText() throws {
    let tweet = "— Jane Doe (@janedoe) February 17, 2020"
    let text = [first, tweet, "Share on Facebook", "Related articles"].joined(separator: "\n")
    #expect(try strip(text) == first + "\n" + tweet)
    let dialogue = [
      "„Ich weiß, ich bin betrunken und sollte das vielleicht nicht sagen, aber ich sage es trotzdem“",
      "– „Dann sag es nicht“", "– „Ok.“", "Teilen Sie dies mit:", "Twitter",
    ].joined(separator: "\n")
    #expect(try strip(dialogue).hasSuffix("– „Dann sag es nicht“\n– „Ok.“"))
    // Not after kept text: a dash-led line is decided as any other.
    #expect(try strip(["– Menu", "Twitter", first].joined(separator: "\n")) == first)
  }

  @Test func keepsASentenceTrailingOffAfterKeptProse() throws {
    let trailing = "Ich bedanke mich für den Tipp von 2%…"
    let text = [first, trailing, "Share on Facebook"].joined(separator: "\n")
    #expect(try strip(text) == first + "\n" + trailing)
    // A cut-off teaser that does not follow kept prose stays out.
    let teaser = [first, "Share on Facebook", "Read the whole story of the year…", "Twitter"]
    #expect(try strip(teaser.joined(separator: "\n")) == first)
  }

  @Test func keepsASignalLineAloneInsideTheText() throws {
    let signals = "Tausende von Texten zum Thema"
    #expect(
      try removed(["Twitter", signals, "Facebook", first].joined(separator: "\n"))
        .contains(["line": .string(signals), "reason": "signals"]))
    let text = [first, signals, second].joined(separator: "\n")
    #expect(try strip(text) == text)
  }

  @Test func keepsASmileyBetweenKeptLinesButNotALoneBullet() throws {
    let text = [first, "=)", second].joined(separator: "\n")
    #expect(try strip(text) == text)
    #expect(try strip([first, "*", second].joined(separator: "\n")) == first + "\n" + second)
  }

  @Test func frenchQuotationMarksAreNotBreadcrumbSeparators() throws {
    let heading = "Retour sur les revues de rang « 1 » ou « 1* » où les chercheurs publient"
    let text = [first, heading, second].joined(separator: "\n")
    #expect(try strip(text) == text)
    // Isolated » between menu items still make a breadcrumb.
    let crumbs = "Accueil » Actualités » Monde"
    #expect(
      try removed([crumbs, first].joined(separator: "\n")).contains([
        "line": .string(crumbs), "reason": "breadcrumb",
      ]))
  }

  @Test func keepsTheHeadlineAboveALeadInBeforeTheBody() throws {
    let text = [
      "Older post (4)", "Newer post", "Posted: 05.01.2020 | Author: admin | Filed under: Photos",
      "The city stands black and silent tonight", "It had started with a handheld shot:", first,
      second,
    ].joined(separator: "\n")
    let kept = try strip(text)
    #expect(kept.contains("The city stands black and silent tonight\nIt had started"))
    #expect(!kept.contains("Posted:"))
  }
}
