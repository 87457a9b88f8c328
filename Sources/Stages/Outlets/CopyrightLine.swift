/// Reads the holder's name from a copyright or rights line: `© 2023 The Washington Times, LLC`,
/// `Copyright 2019 X. All rights reserved`, `(c) X`, `Todos los derechos reservados © 2023 X`,
/// `Alle Rechte vorbehalten · 2022 · X GmbH`. Photo credits (`Foto: © Getty Images`,
/// `© DVFG/AdobeStock`) are not copyright lines of the site.
enum CopyrightLine {
  /// What one copyright line says.
  struct Reading: Sendable, Equatable {
    /// The holder as written (before cleaning).
    var name: NameSpan
    /// The span from the marker to the name, for evidence.
    var evidence: Range<Int>
    /// Whether the line has a year or a rights phrase (a real copyright notice, not a credit).
    var formal: Bool
  }

  private enum Role { case marker, year, filler, separator, rights, word }

  static let rightsWords = WordSet(
    [
      "all", "alle", "todos", "tous", "some", "einige", "tutti", "riproduzione", "wszelkie",
      "derechos", "rights",
      "powered", "designed", "developed", "theme", "made", "impressum", "datenschutz", "privacy",
      "terms", "click",
      "cookie", "cookies", "contact", "kontakt", "agb", "hosted", "realizacja", "edito",
      "webdesign", "website",
      "sitemap", "reprint", "unless", "duplication",
      "mentions", "nutzungsbedingungen", "datenschutzerklärung", "privacidad", "aviso", "política",
      "términos",
      "legal", "disclaimer", "proudly", "erstellt", "created", "built", "hergestellt", "gestaltet",
      "hosting",
      "steuer/mwst.nr", "regn", "registered", "reg", "issn", "rnpi", "director", "directora",
      "herausgeber",
      "todas", "visos", "te", "derechos", "direitos", "diritti", "rechten", "prawa", "droits",
      "rechte",
    ])

  static let creditWords = WordSet(
    [
      "foto", "fotos", "photo", "photos", "bild", "bilder", "image", "images", "credit", "credits",
      "quelle",
      "bildquelle", "bildrechte", "textquelle", "zeichnungen", "zeichnung", "illustration",
      "grafik", "crédit",
      "crédito", "créditos", "imagen", "imagem", "fotografía", "picture", "pictures", "titelbild",
      "beitragsbild",
      "symbolbild", "header", "headerbild", "bildnachweis", "fotonachweis", "aufnahme", "video",
      "cover",
    ])

  private static let markerWords = WordSet(["copyright", "copyrights", "urheberrecht"])
  private static let fillerWords = WordSet(["by", "von", "par", "por", "door"])
  private static let vendorWords = WordSet([
    "powered", "software", "theme", "themes", "designed", "design", "developed", "made", "hosted",
    "created", "built",
    "realized", "realisiert", "erstellt", "gestaltet", "umgesetzt", "programmiert", "webdesign",
  ])

  /// Reads the line `start..<end`; `rights` is the range of a rights phrase in it, if any.
  static func read(
    _ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int, rights: Range<Int>?
  ) -> Reading? {
    // Tokenise, splitting `©2023` / `Copyright©` at the sign.
    // One allocation each for a usual line (growing them cost more than reading the line).
    var tokens: [Token] = []
    var roles: [Role] = []
    tokens.reserveCapacity(32)
    roles.reserveCapacity(32)
    var pos = start
    while let t = LineTokens.next(p, from: pos, limit: end), tokens.count < 80 {
      pos = t.end
      var s = t.start
      var k = t.start
      while k + 1 < t.end {
        if p[k] == 0xC2 && p[k + 1] == 0xA9 {
          if k > s {
            append(p, LineTokens.make(p, s, k), to: &tokens, roles: &roles, rights: rights)
          }
          tokens.append(LineTokens.make(p, k, k + 2))
          roles.append(.marker)
          k += 2
          s = k
          continue
        }
        k += 1
      }
      if s < t.end {
        append(p, LineTokens.make(p, s, t.end), to: &tokens, roles: &roles, rights: rights)
      }
    }
    guard let markerIndex = roles.firstIndex(of: .marker) ?? roles.firstIndex(of: .rights) else {
      return nil
    }
    let formal = roles.contains(.year) || roles.contains(.rights) || rights != nil
    // Photo credits: a credit word before the marker, or a slash in the holder; a caption with
    // the sign after its text and neither year nor rights phrase (`… in Bordeaux. © E.B`).
    for i in 0..<markerIndex where creditWords.contains(p, tokens[i]) { return nil }
    if !formal && markerIndex > 2 { return nil }
    // Software and design credits: `Forum software by X © …`, `Powered by X © …`.
    for i in 0..<markerIndex where vendorWords.contains(p, tokens[i]) {
      if i + 1 < tokens.count, fillerWords.contains(p, tokens[i + 1]) { return nil }
    }
    let chunks = nameChunks(p, tokens, roles)
    let firstMarker = markerIndex
    // The holder follows the marker; failing that, it precedes it (`Breaking Soup Copyright © 2020`).
    // The holder right after the marker (only years, more markers and separators between).
    var after: Range<Int>? = nil
    if let next = chunks.first(where: { $0.lowerBound > firstMarker }),
      (firstMarker + 1..<next.lowerBound).allSatisfy({ roles[$0] != .word }),
      acceptable(p, tokens, next, adjacent: true)
    {
      after = next
    }
    // Before the marker (`Breaking Soup Copyright © 2020`), but not a heading about the
    // copyright (`Hinweis zum Copyright`, `Notes on copyright`).
    let before = chunks.last {
      $0.upperBound <= firstMarker && $0.upperBound >= firstMarker - 2
        && acceptable(p, tokens, $0, adjacent: false)
        && !NameReader.connectors.contains(p, tokens[$0.upperBound - 1])
    }
    guard let chunk = after ?? before else { return nil }
    let nameStart = tokens[chunk.lowerBound].coreStart
    let nameEnd = tokens[chunk.upperBound - 1].coreEnd
    let name = NameSpan(start: nameStart, end: nameEnd, words: chunk.count)
    let marker = tokens[firstMarker]
    let evidence = after != nil ? marker.start..<nameEnd : nameStart..<max(marker.end, nameEnd)
    return Reading(name: name, evidence: evidence, formal: formal)
  }

