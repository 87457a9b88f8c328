import Testing

@testable import Stages

/// The tagger's own growable buffer of hits against an array filled the same way.
@Suite struct TagTopicsHitBufferTests {
  func hit(_ k: Int) -> TopicTagger.Hit {
    TopicTagger.Hit(
      start: k, end: k + 3, topic: Int32(k % 7), pattern: Int32(k % 11), inTitle: k % 5 == 0,
      exclude: k % 13 == 0)
  }

  func same(_ a: TopicTagger.Hit, _ b: TopicTagger.Hit) -> Bool {
    a.start == b.start && a.end == b.end && a.topic == b.topic && a.pattern == b.pattern
      && a.inTitle == b.inTitle && a.exclude == b.exclude
  }

  @Test func emptyBufferHasNoHits() {
    var buffer = TopicHitBuffer()
    #expect(buffer.count == 0 && buffer.hits.isEmpty)
    buffer.append(0) { hit($0) }
    #expect(buffer.count == 0)
    buffer.release()
  }

  @Test func blocksOfRandomSizesAcrossGrowth() {
    var rng = SplitMix64(seed: 21)
    for _ in 0..<50 {
      var buffer = TopicHitBuffer()
      var expected: [TopicTagger.Hit] = []
      for _ in 0..<Int(rng.next() % 12) {
        // Blocks of up to 256 hits, as the matcher hands them over.
        let n = Int(rng.next() % 257)
        let first = expected.count
        buffer.append(n) { hit(first + $0) }
        expected += (0..<n).map { hit(first + $0) }
      }
      #expect(buffer.count == expected.count)
      #expect(zip(buffer.hits, expected).allSatisfy(same))
      buffer.release()
      #expect(buffer.count == 0)
    }
  }
}
