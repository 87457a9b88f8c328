/// Domain names written in page text: `agrarheute.com`, `www.foo.de`, `redaktion@foo.de`.
enum DomainNames {
  /// Top-level domains accepted in text (so `z.B`, `index.php` or `image.jpg` are not domains):
  /// the common generic ones and the country codes, minus those that read like file extensions.
  static let topLevel: Set<String> = {
    var out: Set<String> = [
      "com", "net", "org", "info", "biz", "edu", "gov", "mil", "int", "io", "news", "media",
      "online", "blog",
      "site", "website", "app", "dev", "eu", "asia", "global", "world", "today", "live", "press",
      "space", "tech",
      "xyz", "club", "scot", "wales", "cat", "berlin", "hamburg", "bayern", "koeln", "wien",
      "swiss", "nyc",
      "london", "paris", "radio", "tv", "fm", "am", "studio", "digital", "network", "agency",
      "group", "center",
      "zone", "life", "guru", "design", "art", "shop", "store", "social", "pro", "name", "mobi",
      "travel", "aero",
      "coop", "museum", "jobs", "green", "earth", "land", "review", "reviews", "report", "science",
      "academy",
      "institute", "foundation", "church", "community", "energy", "health", "law", "legal", "money",
      "finance",
      "bank", "insure", "email", "link", "click", "top", "vip", "one", "plus", "run", "wiki",
      "page",
    ]
    let countries =
      "ac ad ae af ag ai al ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et fi fj fk fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hn hr ht hu id ie il im in iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr pt pw qa re ro ru rw sa sb sc sd se sg si sk sl sm sn sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw"
    for code in countries.split(separator: " ") { out.insert(String(code)) }
    return out
  }()

  /// ``topLevel`` as hashes of their bytes, for checking text without building strings.
  static let topLevelHashes: Set<UInt64> = Set(topLevel.map { WordSet.hash(Array($0.utf8)) })

  /// Sites that are everywhere and never the page's own outlet: social networks, mail
  /// providers, blog software, standards bodies.
  static let ubiquitous: Set<String> = [
    "facebook.com", "fb.com", "fb.me", "twitter.com", "x.com", "instagram.com", "youtube.com",
    "youtu.be",
    "linkedin.com", "xing.com", "pinterest.com", "pinterest.de", "tiktok.com", "whatsapp.com",
    "wa.me", "t.me",
    "telegram.org", "telegram.me", "snapchat.com", "google.com", "google.de", "goo.gl", "apple.com",
    "microsoft.com", "paypal.com", "gmail.com", "googlemail.com", "gmx.de", "gmx.net", "gmx.at",
    "gmx.ch",
    "web.de", "yahoo.com", "yahoo.de", "hotmail.com", "hotmail.de", "outlook.com", "live.com",
    "t-online.de",
    "aol.com", "icloud.com", "mail.ru", "yandex.ru", "wordpress.com", "wordpress.org",
    "blogger.com",
    "creativecommons.org", "w3.org", "schema.org", "doi.org", "wikipedia.org", "disqus.com",
    "gravatar.com",
    "addthis.com", "sharethis.com", "vimeo.com", "flickr.com", "soundcloud.com", "spotify.com",
    "mozilla.org",
    "adobe.com", "cloudflare.com", "jquery.com", "github.com", "bit.ly", "feedburner.com",
    "amazon.com",
    "amazon.de", "ebay.com", "ebay.de", "mastodon.social", "threads.net", "bsky.app",
    "flipboard.com",
    "whatsbroadcast.com", "pixabay.com", "unsplash.com", "shutterstock.com", "gettyimages.com",
    "istockphoto.com",
    "stock.adobe.com", "depositphotos.com", "pixelio.de",
  ]

  /// The host named by `name` when it is written as a domain (`Achgut.com`, `www.foo.de`).
  static func host(in name: String) -> String? {
    guard mayBeHost(name) else { return nil }
    var host = name.lowercased()
    for prefix in ["https://", "http://", "www."] where host.hasPrefix(prefix) {
      host.removeFirst(prefix.count)
    }
    if host.hasPrefix("www.") { host.removeFirst(4) }
    while let last = host.utf8.last, last == 0x2E || last == 0x2F { host.removeLast() }
    guard HostName.isHostName(host), let dot = host.utf8.lastIndex(of: 0x2E) else { return nil }
    let tld = host.utf8[host.utf8.index(after: dot)...]
    guard topLevelHashes.contains(WordSet.hash(tld)) else { return nil }
    return host
  }

  /// Whether `name` has a dot and no space, as a host written alone must (one pass over its
  /// bytes; most names read from the text have no dot).
  private static func mayBeHost(_ name: String) -> Bool {
    var name = name
    return name.withUTF8 { bytes in
      var dot = false
      for b in bytes {
        if b == 0x20 { return false }
        if b == 0x2E { dot = true }
      }
      return dot
    }
  }

