/// Flags shared by the reader, the workers and the writer of one run.
final class RunControl: @unchecked Sendable {
  private let lock = Lock()
  private var _stop = false
  private var _signal: Int32 = 0

  /// Set when reading must stop: a signal, `--on-error fail`, or stdout closed.
  var shouldStop: Bool {
    if Signals.received != 0 { return true }
    lock.lock()
    defer { lock.unlock() }
    return _stop
  }

  /// The signal that stopped the run, or 0.
  var signal: Int32 {
    lock.lock()
    defer { lock.unlock() }
    return _signal
  }

  func stop(signal: Int32 = 0) {
    lock.lock()
    _stop = true
    if signal != 0 { _signal = signal }
    lock.unlock()
  }
}
