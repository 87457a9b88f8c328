/// What a run writes for each document.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// One JSON object per line.
  case jsonl
  /// The cleaned text of each document, documents separated by a blank line.
  case text
}

/// The processed form of one batch: output bytes and error records, in input order.
struct BatchResult: Sendable {
  var sequence: Int
  var output: OwnedBytes
  /// Error records (JSON lines without the newline), in input order, each with the length the
  /// output had when it occurred (so `--on-error fail` can stop exactly there).
  var errors: [(outputOffset: Int, line: [UInt8])]
  var stats: RunStats
  /// Whether the output holds at least one document (for the text separator).
  var documents: Int
}

/// Turns a batch of raw records into output: parses each record, runs the pipeline stage by
/// stage over the batch (so each stage's time is measured per batch, not per document), and
/// serialises the survivors. Errors never escape: each becomes an error record.
struct BatchProcessor: Sendable {
  let pipeline: Pipeline
  let outputFormat: OutputFormat

  func process(_ records: [RawRecord], sequence: Int) -> BatchResult {
    var stats = RunStats(stages: pipeline.steps.map { .init(name: $0.name, label: $0.label) })
    var errors: [(outputOffset: Int, line: [UInt8])] = []
    var docs: [Document?] = []
    docs.reserveCapacity(records.count)
    var failure: [(step: Int, message: String)?] = Array(repeating: nil, count: records.count)
    stats.records = records.count

    var scratch = ByteBuffer(capacity: 1 << 16)
    var keys = JSONKeyCache()
    for (i, raw) in records.enumerated() {
      switch RecordDecoder.document(from: raw, repairs: &stats.repairedUTF8, scratch: &scratch, keys: &keys) {
      case .success(let doc): docs.append(doc)
      case .failure(let message):
        docs.append(nil)
        failure[i] = (-1, message)
      }
    }

    let clock = ContinuousClock()
    for step in pipeline.steps {
      var context = StageContext()
      let started = clock.now
      var reached = 0
      for i in docs.indices {
        // Move the document out so the stage mutates it without a copy.
        guard var doc = docs[i].take() else { continue }
        reached += 1
        do {
          switch try step.stage.process(&doc, context: &context) {
          case .keep: docs[i] = doc
          case .drop(let reason):
            stats.stages[step.index].dropped[reason, default: 0] += 1
            stats.dropped += 1
          }
        } catch {
          stats.stages[step.index].errors += 1
          failure[i] = (step.index, Pipeline.describe(error))
        }
      }
      let elapsed = clock.now - started
      let (s, atto) = elapsed.components
      stats.stages[step.index].nanoseconds += s * 1_000_000_000 + atto / 1_000_000_000
      stats.stages[step.index].documents += reached
      context.table.forEachCounter { stats.stages[step.index].counters[$0, default: 0] += $1 }
    }

    var out = ByteBuffer(capacity: records.reduce(0) { $0 + $1.bytes.count } + 256 * records.count)
    var written = 0
    for i in records.indices {
      if let doc = docs[i] {
        switch outputFormat {
        case .jsonl:
          JSONWriter.write(doc.fields, replacing: "text", with: doc.text, into: &out)
          out.append(0x0A)
        case .text:
          if written > 0 { out.append(0x0A) }
          out.append(doc.text)
          if out.last != 0x0A { out.append(0x0A) }
        }
        written += 1
      } else if let f = failure[i] {
        stats.errors += 1
        if f.step < 0 { stats.inputErrors += 1 }
        errors.append((out.count, errorRecord(records[i], step: f.step, message: f.message)))
      }
    }
    stats.output = written
    return BatchResult(sequence: sequence, output: out.finish(), errors: errors, stats: stats, documents: written)
  }

  private func errorRecord(_ raw: RawRecord, step: Int, message: String) -> [UInt8] {
    var o = JSONObject()
    o["error"] = .string(message)
    o["input"] = .string(raw.input)
    if raw.line > 0 { o["line"] = .int(raw.line) }
    if case .jsonLine = raw.kind, let id = Self.peekID(raw.bytes) { o["id"] = id }
    if case .textDocument = raw.kind { o["id"] = .string(raw.documentID ?? raw.input) }
    if step >= 0 {
      o["stage"] = .string(pipeline.steps[step].label)
      o["stage_index"] = .int(step)
    }
    var out: [UInt8] = []
    JSONWriter.write(o, into: &out)
    return out
  }

  /// The `id` of a record, when the line parses far enough to have one.
  private static func peekID(_ bytes: [UInt8]) -> JSONValue? {
    guard let parsed = try? JSONParser.parse(bytes), let id = parsed.value.objectValue?["id"] else { return nil }
    return id
  }
}

extension String {
  /// The string with CRLF and lone CR line ends turned into LF.
  func replacingCRLF() -> String {
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count)
    var prevCR = false
    for b in utf8 {
      if b == 0x0D {
        out.append(0x0A)
        prevCR = true
        continue
      }
      if b == 0x0A && prevCR {
        prevCR = false
        continue
      }
      prevCR = false
      out.append(b)
    }
    return String(decoding: out, as: UTF8.self)
  }
}