  private static func append(
    _ p: UnsafeBufferPointer<UInt8>, _ t: Token, to tokens: inout [Token], roles: inout [Role],
    rights: Range<Int>?
  ) {
    tokens.append(t)
    roles.append(role(p, t, rights: rights))
  }

  private static func role(_ p: UnsafeBufferPointer<UInt8>, _ t: Token, rights: Range<Int>?) -> Role {
    if let r = rights, r.contains(t.start) { return .rights }
    if LineTokens.isSeparator(p, t) || t.isEmptyCore { return .separator }
    let len = t.end - t.start
    // (c) and (C)
    if len >= 3 && p[t.start] == 0x28 && (p[t.start + 1] | 0x20) == 0x63 && p[t.start + 2] == 0x29 {
      return .marker
    }
    let hash = WordSet.hash(p, t)
    if markerWords.contains(hash: hash) { return .marker }
    if isYear(p, t) { return .year }
    if fillerWords.contains(hash: hash) { return .filler }
    if rightsWords.contains(hash: hash) { return .rights }
    return .word
  }

  /// A year, a range of years or a date (`2023`, `1998-2023`, `2010–2023,`, `19.12.2019`).
  private static func isYear(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    var digits = 0
    var i = t.coreStart
    while i < t.coreEnd {
      let b = p[i]
      if b >= 0x30 && b <= 0x39 {
        digits += 1
      } else if b == 0x2D || b == 0x2F || b == 0x2E || b == 0x3A {
        // - / . :
      } else if b == 0xE2 && i + 2 < t.coreEnd && p[i + 1] == 0x80
        && (p[i + 2] == 0x93 || p[i + 2] == 0x94)
      {
        i += 2
      } else {
        return false
      }
      i += 1
    }
    return digits >= 2
  }

  /// Runs of word tokens, broken by markers, years, separators, rights words and punctuation.
  private static func nameChunks(
    _ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ roles: [Role]
  ) -> [Range<Int>] {
    var chunks: [Range<Int>] = []
    var start = -1
    var skipping = false
    for i in tokens.indices {
      let t = tokens[i]
      switch roles[i] {
      case .word:
        if skipping { continue }
        if start < 0 { start = i }
        if t.closes || t.endsSentence {
          chunks.append(start..<(i + 1))
          start = -1
        }
      case .rights:
        if start >= 0 { chunks.append(start..<i) }
        start = -1
        skipping = true
      case .separator, .marker, .year:
        if start >= 0 { chunks.append(start..<i) }
        start = -1
        skipping = false
      case .filler:
        if start >= 0 { chunks.append(start..<i) }
        start = -1
      }
      if skipping && (t.closes || t.endsSentence) && roles[i] == .word { skipping = false }
    }
    if start >= 0 { chunks.append(start..<tokens.count) }
    return chunks
  }

  /// Whether the token is a legal form (`GmbH`, `A/S`).
  private static func isLegalForm(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    let key = NameKey.of(
      String(decoding: UnsafeBufferPointer(rebasing: p[t.coreStart..<t.coreEnd]), as: UTF8.self))
    return NameFilter.legalSuffixes.contains(key)
  }

  /// Whether a chunk reads like a holder's name: name words and connectors (a lone lower-case
  /// brand only right at the marker), at most 7 words, no slash (credits like `DVFG/AdobeStock`).
  private static func acceptable(
    _ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ chunk: Range<Int>, adjacent: Bool
  ) -> Bool {
    guard chunk.count <= 7 else { return false }
    let first = tokens[chunk.lowerBound]
    for i in chunk {
      let t = tokens[i]
      for k in t.coreStart..<t.coreEnd where p[k] == 0x2F {
        // A legal form written with a slash (`Trustpilot A/S`) after the name is no credit.
        guard i > chunk.lowerBound, t.coreEnd - t.coreStart <= 4, isLegalForm(p, t) else {
          return false
        }
      }
    }
    if !NameReader.isNameWord(p, first) {
      // A brand in lower case right at the marker: alone (`© 2022 todamax`) or followed only by
      // its company form (`Copyright 2022 fem Media GmbH`), never a clause (`© 2022 by the …`).
      guard adjacent && LineTokens.hasLetter(p, first) && first.coreEnd - first.coreStart >= 3
      else { return false }
      return chunk.dropFirst().allSatisfy { isCompanyForm(p, tokens[$0]) }
    }
    for i in chunk.dropFirst() {
      let t = tokens[i]
      if NameReader.isNameWord(p, t) || NameReader.connectors.contains(p, t) { continue }
      // Legal forms in lower case (`mbH`, `e.V.`) may follow a name.
      if isCompanyForm(p, t) { continue }
      return false
    }
    return true
  }

  /// Whether the token is a legal form or a company word (`GmbH`, `mbH`, `Media`, `Verlag`).
  private static func isCompanyForm(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
    let key = NameKey.of(
      String(decoding: UnsafeBufferPointer(rebasing: p[t.coreStart..<t.coreEnd]), as: UTF8.self))
    return NameFilter.legalSuffixes.contains(key) || NameFilter.corporateWords.contains(key)
  }
}
