/// The regular-expression matcher: a Pike VM (Thompson's NFA simulation with capture slots),
/// stepping over the UTF-8 bytes of the text one scalar at a time.
///
/// All threads advance together, so a search takes O(text × pattern) time whatever the pattern:
/// `(a+)+$` on 30 000 `a`s and a `!` is as fast as any other search. Threads are kept in priority
/// order, which gives the leftmost-first results of Perl and ICU (`a|ab` on `ab` matches `a`).
/// Thread lists are sparse sets allocated once per VM, so searching allocates nothing; the
/// ``RegexPrefilter`` skips text where no match can start.
///
/// A VM holds mutable scratch space: make one per search loop (it is cheap) and do not share it.
final class PikeVM {
  /// The compiled pattern.
  let program: RegexProgram
  /// The capture slots of the last match: group `k` spans bytes `slots[2k]..<slots[2k+1]`
  /// (-1 when the group did not take part).
  private(set) var slots: [Int]

  private let instructionCount: Int
  private let slotCount: Int
  private var clist: ThreadList
  private var nlist: ThreadList
  private let current: UnsafeMutablePointer<Int>
  private let stack: UnsafeMutablePointer<Frame>
  /// The ASCII membership of each set (two words per set) and of its two-byte scalars (32 words
  /// per set), copied out of the sets so the inner loop reads plain memory.
  private let setASCII: UnsafeMutablePointer<UInt64>
  private let setTwoByte: UnsafeMutablePointer<UInt64>
  private var steps = 0

  /// A pending action of `addThread`: explore `pc`, or put back slot `-pc - 1` to `value`.
  struct Frame {
    var pc: Int
    var value: Int
  }

  /// A search ran past its deadline.
  struct Timeout: Error {}

  init(program: RegexProgram) {
    self.program = program
    instructionCount = program.instructions.count
    slotCount = program.slotCount
    slots = [Int](repeating: -1, count: slotCount)
    clist = ThreadList(capacity: instructionCount, slotCount: slotCount)
    nlist = ThreadList(capacity: instructionCount, slotCount: slotCount)
    current = .allocate(capacity: slotCount)
    stack = .allocate(capacity: 2 * instructionCount + 2)
    let sets = program.sets
    setASCII = .allocate(capacity: max(2 * sets.count, 1))
    setTwoByte = .allocate(capacity: max(32 * sets.count, 1))
    for (i, set) in sets.enumerated() {
      setASCII[2 * i] = set.asciiLow
      setASCII[2 * i + 1] = set.asciiHigh
      for w in 0..<32 { setTwoByte[32 * i + w] = set.twoByte[w] }
    }
  }

  deinit {
    clist.deallocate()
    nlist.deallocate()
    current.deallocate()
    stack.deallocate()
    setASCII.deallocate()
    setTwoByte.deallocate()
  }

  /// Whether scalar `c` belongs to set `i`.
  @inline(__always)
  private func set(_ i: Int, contains c: UInt32) -> Bool {
    if c < 0x80 { return (setASCII[2 * i + Int(c >> 6)] >> UInt64(c & 63)) & 1 != 0 }
    if c < 0x800 { return (setTwoByte[32 * i + Int(c >> 6)] >> UInt64(c & 63)) & 1 != 0 }
    return program.sets[i].slowContains(c)
  }

  /// Calls `body` with the slots of every match in `bytes`, left to right, and returns how many
  /// there were. After an empty match the next search starts one scalar further on; after a
  /// non-empty one it starts at its end (where an empty match may follow), as in ICU.
  @discardableResult
  func forEachMatch(
    in bytes: UnsafeBufferPointer<UInt8>, deadline: ContinuousClock.Instant? = nil,
    _ body: ([Int]) throws -> Void
  ) throws -> Int {
    let n = bytes.count
    var pos = 0
    var count = 0
    var required = -1  // where the required text was last found
    while pos <= n {
      if let text = program.requiredText, required < pos {
        guard let q = text.find(from: pos, in: bytes) else { break }
        required = q
      }
      guard try search(bytes, from: pos, deadline: deadline) else { break }
      count += 1
      try body(slots)
      let (s, e) = (slots[0], slots[1])
      if e > s {
        pos = e
      } else {
        guard e < n else { break }
        pos = e + UTF8Scalar.decode(at: e, in: bytes).1
      }
    }
    return count
  }

