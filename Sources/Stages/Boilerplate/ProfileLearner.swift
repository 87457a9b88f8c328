import PipelineCore

/// Counts, per outlet group, in how many documents each normalised line occurs, with bounded
/// memory, and writes the lines that recur in at least `minDocs` documents as a
/// ``BoilerplateProfile`` file.
///
/// Memory is bounded by `maxEntries` counters (lossy counting): when the table is full, every
/// entry counted at most `floor` times is dropped and `floor` rises by one. A line that recurs
/// often survives pruning; one that is dropped and seen again starts over, so counts are lower
/// bounds and a line can be missed only if it was rare at some point when the table was full.
public struct ProfileLearner {
  /// Lines shorter than this many visible characters are ignored.
  public var minLength: Int
  /// The most counters kept at once.
  public var maxEntries: Int
  /// The longest text kept for a line in the profile (in characters).
  public var maxLineCharacters = 300

  private struct Key: Hashable {
    var group: Int32
    var hash: UInt64
  }

  private struct Entry {
    var count: Int32
    var text: String
  }

  private var groupNames: [String] = []
  private var groupIndex: [String: Int32] = [:]
  private var groupDocuments: [Int] = []
  private var entries: [Key: Entry] = [:]
  private var floor: Int32 = 0
  /// Documents counted, and documents skipped because they had no group.
  public private(set) var documents = 0
  public private(set) var skipped = 0
  /// How many times the table was pruned.
  public private(set) var prunes = 0

  public init(minLength: Int = 3, maxEntries: Int = 1_000_000) {
    self.minLength = minLength
    self.maxEntries = max(maxEntries, 16)
  }

  /// Counts the distinct lines of one document in `group` (`nil`: skipped).
  public mutating func add(text: String, group: String?) {
    guard let group else {
      skipped += 1
      return
    }
    documents += 1
    let g: Int32
    if let known = groupIndex[group] {
      g = known
    } else {
      g = Int32(groupNames.count)
      groupIndex[group] = g
      groupNames.append(group)
      groupDocuments.append(0)
    }
    groupDocuments[Int(g)] += 1
    var seen = Set<UInt64>()
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { p in
      var start = 0
      while start < p.count {
        var end = start
        while end < p.count && p[end] != 0x0A { end += 1 }
        var s = start
        var e = end
        while s < e && TextScanner.isBlank(p[s]) { s += 1 }
        while e > s && TextScanner.isBlank(p[e - 1]) { e -= 1 }
        if visibleCount(p, s, e) >= minLength {
          let h = BoilerplateProfile.hash(p, s, e)
          if seen.insert(h).inserted {
            let key = Key(group: g, hash: h)
            if let old = entries[key] {
              entries[key] = Entry(count: old.count + 1, text: old.text)
            } else {
              let line = String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self)
              entries[key] = Entry(count: 1, text: String(line.prefix(maxLineCharacters)))
            }
          }
        }
        start = end + 1
      }
    }
    while entries.count > maxEntries { prune() }
  }

  private func visibleCount(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
    var n = 0
    var i = s
    while i < e && n < minLength {
      if p[i] & 0xC0 != 0x80 && !TextScanner.isBlank(p[i]) { n += 1 }
      i += 1
    }
    return n
  }

  private mutating func prune() {
    floor += 1
    prunes += 1
    let limit = floor
    entries = entries.filter { $0.value.count > limit }
  }

  /// The learned profile: per group, the lines seen in at least `minDocs` documents, most
  /// frequent first. Groups with fewer than `minDocs` documents are left out.
  public func profileLines(minDocs: Int) -> [(group: String, documents: Int, lines: [String])] {
    var byGroup: [Int32: [(Int32, String)]] = [:]
    for (key, entry) in entries where Int(entry.count) >= minDocs {
      byGroup[key.group, default: []].append((entry.count, entry.text))
    }
    var out: [(String, Int, [String])] = []
    for (g, items) in byGroup {
      let sorted = items.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
      out.append((groupNames[Int(g)], groupDocuments[Int(g)], sorted.map(\.1)))
    }
    return out.sorted { $0.0 < $1.0 }
  }

  /// The profile file's text (JSON5, also valid JSON).
  public func profileText(minDocs: Int, groupBy: String?) -> String {
    let groups = profileLines(minDocs: minDocs)
    var out = "// Lines that recur in at least \(minDocs) documents of the same group; "
    out += "written by pipe learn-boilerplate.\n"
    out += "{\n  \"version\": 1,\n"
    out += "  \"groupBy\": \(groupBy.map { JSONWriter.string(.string($0)) } ?? "null"),\n"
    out += "  \"minDocs\": \(minDocs),\n  \"documents\": \(documents),\n  \"groups\": {"
    for (index, group) in groups.enumerated() {
      out += index == 0 ? "\n" : ",\n"
      out += "    \(JSONWriter.string(.string(group.group))): {\n"
      out += "      \"documents\": \(group.documents),\n      \"lines\": ["
      for (i, line) in group.lines.enumerated() {
        out += (i == 0 ? "\n" : ",\n") + "        " + JSONWriter.string(.string(line))
      }
      out += group.lines.isEmpty ? "]\n    }" : "\n      ]\n    }"
    }
    out += groups.isEmpty ? "}\n}\n" : "\n  }\n}\n"
    return out
  }
}
