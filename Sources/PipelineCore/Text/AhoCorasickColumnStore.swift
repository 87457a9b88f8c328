/// The dense table of an ``Automaton`` in memory of its own, with the addresses of the ASCII
/// bytes' columns computed once: an array's address is only known inside
/// `withUnsafeBufferPointer`, which would make every scan compute them again.
///
/// Immutable after `init` (hence `@unchecked Sendable`); the memory is freed with the store.
final class AhoCorasickColumnStore: @unchecked Sendable {
  /// The entries, column after column (see ``AhoCorasickColumns``).
  let entries: UnsafeMutablePointer<UInt16>
  let count: Int
  /// The distance between two columns, in entries.
  let stride: Int
  /// Per ASCII byte: the address of its class's column in `entries`.
  let ascii: UnsafeMutablePointer<UnsafePointer<UInt16>>

  init(_ columns: AhoCorasickColumns) {
    let count = columns.entries.count
    let entries = UnsafeMutablePointer<UInt16>.allocate(capacity: max(count, 1))
    columns.entries.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { entries.initialize(from: base, count: count) }
    }
    let ascii = UnsafeMutablePointer<UnsafePointer<UInt16>>.allocate(capacity: 128)
    for b in 0..<128 {
      (ascii + b).initialize(to: UnsafePointer(entries + Int(columns.asciiColumn[b])))
    }
    self.count = count
    self.stride = columns.stride
    self.entries = entries
    self.ascii = ascii
  }

  deinit {
    entries.deinitialize(count: count)
    entries.deallocate()
    ascii.deinitialize(count: 128)
    ascii.deallocate()
  }

  /// The entries as a buffer.
  var buffer: UnsafeBufferPointer<UInt16> { UnsafeBufferPointer(start: entries, count: count) }
}
