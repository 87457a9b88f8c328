/// The four Unicode normalisation forms of UAX #15 (NFC, NFD, NFKC, NFKD), on UTF-8 bytes and
/// without Foundation.
///
/// The tables are generated from Python's `unicodedata` (Unicode 14.0.0, see `unicodeVersion`) by
/// `scripts/gen_unicode_normalization.py`: a two-stage lookup of a per-code-point record (canonical
/// combining class, quick-check bits, offsets of the full canonical and compatibility
/// decompositions), the decompositions as one flat array, and the primary composites as a small
/// hash table. All are static integer literals: nothing is built or parsed at start-up.
///
/// The algorithm is the one of UAX #15: full decomposition (canonical, or compatibility for the K
/// forms; Hangul syllables by arithmetic), canonical ordering (a stable sort of each run of
/// non-starters by combining class), then for NFC and NFKC canonical composition of each
/// character with the last starter unless it is blocked, using only primary composites (the
/// composition exclusions never recompose) and composing Hangul LV and LVT syllables by arithmetic.
///
/// Most text never reaches that work: runs of ASCII are skipped eight bytes at a time, and every
/// other code point the form leaves unchanged and that nothing can combine with is copied as it
/// is. Only the short segments around a character that can change or combine (from the
/// preceding such stable character up to the next one) are decomposed, reordered and composed.
public enum UnicodeNormalization {
  /// A Unicode normalisation form.
  public enum Form: Sendable, CaseIterable {
    /// Canonical decomposition followed by canonical composition (`é` stays `é`, `e` + U+0301
    /// becomes `é`).
    case nfc
    /// Canonical decomposition (`é` becomes `e` + U+0301).
    case nfd
    /// Compatibility decomposition followed by canonical composition (`ﬁ` becomes `fi`, `¹`
    /// becomes `1`, fullwidth `Ｆ` becomes `F`). Changes the meaning of some text (`10³` → `103`).
    case nfkc
    /// Compatibility decomposition.
    case nfkd

    /// Bit of the record saying the form copies the code point and may start a segment there.
    var passBit: UInt64 {
      switch self {
      case .nfd: 1 << 8
      case .nfc: 1 << 9
      case .nfkd: 1 << 10
      case .nfkc: 1 << 11
      }
    }

    /// Bit of the record saying the quick check answers YES for the code point.
    var quickCheckBit: UInt64 { passBit << 4 }

    /// Whether the form uses compatibility decompositions.
    var isCompatibility: Bool { self == .nfkc || self == .nfkd }

    /// Whether the form composes after decomposing.
    var isComposed: Bool { self == .nfc || self == .nfkc }
  }

  /// The Unicode version of the tables (that of the Python used to generate them).
  public static let unicodeVersion: String = unicodeNormalizationUnicodeVersion

  /// `s` in normal form `form`. Returns `s` itself when it is already normalised.
  public static func normalize(_ s: String, _ form: Form) -> String {
    var s = s
    s.makeContiguousUTF8()
    let result: String?? = s.utf8.withContiguousStorageIfAvailable { input -> String? in
      guard let base = input.baseAddress else { return nil }
      return NormalizationTables.with { tables -> String? in
        guard let first = tables.firstSegment(base, count: input.count, from: 0, form) else {
          return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 8 + 16)
        tables.normalize(base, count: input.count, firstSegment: first, form, into: &out)
        return String(decoding: out, as: UTF8.self)
      }
    }
    return (result ?? nil) ?? s
  }

  /// Appends the normal form `form` of the valid UTF-8 `input` to `out`. A byte that does not
  /// start a valid UTF-8 sequence is copied unchanged and nothing combines across it.
  public static func normalize(utf8 input: UnsafeBufferPointer<UInt8>, _ form: Form, into out: inout [UInt8]) {
    guard let base = input.baseAddress else { return }
    NormalizationTables.with { tables in
      if let first = tables.firstSegment(base, count: input.count, from: 0, form) {
        tables.normalize(base, count: input.count, firstSegment: first, form, into: &out)
      } else {
        out.append(contentsOf: input)
      }
    }
  }

  /// Whether `s` is certainly already in `form`: the UAX #15 quick check answers YES (every code
  /// point has quick-check YES for the form and the combining classes of each run of non-starters
  /// never decrease). `false` means NO or MAYBE: `normalize` may or may not change `s`.
  public static func isQuickCheckYes(_ s: String, _ form: Form) -> Bool {
    var s = s
    s.makeContiguousUTF8()
    let result = s.utf8.withContiguousStorageIfAvailable { isQuickCheckYes(utf8: $0, form) }
    return result ?? false
  }

