/// The counters of one stage over one batch: a small open-addressing table keyed by the
/// identity of the counter's name.
///
/// Stages count with the same few names over and over (string literals, or names built once
/// when the stage is built), so a name is found by its two raw machine words: equal words mean
/// the same literal or the same stored string, hence the same name, and a lookup is a multiply,
/// a shift and two compares instead of hashing the name's bytes. Two distinct strings with the
/// same text (a name built anew for each document) get separate slots; ``forEachCounter(_:)`` hands
/// both out and whoever reads them adds them up by name, so the totals are the same as with a
/// dictionary. Each slot holds its name, so the storage a name's words point to stays alive.
struct StageCounters: Sendable {
  /// The raw words of each slot's name (`0, 0` for an empty slot: no string has both words 0).
  private var words: [(UInt64, UInt64)]
  private var names: [String?]
  private var values: [Int]
  private var used = 0

  /// An empty table with room for `capacity` names before it grows (a power of two).
  init(capacity: Int = 16) {
    let slots = max(8, capacity * 2)
    words = Array(repeating: (0, 0), count: slots)
    names = Array(repeating: nil, count: slots)
    values = Array(repeating: 0, count: slots)
  }

  /// The raw words of a string (its length and flags, and its bytes or storage).
  @inline(__always)
  private static func rawWords(_ s: String) -> (UInt64, UInt64) {
    unsafeBitCast(s, to: (UInt64, UInt64).self)
  }

  /// Adds `n` to the counter `name`.
  @inline(__always)
  mutating func add(_ name: String, _ n: Int) {
    let key = StageCounters.rawWords(name)
    let mask = words.count &- 1
    var slot = Int(truncatingIfNeeded: ((key.0 ^ key.1) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    while true {
      let w = words[slot]
      if w == key {
        values[slot] &+= n
        return
      }
      if w == (0, 0) { break }
      slot = (slot &+ 1) & mask
    }
    insert(name, key: key, at: slot, n)
  }

  @inline(never)
  private mutating func insert(_ name: String, key: (UInt64, UInt64), at slot: Int, _ n: Int) {
    words[slot] = key
    names[slot] = name
    values[slot] = n
    used += 1
    if used * 2 > words.count { grow() }
  }

  private mutating func grow() {
    var bigger = StageCounters(capacity: words.count)
    forEachCounter { bigger.add($0, $1) }
    self = bigger
  }

  /// Every counter (a name may come more than once when two distinct strings spell it).
  func forEachCounter(_ body: (String, Int) -> Void) {
    for i in names.indices {
      if let name = names[i] { body(name, values[i]) }
    }
  }

  /// The counters by name.
  var dictionary: [String: Int] {
    var out: [String: Int] = [:]
    forEachCounter { out[$0, default: 0] += $1 }
    return out
  }
}
