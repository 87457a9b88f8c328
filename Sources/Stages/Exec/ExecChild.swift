import Foundation
import PipelineCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why one exchange with a child process failed.
enum ExecFailure: Error {
  case died(String)
  case timedOut
}

/// One long-lived child process speaking JSON Lines: a record in on stdin, a record out on
/// stdout, one for one.
final class ExecChild: @unchecked Sendable {
  let process: Process
  private let input: FileHandle
  private let output: FileHandle
  private var buffer: [UInt8] = []

  init(executable: String, arguments: [String], directory: String?) throws {
    process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let inPipe = Pipe()
    let outPipe = Pipe()
    process.standardInput = inPipe
    process.standardOutput = outPipe
    process.standardError = FileHandle.standardError
    try process.run()
    input = inPipe.fileHandleForWriting
    output = outPipe.fileHandleForReading
  }

  /// Sends `line` (without newline) and waits up to `timeout` seconds for one line back.
  func exchange(_ line: [UInt8], timeout: Double) throws(ExecFailure) -> [UInt8] {
    var bytes = line
    bytes.append(0x0A)
    let fd = input.fileDescriptor
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBufferPointer { p -> Int in
        guard let base = p.baseAddress else { return 0 }
        return write(fd, base + offset, p.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw .died("the program closed its input (\(String(cString: strerror(errno))))")
      }
      offset += n
    }
    let deadline = Date().addingTimeInterval(timeout)
    let outFD = output.fileDescriptor
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      if let nl = buffer.firstIndex(of: 0x0A) {
        let reply = Array(buffer[..<nl])
        buffer.removeFirst(nl + 1)
        return reply
      }
      let remaining = deadline.timeIntervalSinceNow
      if remaining <= 0 { throw .timedOut }
      var pfd = pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)
      let ready = poll(&pfd, 1, Int32(min(remaining * 1000 + 1, 60_000)))
      if ready < 0 {
        if errno == EINTR { continue }
        throw .died("poll failed: \(String(cString: strerror(errno)))")
      }
      if ready == 0 { continue }
      let n = chunk.withUnsafeMutableBufferPointer { p in read(outFD, p.baseAddress, p.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw .died("read failed: \(String(cString: strerror(errno)))")
      }
      if n == 0 {
        throw .died("the program exited" + exitDescription())
      }
      buffer.append(contentsOf: chunk[0..<n])
    }
  }

  private func exitDescription() -> String {
    // Give the process a moment to be reaped so the status is known.
    for _ in 0..<20 where process.isRunning { usleep(5_000) }
    if process.isRunning { return "" }
    return process.terminationReason == .uncaughtSignal
      ? " (killed by signal \(process.terminationStatus))" : " with status \(process.terminationStatus)"
  }

  /// Stops the child at once.
  func kill() {
    if process.isRunning { sendKill(process.processIdentifier) }
    try? input.close()
    try? output.close()
    process.waitUntilExit()
  }

  deinit {
    if process.isRunning {
      try? input.close()
    }
  }
}

/// Sends SIGKILL to `pid`.
private func sendKill(_ pid: Int32) {
  _ = kill(pid, SIGKILL)
}

/// Children shared by the worker threads: each document borrows an idle child (or starts one),
/// so every worker talks to its own process and order is kept by the runner.
final class ExecChildPool: @unchecked Sendable {
  private let lock = NSLock()
  private var idle: [ExecChild] = []
  private var deaths = 0
  let executable: String
  let arguments: [String]
  let directory: String?
  let maxRestarts: Int

  init(executable: String, arguments: [String], directory: String?, maxRestarts: Int) {
    self.executable = executable
    self.arguments = arguments
    self.directory = directory
    self.maxRestarts = maxRestarts
  }

  /// An idle child, or a new one. Throws when children have died more than `maxRestarts` times.
  func checkout() throws -> ExecChild {
    lock.lock()
    if let c = idle.popLast() {
      lock.unlock()
      return c
    }
    let died = deaths
    lock.unlock()
    if died > maxRestarts {
      throw StageError(
        "the program died \(died) times (more than maxRestarts = \(maxRestarts)); not restarting it")
    }
    do {
      return try ExecChild(executable: executable, arguments: arguments, directory: directory)
    } catch {
      throw StageError("cannot start \(executable): \(error.localizedDescription)")
    }
  }

  /// Returns a healthy child for reuse.
  func checkin(_ child: ExecChild) {
    lock.lock()
    idle.append(child)
    lock.unlock()
  }

  /// Kills a child that died, hung or misbehaved; the next document starts a new one.
  func discard(_ child: ExecChild) {
    child.kill()
    lock.lock()
    deaths += 1
    lock.unlock()
  }

  deinit {
    for c in idle { c.kill() }
  }
}
