import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What to do when a document fails.
public enum ErrorPolicy: String, Sendable, CaseIterable {
  /// Write an error record, go on, exit 1 at the end.
  case `continue`
  /// Stop at the first failed document (exit 1).
  case fail
}

/// Settings of one `pipe run`.
public struct RunOptions: Sendable {
  public var inputs: [String] = []
  public var inputFormat: InputFormat = .auto
  public var outputFormat: OutputFormat = .jsonl
  /// Worker threads; output order is kept whatever the number.
  public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
  /// Records per batch handed to a worker.
  public var batchSize = 256
  /// Records larger than this become error records instead of being buffered.
  public var maxRecordBytes = 16 << 20
  public var onError: ErrorPolicy = .continue
  /// Where documents go (default stdout).
  public var outputFD: Int32 = 1
  /// Where error records go: a file path, or `nil` for stderr.
  public var errorsPath: String?
  /// Print a progress line on stderr.
  public var progress = false
  /// Process only the input files of this shard.
  public var shard: Shard?

  public init() {}
}

/// How a run ended.
public struct RunResult: Sendable {
  public var stats: RunStats
  /// 0: all records written; 1: some records failed; 130/143: stopped by SIGINT/SIGTERM.
  public var exitStatus: Int32
  /// Whether the output was closed by its reader (e.g. `| head -1`).
  public var outputClosed: Bool
  /// A message for stderr when the run could not proceed (e.g. the errors file cannot be opened).
  public var fatalMessage: String?
}

/// Streams records through a pipeline: one reader, `jobs` workers and an ordered writer, with
/// bounded queues between them so memory does not grow with the stream, and each batch written
/// as soon as it and all before it are done.
public enum StreamRunner {
  /// Runs `pipeline` over the inputs in `options`.
  public static func run(_ pipeline: Pipeline, options: RunOptions) -> RunResult {
    let clock = ContinuousClock()
    let started = clock.now
    let control = RunControl()
    let out = OutputSink(fd: options.outputFD)
    let errOut: OutputSink
    if options.errorsPath == "-" {
      errOut = out  // error records inline with the output, e.g. for engines that only read stdout
    } else if let path = options.errorsPath {
      guard let sink = OutputSink.file(path) else {
        return RunResult(
          stats: RunStats(stages: []), exitStatus: 2, outputClosed: false,
          fatalMessage: "pipe: cannot open the errors file \(path): \(String(cString: strerror(errno)))")
      }
      errOut = sink
    } else {
      errOut = OutputSink(fd: 2)
    }
    let processor = BatchProcessor(pipeline: pipeline, outputFormat: options.outputFormat)
    let jobs = max(1, options.jobs)
    let work = BlockingQueue<(Int, [RawRecord])>(capacity: jobs * 2)
    let results = ReorderBuffer()
    let slots = Semaphore(value: jobs * 2 + 2)
    var threads: [WorkerThread] = []

    for _ in 0..<jobs {
      // Fewer workers than asked for still do the job; none at all is a fatal error.
      let thread = WorkerThread {
        while let (seq, batch) = work.pop() {
          results.put(processor.process(batch, sequence: seq))
        }
      }
      if let thread { threads.append(thread) }
    }
    func cannotStartThreads() -> RunResult {
      work.close()
      for thread in threads { thread.join() }
      return RunResult(
        stats: RunStats(stages: []), exitStatus: 2, outputClosed: false,
        fatalMessage: "pipe: cannot start threads (the system refused to create one)")
    }
    if threads.isEmpty { return cannotStartThreads() }

    let writerState = WriterState(stages: pipeline.steps.map { .init(name: $0.name, label: $0.label) })
    let totalBatches = BatchCounter()
    let progress = options.progress ? Progress(totalBytes: inputSize(options.inputs)) : nil
    let writerThread = WorkerThread {
      var next = 0
      var wroteDocument = false
      var failed = false  // --on-error fail tripped: drain without writing
      while let result = results.take(next, until: totalBatches) {
        next += 1
        defer { slots.signal() }
        if failed { continue }
        writerState.stats.merge(result.stats)
        var length = result.output.count
        var errors = result.errors
        if options.onError == .fail, let first = errors.first {
          length = first.outputOffset
          errors = [first]
          failed = true
          control.stop()
        }
        if !out.broken && length > 0 {
          let sent = result.output.withUnsafeBytes(prefix: length) { bytes in
            guard options.outputFormat == .text && wroteDocument else { return out.send(bytes) }
            // One write for the separator and the batch, so only whole documents go out.
            return out.send([0x0A] + bytes)
          }
          wroteDocument = true
          if !sent { control.stop() }
        }
        for e in errors { errOut.send(e.line + [0x0A]) }
        progress?.update(records: writerState.stats.records, bytes: writerState.bytesRead)
      }
      progress?.finish()
    }
    guard let writer = writerThread else { return cannotStartThreads() }

    // The reader runs here.
    var reader = InputReader(
      inputs: options.inputs, format: options.inputFormat, maxRecordBytes: options.maxRecordBytes, control: control)
    reader.shard = options.shard
    var batch: [RawRecord] = []
    var batchBytes = 0
    var seq = 0
    func submit() {
      guard !batch.isEmpty else { return }
      slots.wait()
      work.push((seq, batch))
      seq += 1
      batch = []
      batchBytes = 0
    }
    reader.run(
      emit: { record in
        batch.append(record)
        batchBytes += record.bytes.count
        if batch.count >= options.batchSize || batchBytes >= 4 << 20 { submit() }
      },
      flush: { bytesSoFar in
        submit()
        writerState.bytesRead = bytesSoFar
      })
    submit()
    writerState.bytesRead = reader.bytesRead
    totalBatches.finish(seq)
    work.close()
    results.wake()
    for thread in threads { thread.join() }
    writer.join()

    var stats = writerState.stats
    stats.bytesRead = reader.bytesRead
    let elapsed = (clock.now - started).components
    stats.wallNanoseconds = elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000
    var status: Int32 = stats.errors > 0 ? 1 : 0
    let sig = Signals.received
    if sig != 0 { status = 128 + sig }
    return RunResult(
      stats: stats, exitStatus: status, outputClosed: out.broken && out.failureMessage == nil,
      fatalMessage: out.failureMessage.map { "pipe: cannot write the output: \($0)" })
  }

