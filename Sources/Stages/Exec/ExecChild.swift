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
/// stdout, one for one. Started with posix_spawn; its stderr is ours.
final class ExecChild: @unchecked Sendable {
  let pid: pid_t
  private let inputFD: Int32
  private let outputFD: Int32
  private var buffer: [UInt8] = []
  private var exitStatus: Int32?

  init(executable: String, arguments: [String], directory: String?) throws(StageError) {
    var toChild: [Int32] = [-1, -1]
    var fromChild: [Int32] = [-1, -1]
    guard pipe(&toChild) == 0 else { throw StageError("cannot create a pipe: \(String(cString: strerror(errno)))") }
    guard pipe(&fromChild) == 0 else {
      close(toChild[0])
      close(toChild[1])
      throw StageError("cannot create a pipe: \(String(cString: strerror(errno)))")
    }
    // Our ends must not leak into other children.
    _ = fcntl(toChild[1], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fromChild[0], F_SETFD, FD_CLOEXEC)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
    posix_spawn_file_actions_addclose(&actions, toChild[0])
    posix_spawn_file_actions_addclose(&actions, fromChild[1])

    var argv = [executable] + arguments
    var program = executable
    if let directory {
      if let addChdir = SpawnChdir.function {
        _ = addChdir(&actions, directory)
      } else {
        // No posix_spawn chdir on this libc: let the shell change directory, then exec.
        argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory, executable] + arguments
        program = "/bin/sh"
      }
    }
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for a in cArgs { free(a) } }
    var child: pid_t = 0
    let status = posix_spawn(&child, program, &actions, nil, &cArgs, environ)
    close(toChild[0])
    close(fromChild[1])
    guard status == 0 else {
      close(toChild[1])
      close(fromChild[0])
      throw StageError("cannot start \(executable): \(String(cString: strerror(status)))")
    }
    pid = child
    inputFD = toChild[1]
    outputFD = fromChild[0]
  }

  /// Sends `line` (without newline) and waits up to `timeout` seconds for one line back.
  func exchange(_ line: [UInt8], timeout: Double) throws(ExecFailure) -> [UInt8] {
    var bytes = line
    bytes.append(0x0A)
    if let failure = bytes.withUnsafeBytes({ FilePath.writeAll($0, to: inputFD) }) {
      throw .died("the program closed its input (\(String(cString: strerror(failure))))")
    }
    let clock = ContinuousClock()
    let deadline = clock.now + .milliseconds(Int64(timeout * 1000))
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      if let nl = buffer.firstIndex(of: 0x0A) {
        let reply = Array(buffer[..<nl])
        buffer.removeFirst(nl + 1)
        return reply
      }
      let remaining = clock.now.duration(to: deadline)
      if remaining <= .zero { throw .timedOut }
      let ms = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1
      var pfd = pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0)
      let ready = poll(&pfd, 1, Int32(min(ms, 60_000)))
      if ready < 0 {
        if errno == EINTR { continue }
        throw .died("poll failed: \(String(cString: strerror(errno)))")
      }
      if ready == 0 { continue }
      let n = chunk.withUnsafeMutableBufferPointer { p in read(outputFD, p.baseAddress, p.count) }
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

  /// Reaps the child if it has exited; `true` while it runs.
  private func isRunning() -> Bool {
    if exitStatus != nil { return false }
    var status: Int32 = 0
    let r = waitpid(pid, &status, WNOHANG)
    if r == pid {
      exitStatus = status
      return false
    }
    return r == 0
  }

  private func exitDescription() -> String {
    // Give the process a moment to be reaped so the status is known.
    for _ in 0..<20 where isRunning() { usleep(5_000) }
    guard let status = exitStatus else { return "" }
    let signal = status & 0x7F
    return signal != 0 ? " (killed by signal \(signal))" : " with status \((status >> 8) & 0xFF)"
  }

  /// Stops the child at once and reaps it.
  func kill() {
    if isRunning() { sendKill(pid) }
    close(inputFD)
    close(outputFD)
    if exitStatus == nil {
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
      exitStatus = status
    }
  }

  deinit {
    if exitStatus == nil { kill() }
  }
}

/// `posix_spawn_file_actions_addchdir_np` when the C library has it (glibc 2.29+, macOS 10.15+),
/// looked up at run time because the Swift module map does not export it.
private enum SpawnChdir {
  typealias Function = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
  static let function: Function? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
      return nil
    }
    return unsafeBitCast(symbol, to: Function.self)
  }()
}

/// Sends SIGKILL to `pid`.
private func sendKill(_ pid: Int32) {
  _ = kill(pid, SIGKILL)
}

/// Children shared by the worker threads: each document borrows an idle child (or starts one),
/// so every worker talks to its own process and order is kept by the runner.
final class ExecChildPool: @unchecked Sendable {
  private let lock = Lock()
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
    return try ExecChild(executable: executable, arguments: arguments, directory: directory)
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
