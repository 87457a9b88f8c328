/// Outlet-name scores over all gold documents, with the folding rules of ``SourceFolding``.
public struct SourceScore: Sendable, Equatable {
  /// Gold documents scored (all of them).
  public var documents = 0
  /// Predictions with a source at all.
  public var given = 0
  /// Predictions naming the gold outlet.
  public var right = 0

  /// Empty counts.
  public init() {}

  /// Share of documents given the right outlet (no answer counts as wrong).
  public var accuracy: Share { Share(right, of: documents) }
  /// Share of documents given any outlet.
  public var coverage: Share { Share(given, of: documents) }

  /// Counts one gold document and its prediction (`nil` when the run gave none).
  public mutating func add(gold: JSONObject, prediction: JSONObject?) {
    documents += 1
    let predicted = prediction?["source"]
    if predicted?.isTruthy == true { given += 1 }
    if SourceFolding.matches(predicted, gold: gold) { right += 1 }
  }

  func json(into out: inout JSONObject) {
    out["source_gold"] = .int(documents)
    out["source_accuracy"] = accuracy.json
    out["source_coverage"] = coverage.json
  }

  var rows: [EvalRow] {
    [EvalRow("source", "accuracy", accuracy), EvalRow("source", "coverage", coverage)]
  }
}
