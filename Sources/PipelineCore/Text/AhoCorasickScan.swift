/// The scanning loops of ``Automaton``.
///
/// The dense scan runs two independent streams over the two halves of a long text (split just
/// after a byte no pattern contains, where every scan is back at the root), so the processor
/// overlaps their table lookups; the second half's matches wait in a buffer so that matches
/// still come out in text order.
extension Automaton {
  func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (AhoCorasick.Match) throws -> Void)
    rethrows
  {
    try classOf.withUnsafeBufferPointer { classOf in
      if isDense {
        try rows.withUnsafeBufferPointer { rows in
          try scanDense(bytes, rows: rows, classOf: classOf, body)
        }
      } else {
        try hybridRows.withUnsafeBufferPointer { rows in
          try scanHybrid(bytes, rows: rows, classOf: classOf, body)
        }
      }
    }
  }

  /// Steps one character (not ASCII: a folded two-byte letter, a no-break space, or one raw
  /// byte) at `i` in the dense layout; returns whether the new state has outputs.
  @inline(__always)
  private func stepOther(
    _ row: inout Int, _ i: inout Int, _ bytes: UnsafeBufferPointer<UInt8>,
    _ rows: UnsafeBufferPointer<Int32>, _ classOf: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let b = bytes[i]
    if b < 0x80 {
      row = Int(rows[row &+ Int(classOf[Int(b)])])
      i &+= 1
      return row >= firstOutputRow
    }
    if b >= 0xC2 && b <= 0xDF && i &+ 1 < bytes.count && bytes[i &+ 1] & 0xC0 == 0x80 {
      let c = bytes[i &+ 1]
      i &+= 2
      if b == 0xC2 && c == 0xA0 && spaceClass >= 0 {
        row = Int(rows[row &+ spaceClass])
        return false
      }
      var l = b
      var t = c
      if caseInsensitive { (l, t) = UTF8CaseFold.foldPair(b, c) }
      row = Int(rows[row &+ Int(classOf[Int(l)])])
      row = Int(rows[row &+ Int(classOf[Int(t)])])
      return row >= firstOutputRow
    }
    row = Int(rows[row &+ Int(classOf[Int(b)])])
    i &+= 1
    return row >= firstOutputRow
  }

  private func scanDense(
    _ bytes: UnsafeBufferPointer<UInt8>, rows: UnsafeBufferPointer<Int32>,
    classOf: UnsafeBufferPointer<UInt8>, _ body: (AhoCorasick.Match) throws -> Void
  ) rethrows {
    let n = bytes.count
    let nc = classCount
    let firstOut = firstOutputRow
    // Split point: just after an ASCII byte of class 0 near the middle.
    var split = n
    if n >= 256 {
      var j = n / 2
      let limit = min(n, j + 4096)
      while j < limit {
        let b = bytes[j]
        j += 1
        if b < 0x80 && classOf[Int(b)] == 0 {
          split = j
          break
        }
      }
    }
    var r1 = 0
    var i1 = 0
    var r2 = 0
    var i2 = split
    var pending: [(row: Int, end: Int)] = []
    while i1 < split && i2 < n {
      let b1 = bytes[i1]
      let b2 = bytes[i2]
      if (b1 | b2) < 0x80 {
        r1 = Int(rows[r1 &+ Int(classOf[Int(b1)])])
        r2 = Int(rows[r2 &+ Int(classOf[Int(b2)])])
        i1 &+= 1
        i2 &+= 1
        if r1 >= firstOut { try report(r1 / nc, end: i1, bytes, body) }
        if r2 >= firstOut { pending.append((r2, i2)) }
      } else {
        if stepOther(&r1, &i1, bytes, rows, classOf) { try report(r1 / nc, end: i1, bytes, body) }
        if stepOther(&r2, &i2, bytes, rows, classOf) { pending.append((r2, i2)) }
      }
    }
    while i1 < split {
      if stepOther(&r1, &i1, bytes, rows, classOf) { try report(r1 / nc, end: i1, bytes, body) }
    }
    for p in pending { try report(p.row / nc, end: p.end, bytes, body) }
    while i2 < n {
      if stepOther(&r2, &i2, bytes, rows, classOf) { try report(r2 / nc, end: i2, bytes, body) }
    }
  }

  private func scanHybrid(
    _ bytes: UnsafeBufferPointer<UInt8>, rows: UnsafeBufferPointer<Int32>,
    classOf: UnsafeBufferPointer<UInt8>, _ body: (AhoCorasick.Match) throws -> Void
  ) rethrows {
    let n = bytes.count
    var state = 0
    var i = 0
    func step(_ c: Int) -> Bool {
      if state < denseCount {
        let e = rows[state &* classCount &+ c]
        state = Int(e >> 1)
        return e & 1 != 0
      }
      state = sparseStep(state, c)
      return hasOutput[state]
    }
    while i < n {
      let b = bytes[i]
      if b >= 0xC2 && b <= 0xDF && i + 1 < n && bytes[i + 1] & 0xC0 == 0x80 {
        let c = bytes[i + 1]
        i += 2
        if b == 0xC2 && c == 0xA0 && spaceClass >= 0 {
          _ = step(spaceClass)
          continue
        }
        var l = b
        var t = c
        if caseInsensitive { (l, t) = UTF8CaseFold.foldPair(b, c) }
        _ = step(Int(classOf[Int(l)]))
        if step(Int(classOf[Int(t)])) { try report(state, end: i, bytes, body) }
        continue
      }
      i += 1
      if step(Int(classOf[Int(b)])) { try report(state, end: i, bytes, body) }
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

  /// Reports the outputs of `state`, whose last pattern byte ends at `end`, that pass the word
  /// boundary checks.
  private func report(
    _ state: Int, end: Int, _ bytes: UnsafeBufferPointer<UInt8>,
    _ body: (AhoCorasick.Match) throws -> Void
  ) rethrows {
    for k in Int(outputStart[state])..<Int(outputStart[state + 1]) {
      let p = Int(outputs[k])
      let f = flags[p]
      let length = Int(lengths[p])
      let start =
        f & Self.hasSpace != 0 ? measureBack(from: end, steps: length, bytes) : end - length
      if f & Self.checkStart != 0 && WordCharacters.isWord(before: start, in: bytes) { continue }
      if f & Self.checkEnd != 0 && WordCharacters.isWord(at: end, in: bytes) { continue }
      let matchEnd = f & Self.stem != 0 ? WordCharacters.wordEnd(from: end, in: bytes) : end
      try body(AhoCorasick.Match(pattern: p, start: start, end: matchEnd))
    }
  }

  /// The start of a match ending at `end` that stepped `steps` bytes, where each whitespace run
  /// (no-break spaces included) stepped as one space.
  private func measureBack(from end: Int, steps: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var i = end
    var remaining = steps
    while remaining > 0 && i > 0 {
      if let w = whitespaceWidth(endingAt: i, bytes) {
        i -= w
        while i > 0, let w2 = whitespaceWidth(endingAt: i, bytes) { i -= w2 }
      } else {
        i -= 1
      }
      remaining -= 1
    }
    return i
  }

  /// The byte width of the whitespace character ending at `i`, or `nil`.
  private func whitespaceWidth(endingAt i: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let b = bytes[i - 1]
    if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
    if b == 0xA0, i >= 2, bytes[i - 2] == 0xC2 { return 2 }
    return nil
  }
}