  /// Searches `bytes` for the leftmost-first match starting at or after `from`; on success the
  /// match is in ``slots``. Throws ``Timeout`` when `deadline` passes (checked every 4096 steps).
  func search(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, deadline: ContinuousClock.Instant? = nil) throws
    -> Bool
  {
    let n = bytes.count
    let anchored = program.anchoredAtStart
    if anchored && from > 0 { return false }
    let prefilter = program.prefilter
    var matched = false
    var pos = from
    // Locals, not properties: no exclusivity checks in the loop (the lists are pointers).
    var clist = self.clist
    var nlist = self.nlist
    var steps = self.steps
    defer { self.steps = steps }
    clist.clear()
    return try program.instructions.withUnsafeBufferPointer { code in
      while true {
        if clist.count == 0 {
          if matched || (anchored && pos > 0) { break }
          if let prefilter {
            guard let p = prefilter.next(from: pos, in: bytes) else { break }
            pos = p
          }
          for k in 0..<slotCount { current[k] = -1 }
          addThread(&clist, 0, at: pos, bytes, code)
        } else if !matched && !anchored && (prefilter?.matches(at: pos, in: bytes) ?? true) {
          for k in 0..<slotCount { current[k] = -1 }
          addThread(&clist, 0, at: pos, bytes, code)
        }
        var c: UInt32 = 0
        var len = 0
        if pos < n { (c, len) = UTF8Scalar.decode(at: pos, in: bytes) }
        nlist.clear()
        var k = 0
        while k < clist.count {
          let pc = clist.dense[k]
          k += 1
          switch code[pc] {
          case .match:
            let row = clist.slots + pc * slotCount
            for s in 0..<slotCount { slots[s] = row[s] }
            matched = true
            k = clist.count  // lower-priority threads cannot win any more
          case .scalar(let v):
            if len > 0 && c == v { follow(clist, pc, into: &nlist, at: pos + len, bytes, code) }
          case .set(let i):
            if len > 0 && set(i, contains: c) { follow(clist, pc, into: &nlist, at: pos + len, bytes, code) }
          default: break
          }
        }
        swap(&clist, &nlist)
        if len == 0 { break }
        pos += len
        steps &+= 1
        if steps & 4095 == 0, let deadline, ContinuousClock.now > deadline { throw Timeout() }
      }
      return matched
    }
  }

  /// Adds the successor of the thread at `pc` of `clist` to `nlist`, at position `pos`.
  @inline(__always)
  private func follow(
    _ clist: ThreadList, _ pc: Int, into nlist: inout ThreadList, at pos: Int, _ bytes: UnsafeBufferPointer<UInt8>,
    _ code: UnsafeBufferPointer<RegexInstruction>
  ) {
    let row = clist.slots + pc * slotCount
    for s in 0..<slotCount { current[s] = row[s] }
    addThread(&nlist, pc + 1, at: pos, bytes, code)
  }

  /// Adds the thread at `pc0` with the slots in `current` to `list`, following jumps, splits (in
  /// priority order), saves and assertions at position `pos`.
  private func addThread(
    _ list: inout ThreadList, _ pc0: Int, at pos: Int, _ bytes: UnsafeBufferPointer<UInt8>,
    _ code: UnsafeBufferPointer<RegexInstruction>
  ) {
    var top = 0
    stack[0] = Frame(pc: pc0, value: 0)
    top = 1
    while top > 0 {
      top -= 1
      let frame = stack[top]
      if frame.pc < 0 {
        current[-frame.pc - 1] = frame.value
        continue
      }
      var pc = frame.pc
      explore: while !list.contains(pc) {
        list.insert(pc)
        switch code[pc] {
        case .jump(let t): pc = t
        case .split(let a, let b):
          stack[top] = Frame(pc: b, value: 0)
          top += 1
          pc = a
        case .save(let s):
          stack[top] = Frame(pc: -s - 1, value: current[s])
          top += 1
          current[s] = pos
          pc += 1
        case .assert(let a):
          guard PikeVM.holds(a, at: pos, in: bytes) else { break explore }
          pc += 1
        case .scalar, .set, .match:
          let row = list.slots + pc * slotCount
          for s in 0..<slotCount { row[s] = current[s] }
          break explore
        }
      }
    }
  }