  /// Whether the UTF-8 `input` is certainly already in `form` (see `isQuickCheckYes(_:_:)`);
  /// `false` for bytes that are not valid UTF-8.
  public static func isQuickCheckYes(utf8 input: UnsafeBufferPointer<UInt8>, _ form: Form) -> Bool {
    guard let base = input.baseAddress else { return true }
    return NormalizationTables.with { $0.isQuickCheckYes(base, count: input.count, form) }
  }
}

/// Read access to the generated tables (UnicodeNormalizationTables.swift; the layout is described
/// in scripts/gen_unicode_normalization.py) and the normalisation algorithm working on them.
struct NormalizationTables {
  let stage1: UnsafeBufferPointer<UInt16>
  let stage2: UnsafeBufferPointer<UInt16>
  let records: UnsafeBufferPointer<UInt64>
  let decompositions: UnsafeBufferPointer<UInt32>
  let compositions: UnsafeBufferPointer<UInt64>

  /// Calls `body` with the tables.
  static func with<R>(_ body: (NormalizationTables) -> R) -> R {
    unicodeNormalizationStage1.withUnsafeBufferPointer { stage1 in
      unicodeNormalizationStage2.withUnsafeBufferPointer { stage2 in
        unicodeNormalizationRecords.withUnsafeBufferPointer { records in
          unicodeNormalizationDecompositions.withUnsafeBufferPointer { decompositions in
            unicodeNormalizationCompositions.withUnsafeBufferPointer { compositions in
              body(
                NormalizationTables(
                  stage1: stage1, stage2: stage2, records: records, decompositions: decompositions,
                  compositions: compositions))
            }
          }
        }
      }
    }
  }

  // MARK: Hangul (UAX #15 section "Hangul")

  static let sBase: UInt32 = 0xAC00
  static let lBase: UInt32 = 0x1100
  static let vBase: UInt32 = 0x1161
  static let tBase: UInt32 = 0x11A7
  static let lCount: UInt32 = 19
  static let vCount: UInt32 = 21
  static let tCount: UInt32 = 28
  static let nCount: UInt32 = vCount * tCount
  static let sCount: UInt32 = lCount * nCount

  /// A decomposed code point in the work buffer: the scalar with its combining class in bits 21+.
  typealias Packed = UInt32
  static let scalarMask: UInt32 = 0x1F_FFFF

  // MARK: Lookup

  /// Index of the record of `scalar`; 0 for a plain code point (class 0, no decomposition,
  /// unchanged by every form and combining with nothing before it).
  @inline(__always)
  func recordIndex(_ scalar: UInt32) -> Int {
    guard scalar < unicodeNormalizationLimit else { return 0 }
    let block = Int(stage1[Int(scalar >> unicodeNormalizationShift)]) << unicodeNormalizationShift
    return Int(stage2[block | Int(scalar & (1 << unicodeNormalizationShift - 1))])
  }

  /// Whether `form` copies `scalar` unchanged and may start a new segment at it.
  @inline(__always)
  func passes(_ scalar: UInt32, _ form: UnicodeNormalization.Form) -> Bool {
    let index = recordIndex(scalar)
    return index == 0 || records[index] & form.passBit != 0
  }

