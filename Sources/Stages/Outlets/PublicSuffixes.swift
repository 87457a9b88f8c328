/// The part of the public suffix list a news monitor needs: which endings are shared by many
/// registrants (`co.uk`, `com.au`, `gov.kz`) and which hosting platforms give every site its own
/// subdomain (`gnadlib.wordpress.com` is a site of its own, `edition.cnn.com` is CNN).
enum PublicSuffixes {
  /// Second-level suffixes under country codes. A host ending in one of these registers one
  /// label more (`bbc.co.uk`, not `co.uk`).
  static let multiPart: Set<String> = {
    var out = Set<String>()
    let generic = [
      "co", "com", "net", "org", "gov", "edu", "ac", "gob", "go", "or", "ne", "mil", "nic",
    ]
    let countries = [
      "uk", "au", "nz", "jp", "kr", "br", "ar", "mx", "co", "pe", "cn", "tw", "hk", "sg", "my",
      "ph",
      "in", "za", "il", "tr", "ua", "kz", "uz", "kg", "tj", "tm", "az", "ge", "am", "pk", "eg",
      "sa",
      "ng", "ke", "id", "th", "vn", "pl", "at", "es", "pt", "gr", "cy", "mt", "ve", "ec", "uy",
      "py",
      "bo", "do", "gt", "sv", "ni", "pa", "cu", "qa", "kw", "lb", "ae", "bd", "np", "lk", "ru",
      "by",
      "cl", "cr", "hn", "jm", "tt", "bs", "bz", "gh", "tz", "ug", "zw", "zm", "ma", "tn", "dz",
      "jo",
      "om", "bh", "ir", "iq", "af", "mm", "kh", "la", "mn", "fj", "pg", "et", "rw", "cm", "sn",
      "ci",
    ]
    for country in countries {
      for label in generic { out.insert("\(label).\(country)") }
    }
    // Further shared endings in common use.
    out.formUnion([
      "org.uk", "me.uk", "ltd.uk", "plc.uk", "sch.uk", "nhs.uk", "police.uk", "asn.au", "id.au",
      "govt.nz", "school.nz", "gv.at", "ltd.cy", "nom.br", "art.br", "blog.br", "jus.br", "leg.br",
      "tv.br", "int.ar", "msk.ru", "spb.ru", "in.ua", "kiev.ua", "gen.tr", "bel.tr", "biz.pl",
      "info.pl", "waw.pl", "nom.es", "res.in", "firm.in", "gen.in", "ind.in", "co.at", "priv.at",
      "com.de", "co.ve", "web.ve", "com.kz", "org.kz", "edu.kz", "mil.kz", "gov.kz", "co.ke",
      "or.ke", "go.ke", "ac.ke", "ne.ke", "co.il", "org.il", "muni.il", "k12.tr",
    ])
    return out
  }()

  /// Hosting platforms whose subdomains are separate sites (the private part of the public
  /// suffix list, the platforms blogs and small sites live on).
  static let platforms: Set<String> = [
    "wordpress.com", "blogspot.com", "blogspot.de", "blogspot.co.uk", "blogspot.fr", "blogspot.it",
    "blogspot.es", "blogspot.com.br", "blogspot.com.ar", "blogspot.mx", "blogspot.ru",
    "blogspot.in",
    "blogspot.ca", "blogspot.com.au", "blogspot.nl", "blogspot.be", "blogspot.ch", "blogspot.at",
    "blogspot.pt", "blogspot.pl", "blogspot.kr", "blogspot.jp", "blogspot.com.es", "blogspot.co.at",
    "tumblr.com", "github.io", "gitlab.io", "substack.com", "wixsite.com", "weebly.com",
    "livejournal.com", "typepad.com", "over-blog.com", "jimdofree.com", "jimdo.com",
    "jimdosite.com",
    "webnode.com", "webnode.de", "hatenablog.com", "netlify.app", "vercel.app", "herokuapp.com",
    "pages.dev", "squarespace.com", "ghost.io", "neocities.org", "home.blog", "edublogs.org",
    "canalblog.com", "blog.de", "beehiiv.com", "mystrikingly.com", "business.site", "tilda.ws",
    "blogs.com", "hashnode.dev", "readthedocs.io", "appspot.com", "firebaseapp.com", "web.app",
    "carrd.co", "ucoz.ru", "narod.ru", "free.fr", "e-monsite.com",
  ]

  /// Hosts whose URLs say nothing about the outlet: link shorteners and feed redirectors.
  static let redirectors: Set<String> = [
    "bit.ly", "t.co", "goo.gl", "ow.ly", "tinyurl.com", "buff.ly", "lnkd.in", "dlvr.it", "ift.tt",
    "feedproxy.google.com", "feeds.feedburner.com", "trib.al", "rebrand.ly", "is.gd", "tiny.cc",
    "shorturl.at", "rb.gy", "flip.it", "wp.me",
  ]
}
