import Testing

@testable import Stages

/// `TokenRun` (a name's tokens in temporary storage, grown at either end) against an array.
@Suite struct DetectSourceTokenRunTests {
  static func token(_ i: Int) -> Token {
    Token(
      start: i, end: i + 3, coreStart: i, coreEnd: i + 2, closes: i % 3 == 0, endsSentence: false,
      opens: i % 5 == 0)
  }

  @Test func appendsAndPrependsInOrder() {
    TokenRun.with(capacity: 3) { run in
      #expect(run.isEmpty && run.first == nil && run.last == nil)
      run.append(Self.token(10))
      run.prepend(Self.token(5))
      run.append(Self.token(20))
      run.prepend(Self.token(1))
      #expect(run.count == 4)
      #expect((0..<run.count).map { run[$0].start } == [1, 5, 10, 20])
      run.removeFirst()
      #expect(run.first?.start == 5 && run.last?.start == 20 && run.count == 3)
    }
  }

  @Test func zeroCapacityIsEmpty() {
    #expect(TokenRun.with(capacity: 0) { $0.isEmpty && $0.count == 0 })
  }

  @Test func matchesAnArrayOnRandomEdits() {
    var random = SplitMix64(seed: 0x70C3_4E11)
    for _ in 0..<300 {
      let capacity = Int.random(in: 1...8, using: &random)
      TokenRun.with(capacity: capacity) { run in
        var reference: [Token] = []
        var appended = 0
        var prepended = 0
        for step in 0..<(3 * capacity) {
          switch Int.random(in: 0..<3, using: &random) {
          case 0 where appended < capacity:
            run.append(Self.token(step))
            reference.append(Self.token(step))
            appended += 1
          case 1 where prepended < capacity:
            run.prepend(Self.token(step))
            reference.insert(Self.token(step), at: 0)
            prepended += 1
          case 2 where !reference.isEmpty:
            run.removeFirst()
            reference.removeFirst()
          default: continue
          }
          #expect(run.count == reference.count)
          #expect(run.first == reference.first && run.last == reference.last)
          #expect((0..<run.count).map { run[$0] } == reference)
        }
      }
    }
  }
}
