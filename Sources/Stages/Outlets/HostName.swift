import FoundationEssentials
import PipelineCore

/// Host names taken from URLs: which site a URL belongs to and a readable name for it.
///
/// Knows `www.`/`m.`/`amp.` prefixes, multi-part public suffixes (`co.uk`, `gov.kz`), hosting
/// platforms (`name.wordpress.com`), Wayback Machine URLs (`web.archive.org/web/2019.../https://
/// site/...` is the archived site) and Google News redirect URLs that carry the article's URL.
public enum HostName {
  /// The host of `url` (lower-cased, without port or trailing dot), following Wayback Machine
  /// and Google News wrappers to the site they stand for. `nil` when there is no usable host.
  public static func host(ofURL url: String) -> String? {
    host(ofURL: Substring(url), depth: 0)
  }

  private static func host(ofURL url: Substring, depth: Int) -> String? {
    var bytes = url
    guard let (host, pathOffset) = bytes.withUTF8({ authority($0) }) else { return nil }
    guard isHostName(host) else { return nil }
    if depth < 3 && wrapperHosts.contains(host) {
      let path = url[url.utf8.index(url.utf8.startIndex, offsetBy: pathOffset)...]
      if let inner = wrappedURL(host: host, path: path) {
        return Self.host(ofURL: inner, depth: depth + 1) ?? host
      }
    }
    return host
  }

  /// Hosts whose URLs wrap the URL of another site.
  private static let wrapperHosts: Set<String> = [
    "web.archive.org", "wayback.archive.org", "archive.org", "news.google.com",
  ]

  /// The host of the URL in `p` (lower-cased, without user, port and trailing dots) and the
  /// offset of the path after it; `nil` when a scheme is malformed.
  private static func authority(_ p: UnsafeBufferPointer<UInt8>) -> (String, Int)? {
    let n = p.count
    var i = 0
    while i < n, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x3C || p[i] == 0x22 { i += 1 }
    var rest = i
    if let colon = schemeSeparator(p, from: i) {
      // `scheme://`: up to ten letters, `+` or `-`.
      guard colon > i, colon - i <= 10 else { return nil }
      for k in i..<colon {
        let b = p[k]
        guard (b | 0x20) &- 0x61 < 26 || b == 0x2B || b == 0x2D else { return nil }
      }
      rest = colon + 3
    } else if i + 1 < n && p[i] == 0x2F && p[i + 1] == 0x2F {
      rest = i + 2
    }
    var end = rest
    while end < n && !isDelimiter(p[end]) { end += 1 }
    var start = rest
    for k in rest..<end where p[k] == 0x40 { start = k + 1 }
    var stop = end
    for k in start..<end where p[k] == 0x3A {
      stop = k
      break
    }
    while stop > start && p[stop - 1] == 0x2E { stop -= 1 }
    let raw = UnsafeBufferPointer(rebasing: p[start..<stop])
    if raw.contains(where: { $0 >= 0x80 }) {
      return (String(decoding: raw, as: UTF8.self).lowercased(), end)
    }
    let host = String(unsafeUninitializedCapacity: raw.count) { out in
      for (k, b) in raw.enumerated() { out[k] = b &- 0x41 < 26 ? b | 0x20 : b }
      return raw.count
    }
    return (host, end)
  }

  /// The offset of the `:` of the first `://` in `p` from `start`.
  private static func schemeSeparator(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var i = start
    while i + 2 < p.count {
      if p[i] == 0x3A && p[i + 1] == 0x2F && p[i + 2] == 0x2F { return i }
      i += 1
    }
    return nil
  }

  /// The bytes that end a URL's authority: `/ ? # \`, spaces, quotes and angle brackets.
  @inline(__always)
  private static func isDelimiter(_ b: UInt8) -> Bool {
    switch b {
    case 0x2F, 0x3F, 0x23, 0x5C, 0x20, 0x09, 0x22, 0x27, 0x3C, 0x3E: return true
    default: return false
    }
  }

