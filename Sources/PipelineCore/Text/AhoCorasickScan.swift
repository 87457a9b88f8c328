/// The scanning loops of ``Automaton``.
///
/// The dense scan runs two independent streams ("lanes") over the two halves of a long text (the
/// second starting just after a character after which the state does not depend on the text
/// before), stepped in lockstep so the processor overlaps their table lookups; when one lane
/// finishes, the other goes on alone. Matches wait in a buffer with their lane and are reported
/// lane by lane, which keeps them in text order.
extension Automaton {
  /// A caller's function for each block of matches.
  typealias BlockBody = (UnsafeBufferPointer<AhoCorasick.Match>) throws -> Void

  func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: BlockBody) rethrows {
    try classes.ascii.withUnsafeBufferPointer { ascii in
      try classes.twoByte.withUnsafeBufferPointer { twoByte in
        try classes.isWord.withUnsafeBufferPointer { isWord in
          try outputHeads.withUnsafeBufferPointer { outputHeads in
            try outputStart.withUnsafeBufferPointer { outputStart in
              try outputRecords.withUnsafeBufferPointer { outputRecords in
                try spaceLayouts.withUnsafeBufferPointer { spaceLayouts in
                  try withUnsafeTemporaryAllocation(
                    of: AhoCorasick.Match.self, capacity: MatchBlock.capacity
                  ) { slots in
                    let input = Input(
                      bytes: bytes, ascii: ascii, twoByte: twoByte, isWord: isWord,
                      outputHeads: outputHeads, outputStart: outputStart,
                      outputRecords: outputRecords, spaceLayouts: spaceLayouts, classes: classes)
                    var block = MatchBlock(slots: slots)
                    try scan(input, &block, body)
                    try block.flush(body)
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  private func scan(_ input: Input, _ block: inout MatchBlock, _ body: BlockBody) rethrows {
    if let store = columnStore {
      try withExtendedLifetime(store) {
        let table = Columns(entries: store.entries, ascii: store.ascii, stride: store.stride)
        try scanDense(input, table, &block, body)
      }
    } else {
      try hybridRows.withUnsafeBufferPointer { rows in
        try scanHybrid(input, rows: rows, &block, body)
      }
    }
  }

  /// The text, the class tables (for reading one character at a time) and the output tables.
  struct Input {
    let bytes: UnsafeBufferPointer<UInt8>
    let ascii: UnsafeBufferPointer<UInt16>
    let twoByte: UnsafeBufferPointer<UInt16>
    let isWord: UnsafeBufferPointer<Bool>
    let outputHeads: UnsafeBufferPointer<Int32>
    let outputStart: UnsafeBufferPointer<Int32>
    let outputRecords: UnsafeBufferPointer<Int32>
    let spaceLayouts: UnsafeBufferPointer<SpaceLayout>
    let classes: CharacterClasses

    /// The class of the character at `i`, and moves `i` past it.
    @inline(__always)
    func next(_ i: inout Int) -> Int {
      let b = bytes[i]
      if b < 0x80 {
        i &+= 1
        return Int(ascii[Int(b)])
      }
      let (c, width) = nextOther(at: i)
      i &+= width
      return c
    }

    /// The class and byte width of the character at `i`, which is not ASCII (kept out of line,
    /// and returning values rather than moving an `inout` position, so that the scan loops keep
    /// their positions in registers).
    @inline(never)
    func nextOther(at i: Int) -> (Int, Int) {
      let n = bytes.count
      let b = bytes[i]
      if b >= 0xC2 && b <= 0xDF && i &+ 1 < n && bytes[i &+ 1] & 0xC0 == 0x80 {
        let v = Int(b & 0x1F) << 6 | Int(bytes[i &+ 1] & 0x3F)
        return (Int(twoByte[v]), 2)
      }
      guard let (scalar, length) = WordCharacters.decode(at: i, in: bytes) else {
        return (Int(CharacterClasses.otherSeparator), 1)
      }
      return (Int(classes.longClass(scalar.value)), length)
    }
  }

  /// Where the dense scan may start a stream near `target` (but after `after`): just after an
  /// ASCII character that restarts the automaton (a digit, a comma, a bracket, ...: see
  /// ``Automaton/restartsAfter``). Whatever the state before such a character, the state after it
  /// is the same, so a stream can start there. Returns the offset and the entry of that state.
  private func streamStart(
    near target: Int, after: Int, _ bytes: UnsafeBufferPointer<UInt8>,
    _ table: Columns
  ) -> (offset: Int, row: Int)? {
    let n = bytes.count
    return restartsAfterByte.withUnsafeBufferPointer { restarts in
      // The root is state 0, at the start of every column.
      for d in 0..<2048 {
        let forward = target &+ d
        if forward < n &- 1 && restarts[Int(bytes[forward])] {
          return (forward &+ 1, table.step(Self.root, UInt32(bytes[forward])))
        }
        let backward = target &- d &- 1
        if backward > after && backward < n &- 1 && restarts[Int(bytes[backward])] {
          return (backward &+ 1, table.step(Self.root, UInt32(bytes[backward])))
        }
      }
      return nil
    }
  }

  /// Texts are scanned in windows of this many bytes (the state carries over from one window to
  /// the next), which bounds the candidate buffer.
  static let window = 1 << 16

  private func scanDense(
    _ input: Input, _ table: Columns, _ block: inout MatchBlock, _ body: BlockBody
  ) rethrows {
    let n = input.bytes.count
    // Lane state, position, end and fill, in stack memory; the candidate buffer, reused by all
    // windows.
    try withUnsafeTemporaryAllocation(of: Int.self, capacity: 16) { lanes in
      try withUnsafeTemporaryAllocation(of: Found.self, capacity: min(n, Self.window)) { found in
        var start = 0
        var entry = 0
        while start < n {
          let end = n - start <= Self.window ? n : start + Self.window
          entry = try scanWindow(
            start..<end, entry: entry, input, table, lanes, found, &block, body)
          start = end
        }
      }
    }
  }

  /// Scans the bytes `range` starting in state `entry`, reports the matches, and returns the
  /// state at the end.
  private func scanWindow(
    _ range: Range<Int>, entry: Int, _ input: Input, _ table: Columns,
    _ lanes: UnsafeMutableBufferPointer<Int>, _ found: UnsafeMutableBufferPointer<Found>,
    _ block: inout MatchBlock, _ body: BlockBody
  ) rethrows -> Int {
    let bytes = input.bytes
    let length = range.count
    // Up to two streams ("lanes") over consecutive parts of the range.
    let r = UnsafeMutableBufferPointer(rebasing: lanes[0..<4])
    let i = UnsafeMutableBufferPointer(rebasing: lanes[4..<8])
    let ends = UnsafeMutableBufferPointer(rebasing: lanes[8..<12])
    let fill = UnsafeMutableBufferPointer(rebasing: lanes[12..<16])
    var count = 1
    r[0] = entry
    i[0] = range.lowerBound
    if length >= 256 {
      // Two lanes: four were measured to spill registers, which cost more than they overlapped.
      let parts = 2
      for k in 1..<parts {
        let target = range.lowerBound + length * k / parts
        if let s = streamStart(near: target, after: i[count - 1], bytes, table),
          s.offset < range.upperBound
        {
          i[count] = s.offset
          r[count] = s.row
          count += 1
        }
      }
    }
    for k in 0..<count { ends[k] = k + 1 < count ? i[k + 1] : range.upperBound }
    if count == 1 {
      var entry = entry
      var at = range.lowerBound
      while at < range.upperBound {
        entry = table.step(entry, class: input.next(&at))
        if entry >= firstOutputState {
          try report(entry, end: at, input, &block, body)
        }
      }
      return entry
    }
    // Two lanes: interleave them, then run the one left. A lane steps at most once per byte,
    // so the candidates of the lane over bytes a..<b fit in slots a..<b of the buffer (offset by
    // the window's start); reported lane by lane afterwards, they come out in text order.
    let base = range.lowerBound
    for k in 0..<count { fill[k] = i[k] - base }
    let out = Output(found: found, fill: fill)
    while true {
      // The lanes not yet at their end, first to last (at most two).
      var active = (0, 0)
      var live = 0
      for k in 0..<count where i[k] < ends[k] {
        if live == 0 { active.0 = k } else { active.1 = k }
        live += 1
      }
      if live == 0 { break }
      run2(active.0, live >= 2 ? active.1 : active.0, input, table, r, i, ends, out)
    }
    for lane in 0..<count {
      let first = (lane == 0 ? range.lowerBound : ends[lane - 1]) - base
      for x in first..<fill[lane] {
        try report(Int(found[x].entry), end: found[x].end, input, &block, body)
      }
    }
    return r[count - 1]
  }

  /// The dense table as the scan reads it (see ``AhoCorasickColumns``).
  struct Columns {
    let entries: UnsafePointer<UInt16>
    /// The column of each ASCII byte (128 addresses in `entries`).
    let ascii: UnsafePointer<UnsafePointer<UInt16>>
    let stride: Int

    /// The state after the ASCII byte `byte` from `state`. The byte's column is found first,
    /// independently of the state, so the step from one state to the next is a single load.
    @inline(__always)
    func step(_ state: Int, _ byte: UInt32) -> Int {
      Int(ascii[Int(byte)][state])
    }

    /// The state after a character of class `c` from `state`.
    @inline(__always)
    func step(_ state: Int, class c: Int) -> Int {
      Int(entries[c &* stride &+ state])
    }
  }

  /// A candidate match found by a lane: the state and the end offset.
  struct Found {
    var entry: Int32
    var end: Int
  }

  /// Where lanes put their candidates: lane k writes at `fill[k]` and moves it on.
  struct Output {
    let found: UnsafeMutableBufferPointer<Found>
    let fill: UnsafeMutableBufferPointer<Int>

    @inline(__always)
    func add(_ lane: Int, _ entry: Int, _ end: Int) {
      found[fill[lane]] = Found(entry: Int32(truncatingIfNeeded: entry), end: end)
      fill[lane] &+= 1
    }
  }

  /// Steps two lanes in lockstep until one reaches its end (`a == b`: one lane to its end). Out
  /// of line, so that its loop has the registers to itself.
  @inline(never)
  private func run2(
    _ a: Int, _ b: Int, _ input: Input, _ table: Columns,
    _ r: UnsafeMutableBufferPointer<Int>, _ i: UnsafeMutableBufferPointer<Int>,
    _ ends: UnsafeMutableBufferPointer<Int>, _ out: Output
  ) {
    let firstOut = firstOutputState
    if a == b {
      var (r0, i0) = (r[a], i[a])
      while i0 < ends[a] {
        r0 = table.step(r0, class: input.next(&i0))
        if r0 >= firstOut { out.add(a, r0, i0) }
      }
      (r[a], i[a]) = (r0, i0)
      return
    }
    // The lanes' bytes, read four at a time below (inside the lanes' ends, see `rounds`).
    guard let base = input.bytes.baseAddress else { return }
    var (r0, r1) = (r[a], r[b])
    var (i0, i1) = (i[a], i[b])
    let (e0, e1) = (ends[a], ends[b])
    while true {
      var rounds = min(e0 &- i0, e1 &- i1) &>> 2
      if rounds == 0 { break }
      while rounds > 0 {
        rounds &-= 1
        // Four bytes of each lane at once (a round may use up to four: see `rounds`).
        let w0 = UnsafeRawPointer(base + i0).loadUnaligned(as: UInt32.self)
        let w1 = UnsafeRawPointer(base + i1).loadUnaligned(as: UInt32.self)
        if (w0 | w1) & 0x8080_8080 == 0 {
          // Eight ASCII bytes: four steps per lane, and one test of the eight states for
          // outputs (their bitwise or is at least the largest).
          let s0 = table.step(r0, w0 & 0xFF)
          let s1 = table.step(r1, w1 & 0xFF)
          let t0 = table.step(s0, w0 &>> 8 & 0xFF)
          let t1 = table.step(s1, w1 &>> 8 & 0xFF)
          let u0 = table.step(t0, w0 &>> 16 & 0xFF)
          let u1 = table.step(t1, w1 &>> 16 & 0xFF)
          let v0 = table.step(u0, w0 &>> 24)
          let v1 = table.step(u1, w1 &>> 24)
          if (s0 | s1 | t0 | t1 | u0 | u1 | v0 | v1) >= firstOut {
            if s0 >= firstOut { out.add(a, s0, i0 &+ 1) }
            if t0 >= firstOut { out.add(a, t0, i0 &+ 2) }
            if u0 >= firstOut { out.add(a, u0, i0 &+ 3) }
            if v0 >= firstOut { out.add(a, v0, i0 &+ 4) }
            if s1 >= firstOut { out.add(b, s1, i1 &+ 1) }
            if t1 >= firstOut { out.add(b, t1, i1 &+ 2) }
            if u1 >= firstOut { out.add(b, u1, i1 &+ 3) }
            if v1 >= firstOut { out.add(b, v1, i1 &+ 4) }
          }
          r0 = v0
          r1 = v1
          i0 &+= 4
          i1 &+= 4
        } else {
          r0 = table.step(r0, class: input.next(&i0))
          r1 = table.step(r1, class: input.next(&i1))
          if (r0 | r1) >= firstOut {
            if r0 >= firstOut { out.add(a, r0, i0) }
            if r1 >= firstOut { out.add(b, r1, i1) }
          }
        }
      }
    }
    while i0 < e0 && i1 < e1 {
      r0 = table.step(r0, class: input.next(&i0))
      r1 = table.step(r1, class: input.next(&i1))
      if r0 >= firstOut { out.add(a, r0, i0) }
      if r1 >= firstOut { out.add(b, r1, i1) }
    }
    (r[a], r[b]) = (r0, r1)
    (i[a], i[b]) = (i0, i1)
  }

  private func scanHybrid(
    _ input: Input, rows: UnsafeBufferPointer<Int32>, _ block: inout MatchBlock,
    _ body: BlockBody
  ) rethrows {
    let n = input.bytes.count
    var state = Self.root
    var i = 0
    while i < n {
      let c = input.next(&i)
      let output: Bool
      if state < denseCount {
        let e = rows[state &* classCount &+ c]
        state = Int(e >> 1)
        output = e & 1 != 0
      } else {
        state = sparseStep(state, c)
        output = hasOutput[state]
      }
      if output { try report(state, end: i, input, &block, body) }
    }
  }

  private func sparseStep(_ s: Int, _ c: Int) -> Int {
    var q = s
    while q >= denseCount {
      let r = q - denseCount
      var lo = Int(sparseStart[r])
      var hi = Int(sparseStart[r + 1])
      while lo < hi {
        let mid = (lo + hi) / 2
        let mc = Int(sparseClass[mid])
        if mc == c { return Int(sparseNext[mid]) }
        if mc < c { lo = mid + 1 } else { hi = mid }
      }
      q = Int(failure[q])
    }
    return Int(hybridRows[q * classCount + c] >> 1)
  }

  /// Reports the outputs of `state`, whose last pattern character ends at byte `end`, that pass
  /// the end-of-word check. (The start of a word is guaranteed by the automaton.) The first
  /// output is read from the state's head record; the others, if any, from the records after.
  private func report(
    _ state: Int, end: Int, _ input: Input, _ block: inout MatchBlock, _ body: BlockBody
  ) rethrows {
    let o = state &- firstOutputState
    let heads = input.outputHeads
    let h = o &* 4
    let f = UInt8(truncatingIfNeeded: heads[h &+ 3])
    if f & Self.noOutput != 0 { return }
    // Whether the character after the match is a word character (decided once).
    var nextIsWord: Bool? = nil
    try emit(
      Int(heads[h]), Int(heads[h &+ 1]), Int(heads[h &+ 2]), f, end: end, &nextIsWord, input,
      &block, body)
    guard f & Self.moreOutputs != 0 else { return }
    let records = input.outputRecords
    var k = Int(input.outputStart[o]) &* 4
    let last = Int(input.outputStart[o &+ 1]) &* 4
    while k < last {
      try emit(
        Int(records[k]), Int(records[k &+ 1]), Int(records[k &+ 2]),
        UInt8(truncatingIfNeeded: records[k &+ 3]), end: end, &nextIsWord, input, &block, body)
      k &+= 4
    }
  }

  /// Adds the match of pattern `p` (`byteLength` bytes and `charLength` characters long, with
  /// flags `f`) ending at `end` unless it must end a word and does not.
  @inline(__always)
  private func emit(
    _ p: Int, _ byteLength: Int, _ charLength: Int, _ f: UInt8, end: Int, _ nextIsWord: inout Bool?,
    _ input: Input, _ block: inout MatchBlock, _ body: BlockBody
  ) rethrows {
    let bytes = input.bytes
    if f & Self.checkEnd != 0 {
      if nextIsWord == nil {
        var at = end
        nextIsWord = end < bytes.count && input.isWord[input.next(&at)]
      }
      if nextIsWord == true { return }
    }
    let start =
      f & Self.hasSpace != 0
      ? start(before: end, bytes: byteLength, characters: charLength, input.spaceLayouts[p], bytes)
      : end &- byteLength
    let matchEnd = f & Self.stem != 0 ? WordCharacters.wordEnd(from: end, in: bytes) : end
    try block.append(AhoCorasick.Match(pattern: p, start: start, end: matchEnd), body)
  }

  /// The start of a match with whitespace ending at `end`: `end - byteLength` when the text there
  /// is ASCII with single whitespace characters (then every byte is one step, as in the pattern),
  /// else found by ``measureBack(from:characters:_:)``. The test reads eight bytes at a time
  /// (``SpaceLayout``) when it can, else one byte at a time.
  @inline(__always)
  private func start(
    before end: Int, bytes byteLength: Int, characters: Int, _ layout: SpaceLayout,
    _ bytes: UnsafeBufferPointer<UInt8>
  ) -> Int {
    let s = end &- byteLength
    if byteLength == characters && s >= 0 {
      if let fits = layout.fits(endingAt: end, in: bytes) {
        return fits ? s : measureBack(from: end, characters: characters, bytes)
      }
      var previousSpace = true  // the first character must not be whitespace
      var i = s
      while i < end {
        let b = bytes[i]
        if b >= 0x80 { break }
        let space = b == 0x20 || (b >= 0x09 && b <= 0x0D)
        if space && previousSpace { break }
        previousSpace = space
        i &+= 1
      }
      if i == end { return s }
    }
    return measureBack(from: end, characters: characters, bytes)
  }

  /// The start of a match ending at `end` that stepped `characters` characters, each whitespace
  /// run having stepped as one space.
  private func measureBack(from end: Int, characters: Int, _ bytes: UnsafeBufferPointer<UInt8>)
    -> Int
  {
    var i = end
    var remaining = characters
    while remaining > 0 && i > 0 {
      let (width, space) = Self.character(endingAt: i, bytes)
      i -= width
      if space {
        while i > 0 {
          let (w, s) = Self.character(endingAt: i, bytes)
          guard s else { break }
          i -= w
        }
      }
      remaining -= 1
    }
    return i
  }

  /// The byte width of the character ending at `i` and whether it is collapsible whitespace.
  static func character(endingAt i: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Bool) {
    let b = bytes[i - 1]
    if b < 0x80 { return (1, b == 0x20 || (b >= 0x09 && b <= 0x0D)) }
    var start = i - 1
    while start > 0, i - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    guard let (scalar, length) = WordCharacters.decode(at: start, in: bytes), start + length == i
    else {
      return (1, false)
    }
    let v = scalar.value
    return (length, v == 0xA0 || CharacterClasses.longSpaces.contains(v))
  }
}
