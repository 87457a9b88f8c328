/// Byte-level touch-ups applied to re-encoded mojibake before it is decoded as UTF-8
/// (ftfy's `restore_byte_a0` and `replace_lossy_sequences`).
enum ByteRepairs {
  /// Whether `bytes` hold a UTF-8 sequence whose 0xA0 byte was turned into a space (a program
  /// "helpfully" replaced the no-break space that 0xA0 is in Windows-1252).
  static func hasAlteredUTF8(_ bytes: [UInt8]) -> Bool {
    for i in bytes.indices where alteredUTF8Length(bytes, at: i) > 0 { return true }
    return false
  }

  /// Puts back the 0xA0 bytes of ``hasAlteredUTF8(_:)`` sequences, and reads a lone `Ã ` as the
  /// word `à ` (French and Portuguese) unless the next word shows it was something else.
  static func restoreByteA0(_ input: [UInt8]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(input.count + 8)
    var i = 0
    while i < input.count {
      if input[i] == 0xC3, i + 1 < input.count, input[i + 1] == 0x20,
        !isAGraveException(input, after: i + 2)
      {
        bytes.append(contentsOf: [0xC3, 0xA0, 0x20])
        i += 2
      } else {
        bytes.append(input[i])
        i += 1
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    i = 0
    while i < bytes.count {
      let length = alteredUTF8Length(bytes, at: i)
      if length == 0 {
        out.append(bytes[i])
        i += 1
      } else {
        for b in bytes[i..<(i + length)] { out.append(b == 0x20 ? 0xA0 : b) }
        i += length
      }
    }
    return out
  }

  /// `Ã ` followed by one of these is not `à `: another space, "quele", "quela", "quilo", "s ".
  private static func isAGraveException(_ bytes: [UInt8], after start: Int) -> Bool {
    for word in [" ", "quele", "quela", "quilo", "s "] {
      let w = Array(word.utf8)
      if start + w.count <= bytes.count && bytes[start..<(start + w.count)].elementsEqual(w) {
        return true
      }
    }
    return false
  }

  /// The length of an altered UTF-8 sequence starting at `i`, or 0.
  private static func alteredUTF8Length(_ b: [UInt8], at i: Int) -> Int {
    let n = b.count
    let lead = b[i]
    @inline(__always) func at(_ k: Int) -> UInt8? { i + k < n ? b[i + k] : nil }
    @inline(__always) func isSpace(_ x: UInt8?) -> Bool { x == 0x20 }
    @inline(__always) func isCont(_ x: UInt8?) -> Bool {
      x.map { $0 >= 0x80 && $0 <= 0xBF } ?? false
    }
    /// A continuation byte that is neither 0x85 (…) nor 0xA0.
    @inline(__always) func isLikelyCont(_ x: UInt8?) -> Bool {
      guard let x else { return false }
      return (x >= 0x80 && x <= 0x84) || (x >= 0x86 && x <= 0x9F) || (x >= 0xA1 && x <= 0xBF)
    }
    switch lead {
    case 0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9:
      if isSpace(at(1)) { return 2 }
    case 0xE0...0xE3:
      if (lead == 0xE2 || lead == 0xE3) && isSpace(at(1)) && isLikelyCont(at(2)) { return 3 }
      if isLikelyCont(at(1)) && isSpace(at(2)) { return 3 }
    case 0xF0:
      if isSpace(at(1)) && isCont(at(2)) && isCont(at(3)) { return 4 }
      if isCont(at(1)) && isSpace(at(2)) && isCont(at(3)) { return 4 }
      if isCont(at(1)) && isCont(at(2)) && isSpace(at(3)) { return 4 }
    default:
      break
    }
    return 0
  }

  /// Turns UTF-8 sequences that lost bytes (shown as 0x1A, or an ASCII `?` at most once) into
  /// the bytes of U+FFFD, so the rest of the text can still be decoded.
  static func replaceLossySequences(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      let length = lossyLength(bytes, at: i)
      if length == 0 {
        out.append(bytes[i])
        i += 1
      } else {
        out.append(contentsOf: [0xEF, 0xBF, 0xBD])
        i += length
      }
    }
    return out
  }

  /// The length of a lossy sequence at `i` (ftfy's `LOSSY_UTF8_RE`, alternatives in order), or 0.
  private static func lossyLength(_ b: [UInt8], at i: Int) -> Int {
    let n = b.count
    @inline(__always) func at(_ k: Int) -> UInt8 { i + k < n ? b[i + k] : 0 }
    @inline(__always) func sub(_ x: UInt8) -> Bool { x == 0x1A }
    @inline(__always) func lost(_ x: UInt8) -> Bool { x == 0x1A || x == 0x3F }  // [\x1a?]
    @inline(__always) func cont(_ x: UInt8) -> Bool { x >= 0x80 && x <= 0xBF }
    @inline(__always) func subOrCont(_ x: UInt8) -> Bool { sub(x) || cont(x) }  // [\x1a\x80-\xbf]
    @inline(__always) func any(_ x: UInt8) -> Bool { lost(x) || cont(x) }  // [\x1a?\x80-\xbf]
    let lead = b[i]
    if lead >= 0xC2 && lead <= 0xDF && sub(at(1)) { return 2 }
    if (lead == 0xC2 || lead == 0xC3) && at(1) == 0x3F { return 2 }
    if lead == 0xED {
      let hi = at(1) >= 0xA0 && at(1) <= 0xAF
      let lo = at(3) == 0xED && at(4) >= 0xB0 && at(4) <= 0xBF
      if hi && lo && lost(at(2)) && any(at(5)) { return 6 }
      if hi && lo && any(at(2)) && lost(at(5)) { return 6 }
    }
    if lead >= 0xE0 && lead <= 0xEF {
      if lost(at(1)) && subOrCont(at(2)) { return 3 }
      if subOrCont(at(1)) && lost(at(2)) { return 3 }
    }
    if lead >= 0xF0 && lead <= 0xF4 {
      if lost(at(1)) && subOrCont(at(2)) && subOrCont(at(3)) { return 4 }
      if subOrCont(at(1)) && lost(at(2)) && subOrCont(at(3)) { return 4 }
      if subOrCont(at(1)) && subOrCont(at(2)) && lost(at(3)) { return 4 }
    }
    if lead == 0x1A { return 1 }
    return 0
  }
}