  /// The URL wrapped inside a Wayback Machine or Google News URL, if any.
  private static func wrappedURL(host: String, path: Substring) -> Substring? {
    if host == "web.archive.org" || host == "wayback.archive.org" || host == "archive.org" {
      // /web/20190101123456/https://site/...  or /web/20190101123456id_/site/...
      var parts = path.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: true)
      guard parts.count >= 3, parts[0] == "web", parts[1].first?.isNumber == true || parts[1] == "*"
      else {
        return nil
      }
      parts.removeFirst(2)
      let inner = path[parts[0].startIndex...]
      return inner
    }
    if host == "news.google.com" {
      guard let marker = path.firstRange(of: "/articles/") else { return nil }
      let token = path[marker.upperBound...].prefix {
        $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_"
      }
      return googleNewsURL(token: String(token)).map { Substring($0) }
    }
    return nil
  }

  /// Decodes the article URL stored in an (older) Google News article token: base64url of a
  /// small protobuf record that holds the URL as plain bytes.
  private static func googleNewsURL(token: String) -> String? {
    var b64 = String(token.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
    while b64.count % 4 != 0 { b64 += "=" }
    guard let data = Data(base64Encoded: b64) else { return nil }
    let bytes = [UInt8](data)
    let http: [UInt8] = Array("http".utf8)
    guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: http) }) else {
      return nil
    }
    var end = start
    while end < bytes.count, bytes[end] > 0x20, bytes[end] < 0x7F { end += 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// Whether `host` looks like a DNS name with a top-level domain (`example.com`, `bbc.co.uk`).
  static func isHostName(_ host: String) -> Bool {
    let bytes = host.utf8
    guard bytes.count >= 3, bytes.count <= 253 else { return false }
    var labelLength = 0
    var labels = 0
    var previous: UInt8 = 0x2E
    var tldLetters = true
    for b in bytes {
      if b == 0x2E {
        guard labelLength > 0, previous != 0x2D else { return false }
        labels += 1
        labelLength = 0
        tldLetters = true
      } else {
        let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
        let digit = b >= 0x30 && b <= 0x39
        guard letter || digit || b == 0x2D || b >= 0x80 else { return false }
        if b == 0x2D && labelLength == 0 { return false }
        if !(letter || b == 0x2D || b >= 0x80) { tldLetters = false }
        labelLength += 1
        guard labelLength <= 63 else { return false }
      }
      previous = b
    }
    return labels >= 1 && labelLength >= 2 && previous != 0x2D && tldLetters
  }

  /// A domain entry of an outlet file cleaned up (`WWW.Example.COM.` → `example.com`), or `nil`
  /// when it is not a host name (a URL, a path, a bare word).
  static func normalisedDomainEntry(_ entry: String) -> String? {
    var host = entry.trimmingSpacesAndTabs().lowercased()
    while host.hasSuffix(".") { host.removeLast() }
    if host.hasPrefix("www.") { host.removeFirst(4) }
    return isHostName(host) ? host : nil
  }

  /// The site a host belongs to: the registered domain (`bbc.co.uk` for `www.bbc.co.uk`), or the
  /// platform subdomain for hosted sites (`gnadlib.wordpress.com`).
  public static func site(ofHost host: String) -> String {
    let utf8 = host.utf8
    // Offsets just after the last four dots, last first.
    var after: (Int, Int, Int, Int) = (-1, -1, -1, -1)
    var dots = 0
    var offset = utf8.count
    for b in utf8.reversed() {
      offset -= 1
      guard b == 0x2E else { continue }
      switch dots {
      case 0: after.0 = offset + 1
      case 1: after.1 = offset + 1
      case 2: after.2 = offset + 1
      case 3: after.3 = offset + 1
      default: break
      }
      dots += 1
      if dots == 4 { break }
    }
    guard dots >= 2 else { return host }
    func suffix(_ start: Int) -> String {
      String(host[utf8.index(utf8.startIndex, offsetBy: start)...])
    }
    // Hosted platforms: keep one label in front of the platform.
    if PublicSuffixes.platforms.contains(suffix(after.1)) { return suffix(after.2 < 0 ? 0 : after.2) }
    if dots >= 3 && PublicSuffixes.platforms.contains(suffix(after.2)) {
      return suffix(after.3 < 0 ? 0 : after.3)
    }
    if PublicSuffixes.multiPart.contains(suffix(after.1)) {
      return dots >= 3 ? suffix(after.2) : host
    }
    return suffix(after.1)
  }

  /// Whether the host is a link shortener or feed redirector that says nothing about the outlet.
  static func isRedirector(_ host: String) -> Bool {
    isRedirector(host, site: site(ofHost: host))
  }

  /// ``isRedirector(_:)`` for a host whose site is already known.
  static func isRedirector(_ host: String, site: String) -> Bool {
    PublicSuffixes.redirectors.contains(host) || PublicSuffixes.redirectors.contains(site)
  }

  /// A readable outlet name made from a site (`die-partei.net` → "Die Partei",
  /// `gnadlib.wordpress.com` → "Gnadlib"). Very short names keep the domain (`taz.de`).
  public static func readableName(ofSite site: String) -> String {
    var copy = site
    let ascii: String?? = copy.withUTF8 { p -> String?? in
      var end = 0
      var letters = 0
      while end < p.count && p[end] != 0x2E {
        let b = p[end]
        if b >= 0x80 { return nil }  // not ASCII: the general way below
        if (b | 0x20) &- 0x61 < 26 { letters += 1 }
        end += 1
      }
      guard letters > 3 else { return .some(nil) }
      var out: [UInt8] = []
      out.reserveCapacity(end)
      var wordStart = true
      for k in 0..<end {
        let b = p[k]
        if b == 0x2D {
          wordStart = true
          continue
        }
        if wordStart && !out.isEmpty { out.append(0x20) }
        out.append(wordStart && b &- 0x61 < 26 ? b - 0x20 : b)
        wordStart = false
      }
      return String(decoding: out, as: UTF8.self)
    }
    if let ascii { return ascii ?? site }
    let label = site.split(separator: ".").first.map(String.init) ?? site
    let letters = label.filter { $0.isLetter }
    if letters.count <= 3 { return site }
    let words = label.split(separator: "-").filter { !$0.isEmpty }
    return words.map { word in word.prefix(1).uppercased() + word.dropFirst() }.joined(
      separator: " ")
  }
}
