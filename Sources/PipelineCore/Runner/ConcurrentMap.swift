import FoundationEssentials

/// Index-ordered parallel map on POSIX threads, for short independent jobs such as building a
/// pipeline's stages at start-up.
enum ConcurrentMap {
  /// The number of threads that `map` uses by default: the cores this process may run on.
  static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

  /// Returns `[body(0), body(1), ..., body(count - 1)]`, computing the elements on up to
  /// `threads` threads (the calling thread is one of them). Threads take the next index as they
  /// become free, so the order of the calls is not fixed, but the result is in index order.
  /// `body` must be safe to call from several threads at once. With one thread, or one element,
  /// everything runs on the calling thread, in index order. When a thread cannot be started,
  /// the others do its share.
  static func map<T>(count: Int, threads: Int = defaultThreads, _ body: @escaping (Int) -> T) -> [T] {
    let helpers = min(max(threads, 1), count) - 1
    guard helpers > 0 else { return (0..<count).map(body) }
    let state = MapState<T>(count: count, body: body)
    let started = (0..<helpers).compactMap { _ in WorkerThread { state.work() } }
    state.work()
    for thread in started { thread.join() }
    return state.results()
  }
}

/// The shared state of one `ConcurrentMap.map`: the next index to take and a slot per result.
/// Each slot is written by exactly one thread (the one that took its index) and read only after
/// every thread has been joined, which orders the writes before the reads.
private final class MapState<T>: @unchecked Sendable {
  private let body: (Int) -> T
  private let count: Int
  private let lock = Lock()
  private var next = 0
  private let slots: UnsafeMutablePointer<T?>

  init(count: Int, body: @escaping (Int) -> T) {
    self.body = body
    self.count = count
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil, count: count)
  }

  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }

  /// Takes indices and stores their results until none is left.
  func work() {
    while true {
      let i: Int = lock.withLock {
        defer { next += 1 }
        return next
      }
      guard i < count else { return }
      slots[i] = body(i)
    }
  }

  /// The results in index order; only after every thread that ran `work()` has returned.
  func results() -> [T] {
    (0..<count).map { i in
      guard let value = slots[i] else { preconditionFailure("ConcurrentMap: slot \(i) was not filled") }
      return value
    }
  }
}