  /// The scalar of the UTF-8 sequence at `p[i]` and its length, or length 0 when the bytes there
  /// are not a valid sequence (a stray continuation byte, a truncated or overlong sequence, a
  /// surrogate, a value above U+10FFFF).
  @inline(__always)
  static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (scalar: UInt32, length: Int) {
    let b = UInt32(p[i])
    if b < 0x80 { return (b, 1) }
    if b < 0xC2 { return (0, 0) }
    if b < 0xE0 {
      guard i + 1 < n else { return (0, 0) }
      let c1 = UInt32(p[i + 1]) ^ 0x80
      guard c1 < 0x40 else { return (0, 0) }
      return ((b & 0x1F) << 6 | c1, 2)
    }
    if b < 0xF0 {
      guard i + 2 < n else { return (0, 0) }
      let c1 = UInt32(p[i + 1]) ^ 0x80
      let c2 = UInt32(p[i + 2]) ^ 0x80
      guard c1 | c2 < 0x40 else { return (0, 0) }
      let v = (b & 0x0F) << 12 | c1 << 6 | c2
      guard v >= 0x800, v & 0xF800 != 0xD800 else { return (0, 0) }
      return (v, 3)
    }
    guard b < 0xF5, i + 3 < n else { return (0, 0) }
    let c1 = UInt32(p[i + 1]) ^ 0x80
    let c2 = UInt32(p[i + 2]) ^ 0x80
    let c3 = UInt32(p[i + 3]) ^ 0x80
    guard c1 | c2 | c3 < 0x40 else { return (0, 0) }
    let v = (b & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
    guard v >= 0x10000, v <= 0x10FFFF else { return (0, 0) }
    return (v, 4)
  }

  // MARK: Scanning

  /// Where the first segment that `form` may change starts at or after `start`: the offset of the
  /// passing code point just before the first code point that does not pass (or of that code point
  /// itself when nothing passing precedes it since `start`); nil when nothing after `start` can
  /// change. This is the hot loop: ASCII goes eight bytes at a time, other code points cost a
  /// decode and two loads.
  func firstSegment(_ p: UnsafePointer<UInt8>, count n: Int, from start: Int, _ form: UnicodeNormalization.Form)
    -> Int?
  {
    let passBit = form.passBit
    var i = start
    var segment = start
    while i < n {
      if n - i >= 8 {
        let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          i += 8
          segment = i - 1
          continue
        }
      }
      if p[i] < 0x80 {
        segment = i
        i += 1
        continue
      }
      let (scalar, length) = Self.decode(p, i, n)
      if length == 0 {
        i += 1
        segment = i
        continue
      }
      let index = recordIndex(scalar)
      if index == 0 || records[index] & passBit != 0 {
        segment = i
        i += length
        continue
      }
      return segment
    }
    return nil
  }

  /// Appends the normal form of `p[0..<n]` to `out`, given the start of its first segment that
  /// may change (from `firstSegment`): everything before is copied as it is.
  func normalize(
    _ p: UnsafePointer<UInt8>, count n: Int, firstSegment: Int, _ form: UnicodeNormalization.Form,
    into out: inout [UInt8]
  ) {
    var buffer: [Packed] = []
    buffer.reserveCapacity(32)
    var copied = 0
    var next: Int? = firstSegment
    while let segment = next {
      out.append(contentsOf: UnsafeBufferPointer(start: p + copied, count: segment - copied))
      copied = normalizeSegment(p, count: n, from: segment, form, buffer: &buffer, into: &out)
      next = self.firstSegment(p, count: n, from: copied, form)
    }
    out.append(contentsOf: UnsafeBufferPointer(start: p + copied, count: n - copied))
  }

  /// Normalises the segment starting at `start`: its first code point and every following one up
  /// to (not including) the next that passes, is not valid UTF-8, or the end. Appends the result
  /// to `out` and returns where the segment ends.
  func normalizeSegment(
    _ p: UnsafePointer<UInt8>, count n: Int, from start: Int, _ form: UnicodeNormalization.Form,
    buffer: inout [Packed], into out: inout [UInt8]
  ) -> Int {
    buffer.removeAll(keepingCapacity: true)
    var i = start
    while i < n {
      let (scalar, length) = Self.decode(p, i, n)
      if length == 0 || (i > start && passes(scalar, form)) { break }
      decompose(scalar, form, into: &buffer)
      i += length
    }
    Self.reorder(&buffer)
    if form.isComposed { compose(&buffer) }
    for packed in buffer { Self.appendUTF8(packed & Self.scalarMask, to: &out) }
    return i
  }

  // MARK: The three steps

  /// Appends the full decomposition of `scalar` (canonical, or compatibility for the K forms) to
  /// `buffer`, each code point with its combining class.
  func decompose(_ scalar: UInt32, _ form: UnicodeNormalization.Form, into buffer: inout [Packed]) {
    let s = scalar &- Self.sBase
    if s < Self.sCount {
      buffer.append(Self.lBase + s / Self.nCount)
      buffer.append(Self.vBase + s % Self.nCount / Self.tCount)
      if s % Self.tCount != 0 { buffer.append(Self.tBase + s % Self.tCount) }
      return
    }
    let index = recordIndex(scalar)
    let record = records[index]
    var length = 0
    var offset = 0
    if form.isCompatibility {
      length = Int(record >> 36 & 0x1F)
      offset = Int(record >> 41 & 0x7FFF)
    }
    if length == 0 {
      length = Int(record >> 16 & 0x1F)
      offset = Int(record >> 21 & 0x7FFF)
    }
    if length == 0 {
      buffer.append(scalar | UInt32(truncatingIfNeeded: record & 0xFF) << 21)
    } else {
      buffer.append(contentsOf: decompositions[offset..<offset + length])
    }
  }

