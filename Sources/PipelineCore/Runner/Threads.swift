#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// The runner's threading primitives on POSIX threads directly, so the binary does not link
// Foundation (and with it ICU) just for a lock, a condition and a thread.

/// A mutual-exclusion lock (a `pthread_mutex_t`), for stages that keep shared state.
public final class Lock: @unchecked Sendable {
  fileprivate let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

  /// A new, unlocked lock.
  public init() {
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Takes the lock, waiting while another thread holds it.
  public func lock() { pthread_mutex_lock(mutex) }
  /// Releases the lock.
  public func unlock() { pthread_mutex_unlock(mutex) }

  /// Runs `body` holding the lock.
  public func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock()
    defer { unlock() }
    return try body()
  }
}

/// A lock with a condition variable: `wait()` releases the lock until `broadcast()`.
final class Condition: @unchecked Sendable {
  private let mutex = Lock()
  private let cond = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  init() {
    cond.initialize(to: pthread_cond_t())
    pthread_cond_init(cond, nil)
  }

  deinit {
    pthread_cond_destroy(cond)
    cond.deallocate()
  }

  func lock() { mutex.lock() }
  func unlock() { mutex.unlock() }
  /// Waits for a broadcast; the lock must be held and is held again on return.
  func wait() { pthread_cond_wait(cond, mutex.mutex) }
  func broadcast() { pthread_cond_broadcast(cond) }
}

/// A counting semaphore.
final class Semaphore: @unchecked Sendable {
  private let condition = Condition()
  private var value: Int

  init(value: Int) { self.value = value }

  /// Takes one unit, waiting while none is left.
  func wait() {
    condition.lock()
    while value <= 0 { condition.wait() }
    value -= 1
    condition.unlock()
  }

  /// Gives one unit back.
  func signal() {
    condition.lock()
    value += 1
    condition.broadcast()
    condition.unlock()
  }
}

/// A thread running one closure, which the caller can wait for.
final class WorkerThread: @unchecked Sendable {
  private let body: () -> Void
  private let done = Condition()
  private var finished = false

  /// Starts a thread running `body` with a stack of `stackSize` bytes; `nil` when the system
  /// cannot start one (the closure then never runs).
  init?(stackSize: Int = 8 << 20, _ body: @escaping () -> Void) {
    self.body = body
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, stackSize)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let context = Unmanaged.passRetained(self).toOpaque()
    var thread = pthread_t()
    let status = pthread_create(
      &thread, &attributes,
      { raw in
        #if canImport(Darwin)
          let me = Unmanaged<WorkerThread>.fromOpaque(raw).takeRetainedValue()
        #else
          guard let raw else { return nil }
          let me = Unmanaged<WorkerThread>.fromOpaque(raw).takeRetainedValue()
        #endif
        me.run()
        return nil
      }, context)
    pthread_attr_destroy(&attributes)
    if status != 0 {
      Unmanaged<WorkerThread>.fromOpaque(context).release()
      return nil
    }
  }

  private func run() {
    body()
    done.lock()
    finished = true
    done.broadcast()
    done.unlock()
  }

  /// Waits until the closure has returned.
  func join() {
    done.lock()
    while !finished { done.wait() }
    done.unlock()
  }
}
