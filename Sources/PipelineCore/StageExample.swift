/// An example of a stage at work: input, options and what must come out.
///
/// Examples document a stage (`pipe stages --examples`) and run as tests, reporting failures at
/// the example's own line.
public struct StageExample: Sendable {
  /// What the example checks after the stage has run.
  public enum Expectation: Sendable {
    /// The text equals this.
    case text(String)
    /// The field has this value (`.null` for "absent or null").
    case field(String, JSONValue)
    /// The text contains this.
    case textContains(String)
    /// The text does not contain this.
    case textLacks(String)
    /// The document is dropped.
    case dropped
  }

  public var input: String
  public var fields: JSONObject
  public var options: JSONObject
  public var expectations: [Expectation]
  public var file: String
  public var line: Int

  public init(
    _ input: String, fields: JSONObject = JSONObject(), options: JSONObject = JSONObject(),
    expect expectations: [Expectation], file: String = #filePath, line: Int = #line
  ) {
    self.input = input
    self.fields = fields
    self.options = options
    self.expectations = expectations
    self.file = file
    self.line = line
  }
}
