/// Memory that is filled once and then only read: the flat lookup tables of the line scanner.
///
/// The hot loop reads the tables through ``base`` (a plain pointer: no bounds or uniqueness
/// checks, no retain per access); every index it uses is masked or proven in range by the table
/// that owns the buffer.
final class FrozenBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
  /// The first element (valid for ``count`` elements while the buffer lives).
  let base: UnsafePointer<Element>
  /// The number of elements.
  let count: Int
  private let storage: UnsafeMutablePointer<Element>

  /// A buffer holding a copy of `elements` (at least one).
  init(_ elements: [Element]) {
    precondition(!elements.isEmpty, "a frozen buffer needs an element")
    storage = UnsafeMutablePointer<Element>.allocate(capacity: elements.count)
    _ = UnsafeMutableBufferPointer(start: storage, count: elements.count).initialize(
      from: elements)
    base = UnsafePointer(storage)
    count = elements.count
  }

  deinit { storage.deallocate() }

  /// The element at `i` (which must be `< count`).
  @inline(__always)
  subscript(_ i: Int) -> Element { base[i] }
}
