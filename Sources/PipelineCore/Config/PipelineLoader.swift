/// Loads pipeline files: resolves names, follows `include`, validates every key and option
/// against the registry, and builds the stages, reporting all problems at once with locations.
///
/// ```json5
/// {
///   description: "Clean wire news",
///   include: "base",                  // optional: stages of another pipeline come first
///   stages: [
///     "normalise",                    // a stage with default options
///     { stage: "tag-topics", options: { minScore: 3 }, label: "topics" },
///   ],
/// }
/// ```
public struct PipelineLoader: Sendable {
  public let registry: StageRegistry
  public let locator: PipelineLocator
  /// What stages built by this loader may do (run programs, ...).
  public var permissions: Permissions

  /// The highest `version` a pipeline file may declare.
  public static let highestSupportedVersion = 1
  static let topKeys = ["version", "description", "include", "stages"]
  static let stageKeys = ["stage", "options", "label"]

  public init(registry: StageRegistry, locator: PipelineLocator, permissions: Permissions = Permissions()) {
    self.registry = registry
    self.locator = locator
    self.permissions = permissions
  }

  /// Loads the pipeline `reference` (a name or a path).
  public func load(_ reference: String) throws(PipelineLoadError) -> Pipeline {
    let source: PipelineSource
    do { source = try locator.resolve(reference) } catch { throw PipelineLoadError([error]) }
    return try load(source: source)
  }

  /// Loads a pipeline from its text.
  public func load(source: PipelineSource) throws(PipelineLoadError) -> Pipeline {
    var diagnostics: [Diagnostic] = []
    var entries: [Entry] = []
    let description = collect(source, chain: [], into: &entries, diagnostics: &diagnostics)
    // Check every entry in file order, then build the stages that passed the checks on several
    // threads (stage inits are independent and precompute tables: most of the start-up time),
    // then report in file order: each entry's checks, then its build error.
    var planned: [PlannedStep] = []
    var labels: [String: Entry] = [:]
    for (i, entry) in entries.enumerated() {
      let here = "stages[\(entry.position)] (\(entry.name))"
      guard let type = registry.stage(named: entry.name) else { continue }
      let label = entry.label ?? entry.name
      var step = PlannedStep(index: i, entry: entry, here: here, label: label, type: type)
      if let other = labels[label], entry.label != nil || other.label != nil {
        step.diagnostics.append(
          Diagnostic(
            file: entry.file, location: entry.location,
            message: "\(here): label \"\(label)\" is already used at line \(other.location.line)"))
      }
      labels[label] = entry
      let problems = StageOptions.problems(in: entry.optionsJSON, specs: type.options, stage: entry.name)
      for p in problems {
        let loc = entry.optionsNode?.location(of: [p.option]) ?? entry.location
        step.diagnostics.append(Diagnostic(file: entry.file, location: loc, message: "\(here): \(p.message)"))
      }
      if problems.isEmpty {
        var values: [String: JSONValue] = [:]
        for (k, v) in entry.optionsJSON { values[k] = v }
        step.options = StageOptions(
          values: values, specs: type.options, baseDirectory: entry.directory, permissions: permissions)
      }
      planned.append(step)
    }
    let toBuild = planned.filter { $0.options != nil }
    let built = ConcurrentMap.map(count: toBuild.count) { k -> Result<any Stage, any Error> in
      let step = toBuild[k]
      guard let options = step.options else { return .failure(StageError("internal: no options")) }
      return Result { try step.type.init(options: options) }
    }
    var results: [Int: Result<any Stage, any Error>] = [:]
    for (step, result) in zip(toBuild, built) { results[step.index] = result }
    var steps: [Pipeline.Step] = []
    for step in planned {
      diagnostics += step.diagnostics
      let entry = step.entry
      switch results[step.index] {
      case nil: continue
      case .success(let stage):
        steps.append(Pipeline.Step(name: entry.name, index: step.index, label: step.label, stage: stage))
      case .failure(let error as OptionError):
        let loc = entry.optionsNode?.location(of: [error.option] + error.path) ?? entry.location
        diagnostics.append(Diagnostic(file: entry.file, location: loc, message: "\(step.here): \(error)"))
      case .failure(let error):
        diagnostics.append(
          Diagnostic(
            file: entry.file, location: entry.location, message: "\(step.here): \(Pipeline.describe(error))"))
      }
    }
    if !diagnostics.isEmpty { throw PipelineLoadError(diagnostics) }
    return Pipeline(name: source.name, description: description, displayPath: source.displayPath, steps: steps)
  }

  /// A checked stage entry: what to build, and the problems found so far (in report order).
  struct PlannedStep {
    var index: Int
    var entry: Entry
    var here: String
    var label: String
    var type: any Stage.Type
    /// The stage's options; `nil` when they have problems (the stage is then not built).
    var options: StageOptions?
    var diagnostics: [Diagnostic] = []

    init(index: Int, entry: Entry, here: String, label: String, type: any Stage.Type) {
      self.index = index
      self.entry = entry
      self.here = here
      self.label = label
      self.type = type
    }
  }

  /// One stage entry of a pipeline file, before it is built.
  struct Entry {
    var name: String
    var label: String?
    var position: Int
    var file: String
    var directory: String?
    var location: SourceLocation
    var optionsNode: JSON5Node?
    var optionsJSON: JSONObject
  }