  private static func inputSize(_ inputs: [String]) -> Int {
    var total = 0
    for path in inputs where path != "-" {
      var st = stat()
      if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { total += Int(st.st_size) }
    }
    return total
  }
}

/// The writer's running totals (read by the runner after the writer finishes).
private final class WriterState: @unchecked Sendable {
  var stats: RunStats
  private let lock = Lock()
  private var _bytesRead = 0
  var bytesRead: Int {
    get {
      lock.lock()
      defer { lock.unlock() }
      return _bytesRead
    }
    set {
      lock.lock()
      _bytesRead = newValue
      lock.unlock()
    }
  }
  init(stages: [RunStats.StageStats]) { stats = RunStats(stages: stages) }
}

/// The number of batches the reader produced, known once it is done.
final class BatchCounter: @unchecked Sendable {
  private let lock = Lock()
  private var total: Int?
  func finish(_ n: Int) {
    lock.lock()
    total = n
    lock.unlock()
  }
  var value: Int? {
    lock.lock()
    defer { lock.unlock() }
    return total
  }
}

/// Holds finished batches until the writer can take them in order.
final class ReorderBuffer: @unchecked Sendable {
  private var ready: [Int: BatchResult] = [:]
  private let condition = Condition()

  func put(_ result: BatchResult) {
    condition.lock()
    ready[result.sequence] = result
    condition.broadcast()
    condition.unlock()
  }

  /// Wakes a waiting writer (when the reader has finished).
  func wake() {
    condition.lock()
    condition.broadcast()
    condition.unlock()
  }

  /// The batch `sequence`, waiting for it; `nil` once every batch has been taken.
  func take(_ sequence: Int, until counter: BatchCounter) -> BatchResult? {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let r = ready.removeValue(forKey: sequence) { return r }
      if let total = counter.value, sequence >= total { return nil }
      condition.wait()
    }
  }
}

/// A progress line on stderr for long runs on a terminal.
final class Progress: @unchecked Sendable {
  private let totalBytes: Int
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private var last: ContinuousClock.Instant
  private var shown = false

  init(totalBytes: Int) {
    self.totalBytes = totalBytes
    start = clock.now
    last = start
  }

  func update(records: Int, bytes: Int) {
    let now = clock.now
    guard now - last > .milliseconds(500) else { return }
    last = now
    let secs = Double((now - start).components.seconds) + Double((now - start).components.attoseconds) / 1e18
    let mb = Double(bytes) / 1e6
    var line =
      "\r\(records) records, \(TextFormatting.printf("%.1f", mb)) MB, \(TextFormatting.printf("%.1f", mb / max(secs, 0.001))) MB/s"
    if totalBytes > 0 { line += ", \(min(100, bytes * 100 / totalBytes))% of the input" }
    StandardError.write(line + "\u{1B}[K")
    shown = true
  }

  func finish() {
    if shown { StandardError.write("\r\u{1B}[K") }
  }
}
