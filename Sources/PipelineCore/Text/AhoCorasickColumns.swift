/// The column-major transition table of ``Automaton`` (its all-dense layout).
///
/// The entry for state `s` on class `c` is `columns[c * stride + s]`: the next state's number.
/// A scan finds the column of an ASCII byte in a 128-entry table (``asciiColumn``), off the chain
/// of dependent steps, so that a step is one load from the column at the state's index: no shift
/// and no add between one state and the next (a row-major table needs both). States without
/// outputs are numbered first, so a state with outputs is one comparison away.
///
/// The columns span an odd number of 64-byte lines, so that the start of every column (where the
/// states nearest the root are, numbered breadth-first) falls in a different cache set.
struct AhoCorasickColumns {
  /// The entries, column after column.
  let entries: [UInt16]
  /// The distance between two columns, in entries.
  let stride: Int
  /// Per ASCII byte: the start of its class's column.
  let asciiColumn: [Int32]
  /// The number of states without outputs (the first states).
  let firstOutputState: Int
  /// The trie's node of each state, in the states' order.
  let order: [Int32]

  /// The columns of `trie`, transposed from the row-major ``Automaton/denseRows`` (the reference
  /// that the tests compare them with).
  init(_ trie: AhoCorasickTrie, classes: CharacterClasses) {
    let n = trie.count
    let nc = classes.count
    let lines = (nc + 31) / 32
    let dense = Automaton.denseRows(trie, classes: classes, lines: lines, unit: 1)
    var columnLines = (n + 31) / 32
    if columnLines % 2 == 0 { columnLines += 1 }
    let stride = columnLines * 32
    let rowStride = lines * 32
    self.entries = [UInt16](unsafeUninitializedCapacity: stride * nc) { out, initialized in
      guard let out = out.baseAddress else { return }
      dense.rows.withUnsafeBufferPointer { rows in
        guard let rows = rows.baseAddress else { return }
        // Blocks of 32 rows (6 KB for three-line rows), so that the rows read stay in the
        // cache while their columns are written.
        for first in Swift.stride(from: 0, to: n, by: 32) {
          let count = min(32, n - first)
          for c in 0..<nc {
            let column = out + c * stride + first
            var from = rows + dense.rowBase + first * rowStride + c
            for k in 0..<count {
              (column + k).initialize(to: from.pointee)
              from += rowStride
            }
          }
        }
        // The padding after the last state of each column.
        for c in 0..<nc { (out + c * stride + n).initialize(repeating: 0, count: stride - n) }
      }
      initialized = stride * nc
    }
    self.stride = stride
    self.asciiColumn = classes.ascii.map { Int32(Int($0) * stride) }
    self.firstOutputState = dense.firstOutputEntry
    self.order = dense.order
  }
}
