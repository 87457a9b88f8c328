/// The outlet list `detect-source` works with, indexed by name key and by host.
///
/// Built once (from the bundled list, a user's file, or both) and shared read-only.
public struct OutletCatalog: Sendable {
  /// The outlets, user entries first when merged.
  public let outlets: [Outlet]
  private let byKey: [String: Int]
  private let byHost: [String: Int]

  /// A catalog of `outlets`. When two outlets claim the same name or host, the earlier one wins.
  public init(_ outlets: [Outlet]) {
    self.outlets = outlets
    var byKey: [String: Int] = [:]
    var byHost: [String: Int] = [:]
    byKey.reserveCapacity(outlets.count * 3)
    byHost.reserveCapacity(outlets.count * 2)
    for (i, outlet) in outlets.enumerated() {
      func index(_ name: String) {
        let key = NameKey.of(name)
        if !key.isEmpty, byKey[key] == nil { byKey[key] = i }
      }
      index(outlet.name)
      for name in outlet.aliases { index(name) }
      for name in outlet.weakAliases { index(name) }
      for host in outlet.domains where byHost[host] == nil { byHost[host] = i }
    }
    self.byKey = byKey
    self.byHost = byHost
  }

  /// The list that ships with `pipe` (Sources/Stages/Resources/outlets.json5).
  public static let builtin: OutletCatalog = {
    let text = String(decoding: PackageResources.outlets_json5, as: UTF8.self)
    // The bundled file is checked by the tests; a broken one must not take the stage down.
    return OutletCatalog((try? OutletFile.parse(text, file: "outlets.json5")) ?? [])
  }()

  /// This catalog with `extra` laid over it: an entry whose name matches an existing outlet
  /// replaces it, and the new entries' names and hosts take precedence.
  public func merging(_ extra: [Outlet]) -> OutletCatalog {
    let replaced = Set(extra.map { NameKey.of($0.name) })
    return OutletCatalog(extra + outlets.filter { !replaced.contains(NameKey.of($0.name)) })
  }

  /// The outlet one of whose spellings has the key `key` (see ``NameKey``).
  func outlet(key: String) -> Int? { byKey[key] }

  /// The outlet serving `host` or one of its parent domains (`edition.cnn.com` → cnn.com).
  func outlet(host: String) -> Int? {
    if let i = byHost[host] { return i }
    // Parent domains that still have a dot: `edition.cnn.com` → `cnn.com`.
    let u = host.utf8
    var from = u.startIndex
    while let dot = u[from...].firstIndex(of: 0x2E) {
      let next = u.index(after: dot)
      guard u[next...].contains(0x2E) else { return nil }
      if let i = byHost[String(host[next...])] { return i }
      from = next
    }
    return nil
  }
}