  /// The domain of an e-mail address whose at-sign is spelled out at `at` (`(at)` or `[at]`):
  /// `info(at)example.de`, `redaktion [at] example [dot] de`, `mail(at)example(dot)de`. The
  /// host as written (lower-cased, `(dot)` read as `.`) and the span of the whole address; `nil` when no local part precedes or no host with a known top-level
  /// domain follows.
  static func spelledEmail(
    _ p: UnsafeBufferPointer<UInt8>, at: Int, floor: Int, limit: Int
  ) -> (host: String, range: Range<Int>)? {
    var k = at - 1
    if k >= floor && p[k] == 0x20 { k -= 1 }
    guard k >= floor, CaseFold.isASCIIWord(p[k]) else { return nil }
    // The local part, for the evidence: `redaktion`, `j.doe`, `info-news`.
    var local = k
    while local > floor && at - local < 64 {
      let b = p[local - 1]
      guard CaseFold.isASCIIWord(b) || b == 0x2E || b == 0x2D || b == 0x5F || b == 0x2B else { break }
      local -= 1
    }
    var j = at + 4
    if j < limit && p[j] == 0x20 { j += 1 }
    var host: [UInt8] = []
    while j < limit && host.count < 80 {
      let b = p[j]
      if CaseFold.isASCIIWord(b) || b == 0x2D {
        host.append(CaseFold.lower(b))
        j += 1
      } else if b == 0x2E, j + 1 < limit, CaseFold.isASCIIWord(p[j + 1]) {
        host.append(0x2E)
        j += 1
      } else if let next = spelledDot(p, j, limit) {
        host.append(0x2E)
        j = next
      } else {
        break
      }
    }
    while let last = host.last, last == 0x2E || last == 0x2D { host.removeLast() }
    guard let clean = self.host(in: String(decoding: host, as: UTF8.self)) else { return nil }
    return (clean, local..<j)
  }

  /// The end of a spelled-out dot at `j` (`(dot)`, `[dot]`, with one space around), if any.
  private static func spelledDot(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, _ limit: Int) -> Int? {
    var i = j
    if i < limit && p[i] == 0x20 { i += 1 }
    guard i + 4 < limit, p[i] == 0x28 || p[i] == 0x5B, (p[i + 1] | 0x20) == 0x64,
      (p[i + 2] | 0x20) == 0x6F, (p[i + 3] | 0x20) == 0x74,
      p[i + 4] == (p[i] == 0x28 ? 0x29 : 0x5D)
    else { return nil }
    i += 5
    if i < limit && p[i] == 0x20 && i + 1 < limit && CaseFold.isASCIIWord(p[i + 1]) { i += 1 }
    guard i < limit, CaseFold.isASCIIWord(p[i]) else { return nil }
    return i
  }

  /// Where a domain was written.
  enum Context { case email, link, bare }

  /// The domain around the dot at `dot`, within `floor..<limit`: its range and context, or `nil`.
  static func around(
    _ p: UnsafeBufferPointer<UInt8>, dot: Int, floor: Int, limit: Int
  ) -> (range: Range<Int>, context: Context)? {
    @inline(__always) func hostByte(_ b: UInt8) -> Bool {
      (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E
    }
    var s = dot
    while s > floor && hostByte(p[s - 1]) { s -= 1 }
    var e = dot + 1
    while e < limit && hostByte(p[e]) { e += 1 }
    while e > dot + 1 && (p[e - 1] == 0x2E || p[e - 1] == 0x2D) { e -= 1 }
    while s < dot && (p[s] == 0x2E || p[s] == 0x2D) { s += 1 }
    guard e - s >= 4, s < dot else { return nil }
    // The last label must be a known top-level domain.
    var lastDot = e - 1
    while lastDot > s && p[lastDot] != 0x2E { lastDot -= 1 }
    guard lastDot > s, e - lastDot - 1 >= 2, e - lastDot - 1 <= 11 else { return nil }
    for k in (lastDot + 1)..<e {
      let b = p[k] | 0x20
      guard b >= 0x61 && b <= 0x7A else { return nil }
    }
    guard topLevelHashes.contains(WordSet.hash(p[(lastDot + 1)..<e].lazy.map { $0 | 0x20 })) else {
      return nil
    }
    // The character after must not continue a word (`foo.de` in `foo.deutsch` is not a domain)
    // or code (`socket.AF_INET`, `obj.method(`).
    if e < limit, CaseFold.isWordLead(p[e]) || p[e] == 0x5F || p[e] == 0x28 { return nil }
    // A capitalised top-level domain after a lower-case name is code, not a domain.
    if p[lastDot + 1] &- 0x41 < 26 && p[lastDot - 1] &- 0x61 < 26 { return nil }
    // Part of a word split by a soft hyphen (`Ka\u{AD}rriere.de`).
    if s >= floor + 2 && p[s - 2] == 0xC2 && p[s - 1] == 0xAD { return nil }
    var context = Context.bare
    if s > floor && p[s - 1] == 0x40 {
      context = .email
    } else if s >= floor + 3 && p[s - 1] == 0x2F && p[s - 2] == 0x2F {
      context = .link
    } else if e - s > 4 && (p[s] | 0x20) == 0x77 && (p[s + 1] | 0x20) == 0x77
      && (p[s + 2] | 0x20) == 0x77 && p[s + 3] == 0x2E
    {
      context = .link
    } else if s > floor, CaseFold.wordBefore(p, s) {
      return nil  // glued to a non-ASCII word
    }
    return (s..<e, context)
  }
}
