import PipelineCore

/// A problem in an outlet list file, with the line and column it was found at.
public struct OutletFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file as named in messages.
  public var file: String
  /// The line and column of the problem.
  public var location: SourceLocation
  /// What is wrong and what is expected instead.
  public var message: String

  /// An error at `location` of `file`.
  public init(file: String, location: SourceLocation, message: String) {
    self.file = file
    self.location = location
    self.message = message
  }

  public var description: String { "\(file):\(location): \(message)" }
}

/// Reads outlet list files: JSON5 of the form `{version: 1, outlets: [{name, aliases,
/// weakAliases, domains}, ...]}` (documented in docs/outlets.md).
public enum OutletFile {
  /// The keys an outlet entry may have.
  static let entryKeys: Set<String> = ["name", "aliases", "weakAliases", "domains"]

  /// Parses the outlets of `text`; `file` names the file in error messages.
  public static func parse(_ text: String, file: String) throws(OutletFileError) -> [Outlet] {
    func fail(_ location: SourceLocation, _ message: String) -> OutletFileError {
      OutletFileError(file: file, location: location, message: message)
    }
    let root: JSON5Node
    do {
      let parsed = try JSON5Parser.parse(text)
      if let d = parsed.duplicates.first {
        throw fail(d.location, "duplicate key \"\(d.key)\" (first at line \(d.firstLocation.line))")
      }
      root = parsed.root
    } catch let error as OutletFileError {
      throw error
    } catch let error as JSON5SyntaxError {
      throw fail(error.location, error.message)
    } catch {
      throw fail(SourceLocation(line: 1, column: 1), "\(error)")
    }
    guard let members = root.members else {
      throw fail(
        root.location,
        "an outlet file is an object {version: 1, outlets: [...]}, found \(root.kindName)")
    }
    for member in members where member.key != "version" && member.key != "outlets" {
      throw fail(
        member.keyLocation, "unknown key \"\(member.key)\" (expected \"version\" and \"outlets\")")
    }
    if let version = root.member("version") {
      guard case .number(let n) = version.value.value, n == "1" else {
        throw fail(version.value.location, "unsupported version; this pipe reads version 1")
      }
    }
    guard let list = root.member("outlets") else {
      throw fail(
        root.location, "missing \"outlets\": a list of {name, aliases, weakAliases, domains}")
    }
    guard case .array(let items) = list.value.value else {
      throw fail(list.value.location, "\"outlets\" must be an array, found \(list.value.kindName)")
    }
    var outlets: [Outlet] = []
    outlets.reserveCapacity(items.count)
    for item in items {
      outlets.append(try entry(item, fail: fail))
    }
    return outlets
  }

  private static func entry(
    _ node: JSON5Node, fail: (SourceLocation, String) -> OutletFileError
  ) throws(OutletFileError) -> Outlet {
    guard let members = node.members else {
      throw fail(
        node.location,
        "an outlet is an object {name, aliases, weakAliases, domains}, found \(node.kindName)")
    }
    for member in members where !entryKeys.contains(member.key) {
      var message = "unknown key \"\(member.key)\" in an outlet"
      if let guess = DidYouMean.best(member.key, among: entryKeys.sorted()) {
        message += "; did you mean \"\(guess)\"?"
      }
      throw fail(member.keyLocation, message + " (keys: name, aliases, weakAliases, domains)")
    }
    guard let nameMember = node.member("name") else {
      throw fail(node.location, "an outlet needs a \"name\"")
    }
    guard case .string(let rawName) = nameMember.value.value,
      NameKey.hasLetterOrDigit(rawName)
    else {
      throw fail(nameMember.value.location, "\"name\" must be a string with letters or digits")
    }
    func strings(_ key: String) throws(OutletFileError) -> [String] {
      guard let member = node.member(key) else { return [] }
      guard case .array(let items) = member.value.value else {
        throw fail(
          member.value.location,
          "\"\(key)\" must be an array of strings, found \(member.value.kindName)")
      }
      var out: [String] = []
      for item in items {
        guard case .string(let s) = item.value else {
          throw fail(item.location, "\"\(key)\" must hold strings, found \(item.kindName)")
        }
        let trimmed = s.trimmingSpacesAndTabs()
        guard NameKey.hasLetterOrDigit(trimmed) else {
          throw fail(item.location, "an entry of \"\(key)\" has no letters or digits")
        }
        out.append(trimmed)
      }
      return out
    }
    var domains: [String] = []
    if let member = node.member("domains") {
      let raw = try strings("domains")
      guard case .array(let items) = member.value.value else { return Outlet(name: rawName) }
      for (item, host) in zip(items, raw) {
        guard let clean = HostName.normalisedDomainEntry(host) else {
          throw fail(
            item.location,
            "\"\(host)\" is not a host name; write the host only, like \"example.com\"")
        }
        domains.append(clean)
      }
    }
    return Outlet(
      name: rawName.trimmingSpacesAndTabs(), aliases: try strings("aliases"),
      weakAliases: try strings("weakAliases"), domains: domains)
  }
}