  /// Canonical ordering: sorts each run of non-starters by combining class, keeping the order of
  /// equal classes.
  static func reorder(_ buffer: inout [Packed]) {
    let n = buffer.count
    var k = 0
    while k < n {
      if buffer[k] >> 21 == 0 {
        k += 1
        continue
      }
      var end = k + 1
      while end < n, buffer[end] >> 21 != 0 { end += 1 }
      if end - k > 1 { sortRun(&buffer, k, end) }
      k = end
    }
  }

  /// Stable sort of `buffer[start..<end]` by combining class: insertion sort for the short runs
  /// of real text, a sort by (class, position) for long ones (so a text of thousands of stacked
  /// marks costs n log n, not n²).
  static func sortRun(_ buffer: inout [Packed], _ start: Int, _ end: Int) {
    if end - start <= 32 {
      for k in start + 1..<end {
        let x = buffer[k]
        let cc = x >> 21
        var m = k
        while m > start, buffer[m - 1] >> 21 > cc {
          buffer[m] = buffer[m - 1]
          m -= 1
        }
        buffer[m] = x
      }
      return
    }
    let run = Array(buffer[start..<end])
    var keys = run.indices.map { UInt64(run[$0] >> 21) << 32 | UInt64($0) }
    keys.sort()
    for (j, key) in keys.enumerated() { buffer[start + j] = run[Int(truncatingIfNeeded: key & 0xFFFF_FFFF)] }
  }

  /// Canonical composition: each code point that is not blocked from the last starter (nothing
  /// between them, or everything between of a lower combining class) and forms a primary
  /// composite with it replaces the starter by the composite and disappears.
  func compose(_ buffer: inout [Packed]) {
    var starter = -1
    var lastClass: UInt32 = 0
    var w = 0
    for k in 0..<buffer.count {
      let x = buffer[k]
      let cc = x >> 21
      if starter >= 0, lastClass == 0 || lastClass < cc,
        let composite = composePair(buffer[starter] & Self.scalarMask, x & Self.scalarMask)
      {
        buffer[starter] = composite
        continue
      }
      if cc == 0 {
        starter = w
        lastClass = 0
      } else {
        lastClass = cc
      }
      buffer[w] = x
      w += 1
    }
    buffer.removeLast(buffer.count - w)
  }

  /// The primary composite of `first` followed by `second`, if any.
  func composePair(_ first: UInt32, _ second: UInt32) -> UInt32? {
    let l = first &- Self.lBase
    let v = second &- Self.vBase
    if l < Self.lCount, v < Self.vCount {
      return Self.sBase + (l * Self.vCount + v) * Self.tCount
    }
    let s = first &- Self.sBase
    let t = second &- Self.tBase
    if s < Self.sCount, s % Self.tCount == 0, t > 0, t < Self.tCount {
      return first + t
    }
    let key = UInt64(first) << 21 | UInt64(second)
    let mask = compositions.count - 1
    var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> (64 - unicodeNormalizationHashBits))
    while true {
      let entry = compositions[slot]
      if entry == 0 { return nil }
      if entry >> 21 == key { return UInt32(truncatingIfNeeded: entry & 0x1F_FFFF) }
      slot = (slot + 1) & mask
    }
  }

  /// Appends the UTF-8 bytes of `scalar`.
  @inline(__always)
  static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    if scalar < 0x80 {
      out.append(UInt8(truncatingIfNeeded: scalar))
    } else if scalar < 0x800 {
      out.append(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6))
      out.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
    } else if scalar < 0x10000 {
      out.append(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12))
      out.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
    } else {
      out.append(UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18))
      out.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F))
      out.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
    }
  }

  // MARK: Quick check

  /// The UAX #15 quick check of `p[0..<n]` answering YES (see `UnicodeNormalization.isQuickCheckYes`).
  func isQuickCheckYes(_ p: UnsafePointer<UInt8>, count n: Int, _ form: UnicodeNormalization.Form) -> Bool {
    let bit = form.quickCheckBit
    var lastClass: UInt64 = 0
    var i = 0
    while i < n {
      if n - i >= 8, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        i += 8
        lastClass = 0
        continue
      }
      let (scalar, length) = Self.decode(p, i, n)
      if length == 0 { return false }
      i += length
      let index = recordIndex(scalar)
      if index == 0 {
        lastClass = 0
        continue
      }
      let record = records[index]
      let cc = record & 0xFF
      if cc != 0, lastClass > cc { return false }
      if record & bit == 0 { return false }
      lastClass = cc
    }
    return true
  }
}