  /// Parses `source` and appends its stage entries (after those of its includes) to `entries`.
  /// Returns the file's description.
  private func collect(
    _ source: PipelineSource, chain: [String], into entries: inout [Entry], diagnostics: inout [Diagnostic]
  ) -> String {
    let file = source.displayPath
    func report(_ loc: SourceLocation?, _ message: String) {
      diagnostics.append(Diagnostic(file: file, location: loc, message: message))
    }
    let root: JSON5Node
    do {
      let parsed = try JSON5Parser.parse(source.text)
      root = parsed.root
      for d in parsed.duplicates {
        report(d.location, "duplicate key \"\(d.key)\" (first at line \(d.firstLocation.line)); remove one")
      }
    } catch {
      report(error.location, error.message)
      return ""
    }
    guard let members = root.members else {
      report(root.location, "a pipeline file must be an object with \"stages\", found \(root.kindName)")
      return ""
    }
    checkKeys(members, allowed: Self.topKeys, context: "pipeline file", report: report)
    var description = ""
    if let d = root.member("description") {
      if case .string(let s) = d.value.value {
        description = s
      } else {
        report(d.value.location, "\"description\" must be a string, found \(d.value.kindName)")
      }
    }
    if let v = root.member("version") {
      if let n = v.value.json.intValue {
        if n < 1 || n > Self.highestSupportedVersion {
          report(
            v.value.location,
            "version \(n) is not supported (this pipe reads up to version \(Self.highestSupportedVersion))")
        }
      } else {
        report(v.value.location, "\"version\" must be an integer, found \(v.value.kindName)")
      }
    }
    if let inc = root.member("include") {
      var refs: [(String, SourceLocation)] = []
      switch inc.value.value {
      case .string(let s): refs = [(s, inc.value.location)]
      case .array(let items):
        for item in items {
          if case .string(let s) = item.value {
            refs.append((s, item.location))
          } else {
            report(item.location, "\"include\" items must be pipeline names or paths, found \(item.kindName)")
          }
        }
      default: report(inc.value.location, "\"include\" must be a pipeline name or path, or an array of them")
      }
      for (ref, loc) in refs {
        do {
          let included = try locator.resolve(ref, near: source.directory)
          let identity = included.displayPath
          if chain.contains(identity) || identity == file {
            report(loc, "include cycle: " + (chain + [file, identity]).joined(separator: " -> "))
            continue
          }
          let before = diagnostics.count
          _ = collect(included, chain: chain + [file], into: &entries, diagnostics: &diagnostics)
          if diagnostics.count > before {
            report(loc, "included pipeline \"\(ref)\" has errors (above)")
          }
        } catch {
          report(loc, "include \"\(ref)\": \(error.message)")
        }
      }
    }
    guard let stagesMember = root.member("stages") else {
      if root.member("include") == nil { report(root.location, "missing \"stages\": list the stages to run, in order") }
      return description
    }
    guard case .array(let items) = stagesMember.value.value else {
      report(stagesMember.value.location, "\"stages\" must be an array, found \(stagesMember.value.kindName)")
      return description
    }
    for (i, item) in items.enumerated() {
      var entry = Entry(
        name: "", label: nil, position: i, file: file, directory: source.directory, location: item.location,
        optionsNode: nil, optionsJSON: JSONObject())
      switch item.value {
      case .string(let name):
        entry.name = name
      case .object(let m):
        checkKeys(m, allowed: Self.stageKeys, context: "stages[\(i)]", report: report)
        guard let nameMember = item.member("stage") else {
          report(item.location, "stages[\(i)]: missing \"stage\" (the stage's name)")
          continue
        }
        guard case .string(let name) = nameMember.value.value else {
          report(
            nameMember.value.location, "stages[\(i)]: \"stage\" must be a string, found \(nameMember.value.kindName)")
          continue
        }
        entry.name = name
        entry.location = nameMember.value.location
        if let label = item.member("label") {
          if case .string(let s) = label.value.value {
            entry.label = s
          } else {
            report(label.value.location, "stages[\(i)]: \"label\" must be a string")
          }
        }
        if let opts = item.member("options") {
          if case .object = opts.value.value, case .object(let o) = opts.value.json {
            entry.optionsNode = opts.value
            entry.optionsJSON = o
          } else {
            report(
              opts.value.location, "stages[\(i)] (\(name)): \"options\" must be an object, found \(opts.value.kindName)"
            )
            continue
          }
        }
      default:
        report(item.location, "stages[\(i)]: expected a stage name or an object with \"stage\", found \(item.kindName)")
        continue
      }
      if registry.stage(named: entry.name) == nil {
        var message = "stages[\(i)]: unknown stage \"\(entry.name)\""
        if let guess = DidYouMean.best(entry.name, among: registry.names) { message += "; did you mean \"\(guess)\"?" }
        message += " (available: \(registry.names.joined(separator: ", ")))"
        report(entry.location, message)
        continue
      }
      entries.append(entry)
    }
    return description
  }

  private func checkKeys(
    _ members: [JSON5Node.Member], allowed: [String], context: String, report: (SourceLocation?, String) -> Void
  ) {
    for m in members where !allowed.contains(m.key) {
      var message = "\(context): unknown key \"\(m.key)\""
      if let guess = DidYouMean.best(m.key, among: allowed) { message += "; did you mean \"\(guess)\"?" }
      message += " (allowed: \(allowed.joined(separator: ", ")))"
      report(m.keyLocation, message)
    }
  }
}
