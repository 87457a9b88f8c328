import Testing

@testable import PipelineCore

/// Shares are rounded and written as the reference scorer (Python's `round(x, 4)`) does.
@Suite struct EvaluationShareTests {
  @Test(arguments: [
    (1, 32, "0.0312"), (5, 8, "0.625"), (2, 3, "0.6667"), (1, 3, "0.3333"),
    (12345, 100000, "0.1235"),
    (1, 20000, "0.0001"), (1, 1, "1.0"), (0, 5, "0.0"), (288, 344, "0.8372"),
  ])
  func roundsLikePython(count: Int, total: Int, json: String) {
    #expect(Share(count, of: total).json == .number(json))
  }

  @Test func noValueWithoutDenominator() {
    #expect(Share(0, of: 0).value == nil)
    #expect(Share(0, of: 0).json == .null)
    #expect(Share(0, of: 0).formatted == "n/a")
  }

  @Test func formattedWithFourDecimals() {
    #expect(Share(5, of: 8).formatted == "0.6250")
    #expect(Share(3, of: 3).formatted == "1.0000")
  }
}
