import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a pipeline in-process for `pipe eval` and collects its output records as predictions.
///
/// The run is an ordinary ``StreamRunner`` run (same input handling, workers, error records and
/// exit status as `pipe run`) whose JSON Lines output goes to an anonymous temporary file, read
/// back record by record once the run has finished.
public enum EvalRun {
  /// Runs `pipeline` with `options` (its output settings are replaced) and adds every output
  /// record to `predictions`.
  public static func run(
    _ pipeline: Pipeline, options: RunOptions, into predictions: inout PredictionSet
  ) throws(EvalFileError) -> RunResult {
    let directory = FilePath.temporaryDirectory
    var template = Array(
      ((directory.hasSuffix("/") ? directory : directory + "/") + "pipe-eval-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { p -> Int32 in
      guard let base = p.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard fd >= 0 else {
      throw EvalFileError(
        path: directory, "cannot create a temporary file: \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    // Unlinked at once: the file lives only as long as the descriptor, whatever happens.
    template.withUnsafeBufferPointer { p in
      if let base = p.baseAddress { unlink(base) }
    }

    var options = options
    options.outputFD = fd
    options.outputFormat = .jsonl
    let result = StreamRunner.run(pipeline, options: options)
    guard result.exitStatus <= 1, result.fatalMessage == nil else { return result }
    guard lseek(fd, 0, SEEK_SET) == 0 else {
      throw EvalFileError(
        path: "<run output>", "cannot read back: \(String(cString: strerror(errno)))")
    }
    try JSONLinesFile.forEachRecord(fd: fd, name: "<run output>") {
      (record, _) throws(EvalFileError) in
      predictions.add(record)
    }
    return result
  }
}
