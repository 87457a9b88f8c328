import Foundation
import PipelineCore

/// Extracts the dateline place of a news article ("ASTANA", "Astana, Kazakhstan", "OTTAWA")
/// into a field.
///
/// A dateline opens the story: a place, sometimes a country or an agency, then a dash or a
/// bullet: `ASTANA. KAZINFORM - ...`, `OTTAWA – ...`, `LONDON (Reuters) - ...`,
/// `Astana, Kazakhstan • 03 July, 2023`. Only the first lines are examined.
public struct DatelineStage: Stage {
  public static let name = "dateline"
  public static let summary = "Extracts the dateline place (\"ASTANA\", \"Astana, Kazakhstan\") into a field."
  public static let options: [OptionSpec] = [
    .init("field", .string, default: "dateline", help: "the field to write (null when there is no dateline)"),
    .init("maxLines", .integer, default: 12, help: "how many non-empty lines from the top to examine"),
  ]
  public static let examples: [StageExample] = [
    .init("ASTANA. KAZINFORM - The Senate met.", expect: [.field("dateline", "ASTANA")]),
    .init("Headline\n\nDaulbayevOTTAWA – Kazakhstan’s prosecutor visited.", expect: [.field("dateline", "OTTAWA")]),
    .init("Astana, Kazakhstan • 03 July, 2023 | 12:37", expect: [.field("dateline", "Astana, Kazakhstan")]),
    .init("The minister said - rather loudly - that it rained.", expect: [.field("dateline", nil)]),
  ]

  let field: String
  let maxLines: Int

  public init(options: StageOptions) throws {
    field = options.string("field") ?? "dateline"
    guard let n = options.int("maxLines"), n > 0 else { throw OptionError(option: "maxLines", "must be at least 1") }
    maxLines = n
  }

  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    var found: String?
    var examined = 0
    for line in document.text.split(separator: "\n", omittingEmptySubsequences: true) {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      guard !trimmed.isEmpty else { continue }
      examined += 1
      if let place = Self.dateline(in: Substring(trimmed)) {
        found = place
        break
      }
      if examined >= maxLines { break }
    }
    if found != nil { context.count("datelines") }
    document[field] = found.map(JSONValue.string) ?? .null
    return .keep
  }

  /// The place of a dateline at the start of `line`, if the line opens with one.
  static func dateline(in line: Substring) -> String? {
    // The place ends at a spaced dash or bullet near the start of the line.
    let opening = String(line.prefix(96))
    guard let sep = [" - ", " – ", " — ", " • "].compactMap({ opening.range(of: $0)?.lowerBound }).min() else {
      return nil
    }
    var head = String(opening[..<sep])
    // Drop an agency: "ASTANA. KAZINFORM", "LONDON (Reuters)".
    if let paren = head.firstIndex(of: "(") { head = String(head[..<paren]) }
    if let dot = head.range(of: ". ", options: .backwards) { head = String(head[..<dot.lowerBound]) }
    head = head.trimmingCharacters(in: " ")
    let words = head.split(separator: " ")
    // "Astana, Kazakhstan": capitalised words with a comma.
    if head.contains(","), (2...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) {
      return head
    }
    // "ASTANA", "NEW YORK": the run of all-caps words just before the separator; a caption glued
    // in front ("DaulbayevOTTAWA") or scraper residue ("date 2018-12-05 ASTANA") is left out.
    var place: [Substring] = []
    for word in words.reversed() {
      let caps = word.reversed().prefix { $0.isUppercase || $0 == "-" }
      guard caps.count >= 2, caps.contains(where: \.isLetter) else { break }
      place.insert(Substring(String(caps.reversed())), at: 0)
      if caps.count < word.count { break }
    }
    guard !place.isEmpty, place.count <= 4 else { return nil }
    return place.joined(separator: " ")
  }
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s.removeFirst() }
    while s.last == set { s.removeLast() }
    return String(s)
  }
}
