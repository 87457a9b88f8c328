/// How many times each day was counted, for the few dozen dates of a page: a sorted array of
/// packed days searched by bisection (one allocation, no hashing).
struct DayTally {
  private var keys: [Int] = []

  /// A tally with room for `capacity` counts.
  init(capacity: Int) { keys.reserveCapacity(capacity) }

  /// `year`, `month` and `day` packed into one comparable number.
  @inline(__always)
  private static func key(_ d: CalendarDay) -> Int { d.year << 9 | d.month << 5 | d.day }

  /// Counts `day` `weight` times (call ``seal()`` before asking).
  mutating func add(_ day: CalendarDay, weight: Int = 1) {
    for _ in 0..<weight { keys.append(DayTally.key(day)) }
  }

  /// Prepares the tally for ``count(_:)``, after the last ``add(_:weight:)``.
  mutating func seal() { keys.sort() }

  /// How many times `day` was counted.
  func count(_ day: CalendarDay) -> Int {
    let k = DayTally.key(day)
    return firstIndex(notBelow: k + 1) - firstIndex(notBelow: k)
  }

  private func firstIndex(notBelow k: Int) -> Int {
    var lo = 0
    var hi = keys.count
    while lo < hi {
      let mid = (lo + hi) >> 1
      if keys[mid] < k { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}
