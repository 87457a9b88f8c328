import Foundation
import PipelineCore
import Stages
import Testing

/// `detect-source` on real text: the seed articles (hand-checked gold) and the development
/// corpus in `../shared/corpus` (skipped when it is not there).
@Suite struct DetectSourceCorpusTests {
  /// The package root, from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")

  /// The scorer's name folding (corpus/score.py): lower case, umlauts spelled out, accents
  /// dropped, letters and digits only, a leading "the" removed.
  static func fold(_ text: String) -> String {
    var s = text.lowercased()
    for (a, b) in [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")] {
      s = s.replacingOccurrences(of: a, with: b)
    }
    let kept = s.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
      ($0.properties.isAlphabetic || $0.properties.numericType != nil)
        && $0.properties.generalCategory != .nonspacingMark
    }
    let folded = String(String.UnicodeScalarView(kept))
    return folded.hasPrefix("the") ? String(folded.dropFirst(3)) : folded
  }

  /// Whether `prediction` names the gold outlet: its name, an alias, the domain or the
  /// domain's first label.
  static func sameSource(_ prediction: String?, _ gold: JSONObject) -> Bool {
    guard let prediction, !prediction.isEmpty else { return false }
    let domain = gold["domain"]?.stringValue ?? ""
    var names = [
      gold["source"]?.stringValue ?? "", domain, String(domain.split(separator: ".").first ?? ""),
    ]
    names += gold["aliases"]?.arrayValue?.compactMap(\.stringValue) ?? []
    let accepted = Set(names.map(fold)).subtracting([""])
    return accepted.contains(fold(prediction))
  }

  static func records(_ url: URL) throws -> [JSONObject] {
    let text = try String(contentsOf: url, encoding: .utf8)
    return try text.split(separator: "\n").compactMap { line in
      try JSONParser.parse(String(line)).objectValue
    }
  }

  @Test func seedsNameTheirOutlets() throws {
    let seeds = Self.root.appendingPathComponent("seeds")
    let gold = Self.corpus.appendingPathComponent("seeds.gold.jsonl")
    try #require(
      FileManager.default.fileExists(atPath: seeds.path)
        && FileManager.default.fileExists(atPath: gold.path),
      "seeds or ../shared/corpus/seeds.gold.jsonl missing")
    let stage = try DetectSourceStage.make()
    let golds = try Self.records(gold)
    #expect(golds.count == 3)
    for g in golds {
      guard let id = g["id"]?.stringValue else { continue }
      let text = try String(contentsOf: seeds.appendingPathComponent(id), encoding: .utf8)
      let doc = try stage.apply(to: text).document
      let source = doc.fields["source"]?.stringValue
      #expect(
        Self.sameSource(source, g),
        "\(id): got \(source ?? "nil"), gold \(g["source"]?.stringValue ?? "")")
    }
  }

  @Test func seedTrapsHold() throws {
    let seeds = Self.root.appendingPathComponent("seeds")
    try #require(FileManager.default.fileExists(atPath: seeds.path), "seeds/ missing")
    let stage = try DetectSourceStage.make()
    func evidence(_ prefix: String) throws -> String? {
      let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter {
        $0.hasPrefix(prefix)
      }
      let file = try #require(files.first)
      let text = try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8)
      return try stage.apply(to: text).document.fields["source_evidence"]?.stringValue
    }
    // 003: only the dateline names the outlet; "the Senate's press service informs" does not.
    #expect(try evidence("003") == "ASTANA. KAZINFORM -")
    // 004: only the closing newsletter line names it.
    #expect(try evidence("004")?.contains("The Astana Times") == true)
  }

  /// Accuracy on the 423-page development set (score.py's `source_accuracy`).
  ///
  /// The targets are 0.75 from the text alone and 0.95 with URLs. Measured with this version
  /// (`pipe eval news`, normalised text): 0.671 from text, 0.969 with URLs. The floors asserted
  /// here guard against regressions at the measured level; the text-only target is not reached
  /// yet (see docs/outlets.md).
  @Test func devSetAccuracy() throws {
    let input = Self.corpus.appendingPathComponent("dev.input.jsonl")
    let goldURL = Self.corpus.appendingPathComponent("dev.gold.jsonl")
    try #require(
      FileManager.default.fileExists(atPath: input.path)
        && FileManager.default.fileExists(atPath: goldURL.path),
      "../shared/corpus/dev.*.jsonl missing: dev-set accuracy not measured")
    let stage = try DetectSourceStage.make()
    var gold: [String: JSONObject] = [:]
    for g in try Self.records(goldURL) { if let id = g["id"]?.stringValue { gold[id] = g } }
    var textRight = 0
    var urlRight = 0
    var total = 0
    for record in try Self.records(input) {
      guard let id = record["id"]?.stringValue, let g = gold[id],
        let text = record["text"]?.stringValue
      else {
        continue
      }
      total += 1
      let fromText = try stage.apply(to: text).document.fields["source"]?.stringValue
      if Self.sameSource(fromText, g) { textRight += 1 }
      var fields: JSONObject = [:]
      if let url = g["url"], url != .null { fields["url"] = url }
      let withURL = try stage.apply(to: text, fields: fields).document.fields["source"]?.stringValue
      if Self.sameSource(withURL, g) { urlRight += 1 }
    }
    #expect(total == 423)
    let textAccuracy = Double(textRight) / Double(max(total, 1))
    let urlAccuracy = Double(urlRight) / Double(max(total, 1))
    #expect(urlAccuracy >= 0.95, "with URLs: \(urlAccuracy)")
    #expect(textAccuracy >= 0.66, "from text: \(textAccuracy)")
  }
}
