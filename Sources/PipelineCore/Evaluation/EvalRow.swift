/// One line of the `pipe eval` table: a field, a metric, its value and how many items it is
/// over.
public struct EvalRow: Sendable, Equatable {
  /// The scored field (`date`, `source`, `topic visa`, ...).
  public var field: String
  /// The metric (`accuracy`, `with kept`, ...).
  public var metric: String
  /// The value with four decimals, or `n/a`.
  public var value: String
  /// The number of documents or snippets the value is over.
  public var n: Int

  /// A row showing `share`; `n` defaults to the share's denominator.
  public init(_ field: String, _ metric: String, _ share: Share, n: Int? = nil) {
    self.field = field
    self.metric = metric
    self.value = share.formatted
    self.n = n ?? share.total
  }
}