  /// Whether assertion `a` holds at byte `p`.
  static func holds(_ a: RegexAssertion, at p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = bytes.count
    switch a {
    case .textStart: return p == 0
    case .textEnd: return p == n
    case .textEndOrFinalTerminator:
      return p == n || terminatorLength(at: p, in: bytes) == n - p
    case .lineStart:
      if p == 0 { return true }
      guard p < n, terminatorEnds(before: p, in: bytes) else { return false }
      return !(bytes[p - 1] == 0x0D && bytes[p] == 0x0A)
    case .lineEnd:
      if p == n { return true }
      guard terminatorLength(at: p, in: bytes) > 0 else { return false }
      return !(p > 0 && bytes[p - 1] == 0x0D && bytes[p] == 0x0A)
    case .wordBoundary, .notWordBoundary:
      let before = UTF8Scalar.decode(before: p, in: bytes).map(ScalarSet.isWord) ?? false
      let after = p < n && ScalarSet.isWord(UTF8Scalar.decode(at: p, in: bytes).0)
      return (before != after) == (a == .wordBoundary)
    }
  }

  /// The length of the line terminator starting at `p` (`\r\n` counts as one), or 0.
  static func terminatorLength(at p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let n = bytes.count
    guard p < n else { return 0 }
    let b = bytes[p]
    if b == 0x0D { return p + 1 < n && bytes[p + 1] == 0x0A ? 2 : 1 }
    if b >= 0x0A && b <= 0x0C { return 1 }
    if b == 0xC2 && p + 1 < n && bytes[p + 1] == 0x85 { return 2 }
    if b == 0xE2 && p + 2 < n && bytes[p + 1] == 0x80 && (bytes[p + 2] == 0xA8 || bytes[p + 2] == 0xA9) { return 3 }
    return 0
  }

  /// Whether a line terminator ends just before `p`.
  static func terminatorEnds(before p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard p > 0 else { return false }
    let b = bytes[p - 1]
    if b >= 0x0A && b <= 0x0D { return true }
    if b == 0x85 { return p >= 2 && bytes[p - 2] == 0xC2 }
    if b == 0xA8 || b == 0xA9 { return p >= 3 && bytes[p - 3] == 0xE2 && bytes[p - 2] == 0x80 }
    return false
  }
}

/// A sparse set of instruction indices in insertion (priority) order, with a row of capture slots
/// per instruction. Clearing is O(1).
struct ThreadList {
  let dense: UnsafeMutablePointer<Int>
  let sparse: UnsafeMutablePointer<Int>
  let slots: UnsafeMutablePointer<Int>
  var count = 0

  init(capacity: Int, slotCount: Int) {
    dense = .allocate(capacity: max(capacity, 1))
    sparse = .allocate(capacity: max(capacity, 1))
    sparse.initialize(repeating: 0, count: max(capacity, 1))
    slots = .allocate(capacity: max(capacity * slotCount, 1))
  }

  func deallocate() {
    dense.deallocate()
    sparse.deallocate()
    slots.deallocate()
  }

  @inline(__always) mutating func clear() { count = 0 }

  @inline(__always) func contains(_ pc: Int) -> Bool {
    let s = sparse[pc]
    return s < count && dense[s] == pc
  }

  @inline(__always) mutating func insert(_ pc: Int) {
    dense[count] = pc
    sparse[pc] = count
    count += 1
  }
}
