/// A bounded, closable FIFO shared between threads: `push` blocks while full, `pop` blocks while
/// empty and returns `nil` once the queue is closed and drained.
final class BlockingQueue<Element>: @unchecked Sendable {
  private var items: [Element] = []
  private var head = 0
  private let capacity: Int
  private var closed = false
  private let condition = Condition()

  init(capacity: Int) { self.capacity = max(1, capacity) }

  /// Adds `item`, waiting while the queue is full. Returns `false` if the queue was closed.
  @discardableResult
  func push(_ item: Element) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while items.count - head >= capacity && !closed { condition.wait() }
    if closed { return false }
    items.append(item)
    condition.broadcast()
    return true
  }

  /// Takes the oldest item, waiting while empty; `nil` when closed and empty.
  func pop() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    while head == items.count && !closed { condition.wait() }
    guard head < items.count else { return nil }
    let item = items[head]
    head += 1
    if head > 64 && head * 2 > items.count {
      items.removeFirst(head)
      head = 0
    }
    condition.broadcast()
    return item
  }

  /// Closes the queue: pending items can still be popped, further pushes fail.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// Closes the queue and drops pending items.
  func cancel() {
    condition.lock()
    closed = true
    items.removeAll()
    head = 0
    condition.broadcast()
    condition.unlock()
  }
}
