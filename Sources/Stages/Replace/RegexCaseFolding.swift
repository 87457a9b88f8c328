/// Simple (one scalar to one scalar) Unicode case folding, as used by case-insensitive regular
/// expressions: two scalars match each other when they fold to the same scalar.
///
/// ASCII folds by arithmetic. Other scalars fold to their lower-case mapping when that mapping is a
/// single scalar (`Ж` → `ж`, `Σ` → `σ`), except for the few scalars whose simple case folding is not
/// their lower-case mapping (`ς` → `σ`, `ſ` → `s`, the Kelvin sign `K` → `k`, ...), which a table
/// lists. Scalars whose lower case is longer than one scalar (`İ`) fold to themselves, as in ICU.
enum RegexCaseFolding {
  /// Scalars whose simple case folding differs from their lower-case mapping, with their folding
  /// (from Unicode's CaseFolding.txt, status C/S).
  static let exceptions: [UInt32: UInt32] = [
    0x00B5: 0x03BC,  // µ → μ
    0x017F: 0x0073,  // ſ → s
    0x0345: 0x03B9,  // combining ypogegrammeni → ι
    0x03C2: 0x03C3,  // ς → σ
    0x03D0: 0x03B2, 0x03D1: 0x03B8, 0x03D5: 0x03C6, 0x03D6: 0x03C0,  // ϐ ϑ ϕ ϖ
    0x03F0: 0x03BA, 0x03F1: 0x03C1, 0x03F5: 0x03B5, 0x03F4: 0x03B8,  // ϰ ϱ ϵ ϴ
    0x1E9B: 0x1E61,  // ẛ → ṡ
    0x1E9E: 0x00DF,  // ẞ → ß
    0x1FBE: 0x03B9,  // ι → ι
    0x2126: 0x03C9,  // Ω (ohm) → ω
    0x212A: 0x006B,  // K (kelvin) → k
    0x212B: 0x00E5,  // Å (angstrom) → å
    0x1C80: 0x0432, 0x1C81: 0x0434, 0x1C82: 0x043E, 0x1C83: 0x0441,  // old Cyrillic variants
    0x1C84: 0x0442, 0x1C85: 0x0442, 0x1C86: 0x044A, 0x1C87: 0x0463, 0x1C88: 0xA64B,
  ]

  /// The exceptions grouped by the scalar they fold to.
  static let exceptionsByFolding: [UInt32: [UInt32]] = Dictionary(
    grouping: exceptions.keys.sorted(), by: { exceptions[$0] ?? $0 })

  /// The simple case folding of `value`.
  static func fold(_ value: UInt32) -> UInt32 {
    if value < 0x80 { return value &- 0x41 < 26 ? value | 0x20 : value }
    if let f = exceptions[value] { return f }
    guard let scalar = Unicode.Scalar(value) else { return value }
    return single(scalar.properties.lowercaseMapping) ?? value
  }

  /// Every scalar that folds like `value` (including `value`), in ascending order.
  static func equivalents(of value: UInt32) -> [UInt32] {
    let f = fold(value)
    var candidates: [UInt32] = [value, f]
    if f < 0x80 {
      if f &- 0x61 < 26 { candidates.append(f - 0x20) }
    } else {
      for v in [value, f] {
        guard let s = Unicode.Scalar(v) else { continue }
        if let u = single(s.properties.uppercaseMapping) { candidates.append(u) }
        if let t = single(s.properties.titlecaseMapping) { candidates.append(t) }
        if let l = single(s.properties.lowercaseMapping) { candidates.append(l) }
      }
    }
    candidates += exceptionsByFolding[f] ?? []
    return Array(Set(candidates.filter { fold($0) == f })).sorted()
  }

  private static func single(_ mapping: String) -> UInt32? {
    let scalars = mapping.unicodeScalars
    guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
      return nil
    }
    return first.value
  }
}
