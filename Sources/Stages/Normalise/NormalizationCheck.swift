/// Which code points can make a text change under NFC or NFKC: a quick test that lets the stage
/// skip the normalisation pass altogether for the vast majority of texts, which are already
/// normalised.
struct NormalizationCheck: @unchecked Sendable {
  /// One bit per BMP code point: set when the code point may change or combine. Allocated once
  /// for each of the two static checks and never written after initialisation.
  let bmpBits: UnsafePointer<UInt64>
  /// The ranges above U+FFFF, as (first, last) pairs in order.
  let supplementary: [(UInt32, UInt32)]

  /// The check for NFC.
  static let nfc = NormalizationCheck(ranges: nfcSensitiveRanges)
  /// The check for NFKC.
  static let nfkc = NormalizationCheck(ranges: nfkcSensitiveRanges)

  private init(ranges: [UInt32]) {
    var bmp = [UInt64](repeating: 0, count: 0x10000 / 64)
    var supplementary: [(UInt32, UInt32)] = []
    var i = 0
    while i + 1 < ranges.count {
      let first = ranges[i]
      let last = ranges[i + 1]
      if first > 0xFFFF {
        supplementary.append((first, last))
      } else {
        for cp in first...min(last, 0xFFFF) { bmp[Int(cp >> 6)] |= 1 << UInt64(cp & 63) }
        if last > 0xFFFF { supplementary.append((0x10000, last)) }
      }
      i += 2
    }
    let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: bmp.count)
    bits.initialize(from: bmp, count: bmp.count)
    self.bmpBits = UnsafePointer(bits)
    self.supplementary = supplementary
  }

  /// Whether `scalar` may change under the normalisation form (or change its neighbours).
  @inline(__always)
  func isSensitive(_ scalar: UInt32) -> Bool {
    if scalar <= 0xFFFF { return bmpBits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0 }
    return isSensitiveSupplementary(scalar)
  }

  private func isSensitiveSupplementary(_ scalar: UInt32) -> Bool {
    var lo = 0
    var hi = supplementary.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if supplementary[mid].1 < scalar {
        lo = mid + 1
      } else {
        hi = mid
      }
    }
    return lo < supplementary.count && supplementary[lo].0 <= scalar
  }
}
