/// Finds the positions where a match can start, without running the VM: every match of the
/// pattern begins with one of a few short sequences of sets (`Read more` → `R`,`e`,`a`,...;
/// `(?i)(cookie|news)` → `[cC]`,`[oO]`,... or `[nN]`,...; `\d{4}-` → `\d`×4, `-`), so the text is
/// scanned for their possible first bytes (8 bytes at a time when there are one or two of them)
/// and each candidate is checked against the sequences.
struct RegexPrefilter: Sendable {
  /// Longest sequence kept, in scalars.
  static let maxLength = 8
  /// Most sequences kept; a pattern with more alternatives gets no prefilter.
  static let maxSequences = 16

  /// Every match starts with one of these sequences of sets.
  let sequences: [[ScalarSet]]
  /// The units of all sequences, one after the other.
  let units: [ScalarSet]
  /// The ASCII membership of each unit: two words per unit (U+0000–003F, U+0040–007F).
  let asciiMasks: [UInt64]
  /// Sequence `k` is `units[bounds[k]..<bounds[k + 1]]`.
  let bounds: [Int]
  /// The bytes that can start a match.
  let firstBytes: [Bool]
  /// The only two bytes (or the same byte twice) that can start a match, when there are no more.
  let firstPair: (UInt8, UInt8)?
  /// The pairs of bytes that can start a match, one bit per pair (first byte × 256 + second).
  let pairTable: [UInt64]

  /// A prefilter for `root`, or nil when matches can start anywhere (or with an empty string).
  init?(_ root: RegexNode) {
    let found = RegexPrefilter.prefixes(root)
    guard !found.isEmpty, found.count <= RegexPrefilter.maxSequences, found.allSatisfy({ !$0.units.isEmpty })
    else { return nil }
    sequences = found.map(\.units)
    units = sequences.flatMap { $0 }
    asciiMasks = units.flatMap { [$0.asciiLow, $0.asciiHigh] }
    bounds = sequences.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
    var first = [Bool](repeating: false, count: 256)
    for seq in sequences {
      for (b, yes) in seq[0].leadBytes.enumerated() where yes { first[b] = true }
    }
    let starts = (0..<256).filter { first[$0] }
    guard starts.count <= 160 else { return nil }
    firstBytes = first
    firstPair = starts.count <= 2 ? (UInt8(starts[0]), UInt8(starts[starts.count - 1])) : nil
    var pairs = [UInt64](repeating: 0, count: 1024)
    for seq in sequences {
      let firsts = seq[0].leadBytes
      let seconds = seq.count > 1 ? seq[1].leadBytes : [Bool](repeating: true, count: 256)
      for b0 in 0..<256 where firsts[b0] {
        // After a lead byte comes a continuation byte; after ASCII, the next unit's first byte.
        for b1 in 0..<256 where b0 < 0x80 ? seconds[b1] : (b1 & 0xC0 == 0x80) {
          let key = b0 << 8 | b1
          pairs[key >> 6] |= 1 << UInt64(key & 63)
        }
      }
    }
    pairTable = pairs
  }

  /// The first position at or after `from` where one of the sequences matches, or nil.
  func next(from: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let n = bytes.count
    var p = from
    while p < n {
      if let (a, b) = firstPair {
        guard let q = RegexPrefilter.find(a, b, from: p, in: bytes) else { return nil }
        p = q
      } else {
        let found: Int? = pairTable.withUnsafeBufferPointer { table in
          var q = p
          while q + 1 < n {
            let key = Int(bytes[q]) << 8 | Int(bytes[q + 1])
            if (table[key >> 6] >> UInt64(key & 63)) & 1 != 0 { return q }
            q += 1
          }
          return q < n && firstBytes[Int(bytes[q])] ? q : nil
        }
        guard let q = found else { return nil }
        p = q
      }
      if matches(at: p, in: bytes) { return p }
      p += 1
    }
    return nil
  }

  /// Whether one of the sequences matches the text at `p`.
  func matches(at p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = bytes.count
    return asciiMasks.withUnsafeBufferPointer { masks in
      bounds.withUnsafeBufferPointer { bounds in
        var k = 0
        while k + 1 < bounds.count {
          var u = bounds[k]
          let end = bounds[k + 1]
          k += 1
          var q = p
          while u < end {
            guard q < n else { break }
            let b = bytes[q]
            if b < 0x80 {
              let word = masks[2 * u + Int(b >> 6)]
              guard (word >> UInt64(b & 63)) & 1 != 0 else { break }
              q += 1
            } else {
              let (v, len) = UTF8Scalar.decode(at: q, in: bytes)
              guard units[u].contains(v) else { break }
              q += len
            }
            u += 1
          }
          if u == end { return true }
        }
        return false
      }
    }
  }

  /// The first index at or after `from` holding byte `a` or `b`, eight bytes at a time.
  static func find(_ a: UInt8, _ b: UInt8, from: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let n = bytes.count
    var i = from
    if let base = UnsafeRawPointer(bytes.baseAddress) {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      let pa = UInt64(a) &* ones
      let pb = UInt64(b) &* ones
      while i + 8 <= n {
        let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        let xa = w ^ pa
        let xb = w ^ pb
        let z = ((xa &- ones) & ~xa | (xb &- ones) & ~xb) & highs
        if z != 0 { return i + z.trailingZeroBitCount >> 3 }
        i += 8
      }
    }
    while i < n {
      if bytes[i] == a || bytes[i] == b { return i }
      i += 1
    }
    return nil
  }

  /// A prefix of the matches of one path through the pattern.
  struct Sequence {
    var units: [ScalarSet]
    /// Whether the path is exactly `units` (so what follows it in a concatenation can be appended).
    var open: Bool
  }

  /// Sequences such that every match of `node` starts with one of them.
  static func prefixes(_ node: RegexNode) -> [Sequence] {
    switch node {
    case .empty, .assertion: return [Sequence(units: [], open: true)]
    case .literal(let v): return [Sequence(units: [ScalarSet(scalar: v)], open: true)]
    case .set(let s): return [Sequence(units: [s], open: true)]
    case .capture(_, let body): return prefixes(body)
    case .alternation(let branches):
      var all: [Sequence] = []
      for b in branches {
        all += prefixes(b)
        if all.count > maxSequences { return [Sequence(units: [], open: false)] }
      }
      return all
    case .concat(let items): return concatenated(items)
    case .repetition(let body, let min, let max, _):
      if max == 0 { return [Sequence(units: [], open: true)] }
      if min == 0 {
        return prefixes(body).map { Sequence(units: $0.units, open: false) } + [Sequence(units: [], open: true)]
      }
      var result = concatenated(Array(repeating: body, count: Swift.min(min, maxLength)))
      if max != min || min > maxLength { result = result.map { Sequence(units: $0.units, open: false) } }
      return result
    }
  }

  /// The prefixes of a concatenation.
  static func concatenated(_ items: [RegexNode]) -> [Sequence] {
    var result = [Sequence(units: [], open: true)]
    for item in items {
      guard result.contains(where: \.open) else { break }
      let next = prefixes(item)
      var grown: [Sequence] = []
      for s in result {
        guard s.open else {
          grown.append(s)
          continue
        }
        for t in next {
          var u = Sequence(units: s.units + t.units, open: t.open)
          if u.units.count >= maxLength {
            u.units = Array(u.units.prefix(maxLength))
            u.open = false
          }
          grown.append(u)
        }
      }
      if grown.count > maxSequences { return result.map { Sequence(units: $0.units, open: false) } }
      result = grown
    }
    return result
  }
}
