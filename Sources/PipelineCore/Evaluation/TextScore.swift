/// Boilerplate-removal scores in trafilatura's convention, over the gold documents with `with`
/// snippets: a `with` snippet found in the output text is a true positive (missing: a false
/// negative); a `without` snippet found is a false positive (gone: a true negative). Snippets
/// match as in ``SnippetMatching``. Lines a gold lists as `either` are not counted.
public struct TextScore: Sendable, Equatable {
  /// Gold documents with snippets.
  public var documents = 0
  /// `with` snippets found in the output.
  public var truePositives = 0
  /// `without` snippets found in the output.
  public var falsePositives = 0
  /// `with` snippets missing from the output.
  public var falseNegatives = 0
  /// `without` snippets gone from the output.
  public var trueNegatives = 0

  /// Empty counts.
  public init() {}

  /// Share of `with` snippets kept.
  public var withKept: Share { Share(truePositives, of: truePositives + falseNegatives) }
  /// Share of `without` snippets removed.
  public var withoutRemoved: Share { Share(trueNegatives, of: trueNegatives + falsePositives) }
  /// Share of found snippets that are content.
  public var precision: Share { Share(truePositives, of: truePositives + falsePositives) }
  /// 2tp / (2tp + fp + fn).
  public var f1: Share {
    Share(2 * truePositives, of: 2 * truePositives + falsePositives + falseNegatives)
  }
  /// Share of snippets handled right (kept content plus removed boilerplate).
  public var accuracy: Share {
    Share(truePositives + trueNegatives, of: snippets)
  }
  /// Every snippet counted.
  public var snippets: Int { truePositives + trueNegatives + falsePositives + falseNegatives }

  /// Counts one gold document and its prediction (`nil` when the run gave none).
  public mutating func add(gold: JSONObject, prediction: JSONObject?) {
    guard let with = gold["with"], with.isTruthy else { return }
    documents += 1
    let predicted = prediction?["text"] ?? .null
    let text = SnippetMatching.normalize(predicted.isTruthy ? predicted.pythonString : "")
    for snippet in with.arrayValue ?? [] {
      if SnippetMatching.contains(text, SnippetMatching.normalize(snippet.pythonString)) {
        truePositives += 1
      } else {
        falseNegatives += 1
      }
    }
    for snippet in gold["without"]?.arrayValue ?? [] {
      if SnippetMatching.contains(text, SnippetMatching.normalize(snippet.pythonString)) {
        falsePositives += 1
      } else {
        trueNegatives += 1
      }
    }
  }

  /// The metrics under the reference scorer's keys.
  func json(into out: inout JSONObject) {
    out["snippet_docs"] = .int(documents)
    out["with_kept"] = withKept.json
    out["without_removed"] = withoutRemoved.json
    out["precision"] = precision.json
    out["f1"] = f1.json
    out["accuracy"] = accuracy.json
    out["tp"] = .int(truePositives)
    out["fp"] = .int(falsePositives)
    out["fn"] = .int(falseNegatives)
    out["tn"] = .int(trueNegatives)
  }

  var rows: [EvalRow] {
    [
      EvalRow("text", "with kept", withKept),
      EvalRow("text", "without removed", withoutRemoved),
      EvalRow("text", "precision", precision),
      EvalRow("text", "f1", f1, n: snippets),
      EvalRow("text", "accuracy", accuracy),
    ]
  }
}
