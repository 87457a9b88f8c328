// Generated from Swift 6's Unicode data by looping the definition in
// `UTF8CaseFold.computedTwoByte()` over U+0080..<U+0800 and grouping the mappings into runs;
// UTF8CaseFoldTableTests checks the two still agree. Computing the table at start-up cost
// about 1.2 million instructions (1,920 look-ups of `lowercaseMapping`).

extension UTF8CaseFold {
  /// A run of two-byte letters that fold alike: `count` letters from `first`, every `step`,
  /// each folding to itself plus `delta`.
  struct Run {
    var first: Int
    var count: Int
    var delta: Int
    var step: Int
    init(_ first: Int, _ count: Int, _ delta: Int, _ step: Int) {
      self.first = first
      self.count = count
      self.delta = delta
      self.step = step
    }
  }

  /// Every two-byte fold (final sigma included), as runs.
  static let twoByteRuns: [Run] = [
    Run(0xC0, 23, 32, 1), Run(0xD8, 7, 32, 1), Run(0x100, 24, 1, 2), Run(0x132, 3, 1, 2),
    Run(0x139, 8, 1, 2), Run(0x14A, 23, 1, 2), Run(0x178, 1, -121, 1), Run(0x179, 3, 1, 2),
    Run(0x181, 1, 210, 1), Run(0x182, 2, 1, 2), Run(0x186, 1, 206, 1), Run(0x187, 1, 1, 1),
    Run(0x189, 2, 205, 1), Run(0x18B, 1, 1, 1), Run(0x18E, 1, 79, 1), Run(0x18F, 1, 202, 1),
    Run(0x190, 1, 203, 1), Run(0x191, 1, 1, 1), Run(0x193, 1, 205, 1), Run(0x194, 1, 207, 1),
    Run(0x196, 1, 211, 1), Run(0x197, 1, 209, 1), Run(0x198, 1, 1, 1), Run(0x19C, 1, 211, 1),
    Run(0x19D, 1, 213, 1), Run(0x19F, 1, 214, 1), Run(0x1A0, 3, 1, 2), Run(0x1A6, 1, 218, 1),
    Run(0x1A7, 1, 1, 1), Run(0x1A9, 1, 218, 1), Run(0x1AC, 1, 1, 1), Run(0x1AE, 1, 218, 1),
    Run(0x1AF, 1, 1, 1), Run(0x1B1, 2, 217, 1), Run(0x1B3, 2, 1, 2), Run(0x1B7, 1, 219, 1),
    Run(0x1B8, 1, 1, 1), Run(0x1BC, 1, 1, 1), Run(0x1C4, 1, 2, 1), Run(0x1C5, 1, 1, 1),
    Run(0x1C7, 1, 2, 1), Run(0x1C8, 1, 1, 1), Run(0x1CA, 1, 2, 1), Run(0x1CB, 9, 1, 2),
    Run(0x1DE, 9, 1, 2), Run(0x1F1, 1, 2, 1), Run(0x1F2, 2, 1, 2), Run(0x1F6, 1, -97, 1),
    Run(0x1F7, 1, -56, 1), Run(0x1F8, 20, 1, 2), Run(0x220, 1, -130, 1), Run(0x222, 9, 1, 2),
    Run(0x23B, 1, 1, 1), Run(0x23D, 1, -163, 1), Run(0x241, 1, 1, 1), Run(0x243, 1, -195, 1),
    Run(0x244, 1, 69, 1), Run(0x245, 1, 71, 1), Run(0x246, 5, 1, 2), Run(0x370, 2, 1, 2),
    Run(0x376, 1, 1, 1), Run(0x37F, 1, 116, 1), Run(0x386, 1, 38, 1), Run(0x388, 3, 37, 1),
    Run(0x38C, 1, 64, 1), Run(0x38E, 2, 63, 1), Run(0x391, 17, 32, 1), Run(0x3A3, 9, 32, 1),
    Run(0x3C2, 1, 1, 1), Run(0x3CF, 1, 8, 1), Run(0x3D8, 12, 1, 2), Run(0x3F4, 1, -60, 1),
    Run(0x3F7, 1, 1, 1), Run(0x3F9, 1, -7, 1), Run(0x3FA, 1, 1, 1), Run(0x3FD, 3, -130, 1),
    Run(0x400, 16, 80, 1), Run(0x410, 32, 32, 1), Run(0x460, 17, 1, 2), Run(0x48A, 27, 1, 2),
    Run(0x4C0, 1, 15, 1), Run(0x4C1, 7, 1, 2), Run(0x4D0, 48, 1, 2), Run(0x531, 38, 48, 1),
  ]
}
