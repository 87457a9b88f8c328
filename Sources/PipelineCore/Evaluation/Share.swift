/// A ratio such as an accuracy: `count` of `total`, reported like the reference scorer reports
/// it (rounded to four decimals; no value when `total` is 0).
public struct Share: Sendable, Equatable, CustomStringConvertible {
  /// The numerator (documents right, snippets kept, ...).
  public var count: Int
  /// The denominator; the share has no value when it is 0.
  public var total: Int

  /// `count` of `total`.
  public init(_ count: Int, of total: Int) {
    self.count = count
    self.total = total
  }

  /// `count / total` rounded to four decimals as Python's `round(x, 4)` does, or `nil` when
  /// `total` is 0.
  public var value: Double? { pythonRound4(count, total) }

  /// The value as JSON: the shortest number that reads back as ``value`` (`0.8372`, `1.0`), or
  /// `null`.
  public var json: JSONValue {
    guard let value else { return .null }
    return .number(value.description)
  }

  /// The value with four decimals (`0.8372`), or `n/a` when there is nothing to divide by.
  public var formatted: String {
    guard let value else { return "n/a" }
    return formatFixed4(value)
  }

  /// `0.8372 (288/344)`.
  public var description: String { "\(formatted) (\(count)/\(total))" }
}
