/// Where runs of ASCII letters stop, for 64 bytes of text at a time: one bit per byte, found
/// with 16-byte vector compares (``ByteLaneMask``), so that the line scanner reads the length of
/// an ordinary word with one shift and one trailing-zero count instead of classifying its bytes.
///
/// A run stops at a byte that is not an ASCII letter (a space, punctuation, a digit, a byte of a
/// multibyte character) and at an upper-case letter right after a lower-case one (glued words such
/// as `iconInstagram` split there, as ``TextScanner`` tokenises). The block is reloaded at the
/// word that needs it, so a word that crosses the end of one block is read from the next.
struct LetterStops {
  /// Where the block starts in the text.
  private var base: Int
  /// Bit `k`: byte `base + k` stops a run of letters (before any byte of the run that starts
  /// there).
  private var stops: UInt64 = 0
  /// Blocks are loaded only while they end at or before this offset (the end of the text; 0
  /// turns the masks off, so that every word takes the scanner's general path).
  private let limit: Int

  /// Masks over the text `0..<limit` (pass 0 to never use them).
  init(limit: Int) {
    self.limit = limit
    base = Int.min / 2
  }

  /// The length of the run of ASCII letters that starts at `i` (a letter). A result of 1...15
  /// is exact, and then the 16 bytes from `i` lie inside the text (the caller may load them
  /// unchecked); 0 or 16 and more mean that the run is long or unknown (the last 64 bytes of the
  /// text): the caller reads such a word the slow way.
  @inline(__always)
  mutating func run(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    var off = i &- base
    if UInt(bitPattern: off) > 48 {
      guard i &+ 64 <= limit, let start = p.baseAddress, limit <= p.count else { return 0 }
      load(start + i)
      base = i
      off = 0
    }
    // `off` ≤ 48, so a stop within 15 bytes of `i` lies inside the block; past the block's end
    // the shifted mask is zero, so a run that leaves the block reads as 16 or more. The byte at
    // `i` starts the run: its own stop bit (a case change) does not count.
    return ((stops &>> UInt64(off)) & ~1).trailingZeroBitCount
  }

  /// Computes the stops of the 64 bytes at `start`.
  @inline(__always)
  private mutating func load(_ start: UnsafePointer<UInt8>) {
    var letters: UInt64 = 0
    var upper: UInt64 = 0
    let a = SIMD16<UInt8>(repeating: 0x61)
    let caseBit = SIMD16<UInt8>(repeating: 0x20)
    let alphabet = SIMD16<UInt8>(repeating: 26)
    let zero = SIMD16<UInt8>(repeating: 0)
    for k in 0..<4 {
      // In bounds: the caller checked that 64 bytes follow `start`.
      let v = UnsafeRawPointer(start + 16 &* k).loadUnaligned(as: SIMD16<UInt8>.self)
      // Setting bit 5 folds ASCII letters to lower case; bytes ≥ 0x80 stay out of the range.
      let letter = ((v | caseBit) &- a) .< alphabet
      let isUpper = letter .& ((v & caseBit) .== zero)
      letters |= ByteLaneMask.bits(letter) &<< UInt64(16 &* k)
      upper |= ByteLaneMask.bits(isUpper) &<< UInt64(16 &* k)
    }
    let lower = letters & ~upper
    stops = ~letters | (upper & lower << 1)
  }
}
