import FoundationEssentials
import PipelineCore

/// Runs each document through an external program, in any language, that reads JSON lines on
/// stdin and writes one JSON line back per line, in order.
///
/// The program is started once (per worker) and kept alive across documents; a document that
/// takes longer than `timeoutMs`, or during which the program dies, becomes an error record and
/// the program is restarted for the next one. Because it runs programs named in a pipeline file,
/// `exec` is refused unless the user passes `--allow-exec` or lists the pipeline file's
/// directory in `PIPE_TRUSTED_DIRS`.
///
/// ```json5
/// { stage: "exec", options: { command: ["python3", "plugins/readability.py"], timeoutMs: 5000 } }
/// ```
public struct ExecStage: Stage {
  public static let name = "exec"
  public static let summary =
    "Sends each record as a JSON line to a long-lived program and takes the JSON line it answers (needs --allow-exec)."
  public static let options: [OptionSpec] = [
    .init(
      "command", .strings,
      help:
        "the program and its arguments, e.g. [\"python3\", \"plugin.py\"] (relative paths resolve against the pipeline file)"
    ),
    .init("timeoutMs", .integer, default: 10_000, help: "time limit per document, in milliseconds"),
    .init(
      "maxRestarts", .integer, default: 10,
      help: "how many times a dead or hung program is restarted before every further document fails"),
  ]

  let pool: ExecChildPool
  let timeout: Double

  public init(options: StageOptions) throws {
    let command = options.strings("command")
    guard let program = command.first, !program.isEmpty else {
      throw OptionError(option: "command", "give the program to run, e.g. [\"python3\", \"plugin.py\"]")
    }
    guard options.permissions.mayExec(from: options.baseDirectory) else {
      throw OptionError(
        option: "command",
        "refusing to run \"\(command.joined(separator: " "))\": exec runs programs named in pipeline files, which is only allowed with --allow-exec or when the pipeline file's directory is listed in PIPE_TRUSTED_DIRS"
      )
    }
    guard let executable = Self.resolve(program, base: options.baseDirectory) else {
      throw OptionError(option: "command", path: ["0"], "program not found: \(program)")
    }
    let args = command.dropFirst().map { arg -> String in
      // Arguments naming files next to the pipeline file resolve against it.
      let candidate = StageOptions.resolve(arg, relativeTo: options.baseDirectory)
      return !arg.hasPrefix("-") && FileManager.default.fileExists(atPath: candidate) ? candidate : arg
    }
    guard let ms = options.int("timeoutMs"), ms > 0 else { throw OptionError(option: "timeoutMs", "must be positive") }
    timeout = Double(ms) / 1000
    pool = ExecChildPool(
      executable: executable, arguments: Array(args), directory: options.baseDirectory,
      maxRestarts: max(0, options.int("maxRestarts") ?? 10))
  }

  /// Finds `program`: a path (relative to the pipeline file), or a name on `PATH`.
  static func resolve(_ program: String, base: String?) -> String? {
    let fm = FileManager.default
    if program.contains("/") {
      let p = StageOptions.resolve(program, relativeTo: base)
      return fm.isExecutableFile(atPath: p) ? p : nil
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let p = "\(dir)/\(program)"
      if fm.isExecutableFile(atPath: p) { return p }
    }
    return nil
  }

  public func process(_ document: inout Document, context: inout StageContext) throws -> Verdict {
    var line: [UInt8] = []
    JSONWriter.write(document.record, into: &line)
    let child = try pool.checkout()
    let reply: [UInt8]
    do {
      reply = try child.exchange(line, timeout: timeout)
    } catch .timedOut {
      pool.discard(child)
      context.count("timeouts")
      throw StageError("the program did not answer within \(Int(timeout * 1000)) ms; restarted it")
    } catch .died(let why) {
      pool.discard(child)
      context.count("restarts")
      throw StageError("\(why); restarted it")
    }
    pool.checkin(child)
    let value: JSONValue
    do { value = try JSONParser.parse(reply).value } catch {
      throw StageError("the program answered with invalid JSON: \(error.message)")
    }
    guard case .object(var object) = value else {
      throw StageError("the program answered with \(value.kindName), expected an object")
    }
    if let message = object["error"]?.stringValue, object["text"] == nil {
      throw StageError("the program reported: \(message)")
    }
    guard case .string(let text)? = object["text"] else {
      throw StageError("the program's answer has no string \"text\" field")
    }
    object["text"] = .null
    document.fields = object
    document.text = text
    return .keep
  }
}
