import Foundation
import PipelineCore
import Stages
import Testing

/// Throughput of `normalise` on a few kinds of text. Skipped unless `PIPE_BENCH` is set; run it
/// in release mode: `PIPE_BENCH=1 swift test -c release --filter NormaliseBenchmark`.
@Suite("normalise: benchmark") struct NormaliseBenchmark {
  static let enabled = ProcessInfo.processInfo.environment["PIPE_BENCH"] != nil
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  static let cyrillic = """
    Астана, 3 июля 2023 года. Министр иностранных дел Казахстана провёл переговоры с канадской \
    делегацией — стороны обсудили упрощение визового режима и расширение договорно-правовой базы.
    «Канада рассматривает Казахстан как важнейшего торгового партнёра в Центральной Азии», — \
    отметила заместитель министра. Товарооборот в 2022 году превысил 1 млрд долларов.

    Қазақстан Республикасының Сыртқы істер министрлігі хабарлағандай, тараптар екіжақты \
    ынтымақтастықтың барлық мәселелерін талқылады. Кездесуде сауда-экономикалық байланыстарды \
    дамыту, инвестиция тарту және мәдени-гуманитарлық алмасуды кеңейту жайы сөз болды.
    Келіссөздер нәтижесінде бірқатар құжатқа қол қойылды.

    """

  static let ascii = """
    The parties discussed facilitating a mutual visa regime and expanding the bilateral legal \
    framework. It is expected that these efforts will increase the volume of attracted \
    investments and facilitate mutual travel, which will have a positive impact on businesses.
    During the meeting, the diplomats emphasized the importance of implementing previously \
    agreed political agreements, expanding trade and investment cooperation.

    """

  /// Documents of about `size` bytes each made by repeating `text`, `count` of them.
  static func documents(from text: String, size: Int = 8_000, count: Int) -> [String] {
    var doc = ""
    while doc.utf8.count < size { doc += text }
    return Array(repeating: doc, count: count)
  }

  static func seedDocuments(count: Int) throws -> [String] {
    let dir = root.appendingPathComponent("seeds")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
      $0.hasSuffix(".txt")
    }.sorted()
    let texts = try names.map {
      try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)
    }
    return (0..<count).map { texts[$0 % texts.count] }
  }

  static func corpusDocuments() -> [String] {
    let url = root.appendingPathComponent("../shared/corpus/dev.input.jsonl").standardized
    guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
      (try? JSONParser.parse(String($0)))?.objectValue?["text"]?.stringValue
    }
  }

  /// CPU time of the calling thread, in seconds: other processes on a busy machine do not
  /// count, unlike wall-clock time.
  static func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// Megabytes per second of the stage over `docs` (thread CPU time), best of `rounds`.
  static func throughput(_ docs: [String], rounds: Int = 8) throws -> Double {
    let stage = try NormaliseStage.make()
    let bytes = docs.reduce(0) { $0 + $1.utf8.count }
    var best = Double.infinity
    var sink = 0
    for _ in 0..<rounds {
      let start = threadCPUTime()
      for text in docs {
        var doc = Document(text: text)
        var context = StageContext()
        _ = try stage.process(&doc, context: &context)
        sink &+= doc.text.utf8.count
      }
      best = min(best, threadCPUTime() - start)
    }
    #expect(sink > 0)
    return Double(bytes) / 1_000_000 / best
  }

  @Test(.enabled(if: enabled, "set PIPE_BENCH=1 (and use -c release) to measure"))
  func measure() throws {
    let stage = try NormaliseStage.make()
    let seeds = try Self.seedDocuments(count: 6_000)
    let normalisedSeeds = try seeds.map { try stage.apply(to: $0).document.text }
    let sets: [(String, [String])] = [
      ("seed news articles (English, ’ – •, indentation)", seeds),
      ("the same, already normalised", normalisedSeeds),
      ("clean ASCII paragraphs (fast path)", Self.documents(from: Self.ascii, count: 2_000)),
      ("Russian and Kazakh paragraphs", Self.documents(from: Self.cyrillic, count: 2_000)),
      ("dev corpus (mostly German, deep indentation, soft hyphens)", Self.corpusDocuments()),
    ]
    // PIPE_BENCH=1 runs every set; any other value picks the sets whose name contains it.
    let only = ProcessInfo.processInfo.environment["PIPE_BENCH"] ?? "1"
    for (name, docs) in sets
    where !docs.isEmpty && (only == "1" || name.lowercased().contains(only.lowercased())) {
      let mb = docs.reduce(0) { $0 + $1.utf8.count } / 1_000_000
      print(
        "normalise benchmark: \(name): \(String(format: "%.0f", try Self.throughput(docs))) MB/s over \(mb) MB"
      )
    }
  }
}
