import PipelineCore

/// Taxonomy files: JSON5 text read into a ``TaxonomyPatch``, with problems reported as
/// `FILE:LINE:COL: message`.
public enum TaxonomyFile {
  /// A problem in a taxonomy file, located in that file.
  public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// The file's name as given (a path, or `<bundled>/taxonomy.json5`).
    public var file: String
    public var location: SourceLocation?
    public var message: String
    public var description: String {
      if let location { return "\(file):\(location.line):\(location.column): \(message)" }
      return "\(file): \(message)"
    }
  }

  /// Parses the taxonomy file `text`, naming it `file` in errors.
  public static func parse(_ text: String, file: String) throws(LoadError) -> TaxonomyPatch {
    let root: JSON5Node
    do {
      let parsed = try JSON5Parser.parse(text)
      root = parsed.root
      if let d = parsed.duplicates.first {
        throw LoadError(
          file: file, location: d.location,
          message: "duplicate key \"\(d.key)\" (first at line \(d.firstLocation.line)); remove one")
      }
    } catch let error as JSON5SyntaxError {
      throw LoadError(file: file, location: error.location, message: error.message)
    } catch let error as LoadError {
      throw error
    } catch {
      throw LoadError(file: file, location: nil, message: "\(error)")
    }
    do {
      return try TaxonomyParser.parseFile(root.json)
    } catch {
      throw LoadError(file: file, location: root.location(of: error.path), message: error.message)
    }
  }

  /// The taxonomy that ships with `pipe` (`Sources/Stages/Resources/taxonomy.json5`), or the
  /// error that keeps it from loading (a build defect, caught by the tests).
  public static let bundled: Result<Taxonomy, LoadError> = {
    let text = String(decoding: PackageResources.taxonomy_json5, as: UTF8.self)
    do throws(LoadError) {
      return .success(Taxonomy().merging(try parse(text, file: "<bundled>/taxonomy.json5")))
    } catch {
      return .failure(error)
    }
  }()
}
