/// One instruction of a compiled regular expression (a Thompson NFA in array form).
enum RegexInstruction: Sendable, Equatable {
  /// Consume this scalar.
  case scalar(UInt32)
  /// Consume a scalar of `RegexProgram.sets[index]`.
  case set(Int)
  /// Continue at both targets; the first has priority (leftmost-first semantics).
  case split(Int, Int)
  /// Continue at the target.
  case jump(Int)
  /// Record the current position in capture slot `n` (group `n / 2`, start when even).
  case save(Int)
  /// Continue only if the assertion holds at the current position.
  case assert(RegexAssertion)
  /// A match ends here.
  case match
}

/// A compiled regular expression: instructions for ``PikeVM``, the sets they test, the capture
/// layout and a ``RegexPrefilter`` that finds where matches can start.
struct RegexProgram: Sendable {
  /// The largest program accepted (repetitions like `(a{1000}){1000}` would exceed it).
  static let maxInstructions = 50_000
  /// The largest capture table accepted (instructions × slots), so a search never needs more than
  /// a few megabytes of scratch space.
  static let maxSlotTable = 1_000_000

  /// The instructions; execution starts at 0.
  let instructions: [RegexInstruction]
  /// The sets tested by `.set` instructions.
  let sets: [ScalarSet]
  /// Capturing groups, not counting group 0.
  let captureCount: Int
  /// Named groups and their numbers.
  let captureNames: [String: Int]
  /// Whether every match must start at the start of the text (the pattern begins with `\A`/`^`).
  let anchoredAtStart: Bool
  /// Where matches can start, when that can be narrowed down.
  let prefilter: RegexPrefilter?
  /// Bytes that every match contains, when there are enough of them to be worth a scan.
  let requiredText: RegexRequiredText?

  /// The number of capture slots (two per group, group 0 included).
  var slotCount: Int { 2 * (captureCount + 1) }

  /// Parses and compiles `pattern`; throws ``RegexSyntaxError``.
  init(pattern: String, ignoreCase: Bool = false) throws {
    try self.init(RegexSyntaxTree.parse(pattern, ignoreCase: ignoreCase))
  }

  /// Compiles a parsed pattern.
  init(_ tree: RegexSyntaxTree) throws {
    var compiler = RegexCompiler()
    compiler.emit(.save(0))
    try compiler.compile(tree.root)
    compiler.emit(.save(1))
    compiler.emit(.match)
    guard compiler.code.count * 2 * (tree.captureCount + 1) <= RegexProgram.maxSlotTable else {
      throw RegexSyntaxError(
        "the pattern has too many groups for its size (\(tree.captureCount) groups × \(compiler.code.count) steps); use (?:...) for groups the replacement does not need",
        at: 0)
    }
    instructions = compiler.code
    sets = compiler.sets
    captureCount = tree.captureCount
    captureNames = tree.captureNames
    anchoredAtStart = RegexProgram.startsWithTextStart(tree.root)
    prefilter = RegexPrefilter(tree.root)
    requiredText = RegexRequiredText(tree.root)
  }

  /// Whether every match of `node` begins with `\A` (or `^` outside multi-line mode).
  static func startsWithTextStart(_ node: RegexNode) -> Bool {
    switch node {
    case .assertion(.textStart): return true
    case .capture(_, let body): return startsWithTextStart(body)
    case .concat(let items): return items.first.map(startsWithTextStart) ?? false
    case .alternation(let branches): return branches.allSatisfy(startsWithTextStart)
    case .repetition(let body, let min, _, _): return min > 0 && startsWithTextStart(body)
    default: return false
    }
  }
}

/// Turns a ``RegexNode`` tree into instructions.
struct RegexCompiler {
  var code: [RegexInstruction] = []
  var sets: [ScalarSet] = []

  @discardableResult
  mutating func emit(_ instruction: RegexInstruction) -> Int {
    code.append(instruction)
    return code.count - 1
  }

  mutating func compile(_ node: RegexNode) throws {
    guard code.count <= RegexProgram.maxInstructions else {
      throw RegexSyntaxError(
        "the pattern is too large once its repetitions are expanded (over \(RegexProgram.maxInstructions) steps)",
        at: 0)
    }
    switch node {
    case .empty: break
    case .literal(let v): emit(.scalar(v))
    case .set(let set):
      if let v = set.singleMember {
        emit(.scalar(v))
      } else if let k = sets.firstIndex(of: set) {
        emit(.set(k))
      } else {
        sets.append(set)
        emit(.set(sets.count - 1))
      }
    case .assertion(let a): emit(.assert(a))
    case .capture(let n, let body):
      emit(.save(2 * n))
      try compile(body)
      emit(.save(2 * n + 1))
    case .concat(let items):
      for item in items { try compile(item) }
    case .alternation(let branches):
      var jumps: [Int] = []
      for (k, branch) in branches.enumerated() {
        if k < branches.count - 1 {
          let split = emit(.split(0, 0))
          try compile(branch)
          jumps.append(emit(.jump(0)))
          code[split] = .split(split + 1, code.count)
        } else {
          try compile(branch)
        }
      }
      for j in jumps { code[j] = .jump(code.count) }
    case .repetition(let body, let min, let max, let greedy):
      try compileRepetition(body, min: min, max: max, greedy: greedy)
    }
  }

  mutating func compileRepetition(_ body: RegexNode, min: Int, max: Int?, greedy: Bool) throws {
    guard let max else {
      if min == 0 {
        // L: split(body, exit); body; jump L
        let split = emit(.split(0, 0))
        try compile(body)
        emit(.jump(split))
        code[split] = greedy ? .split(split + 1, code.count) : .split(code.count, split + 1)
      } else {
        for _ in 0..<(min - 1) { try compile(body) }
        // L: body; split(L, exit)
        let start = code.count
        try compile(body)
        let next = code.count + 1
        emit(greedy ? .split(start, next) : .split(next, start))
      }
      return
    }
    for _ in 0..<min { try compile(body) }
    guard max > min else { return }
    // Nested optionals: split(next, end) body split(next, end) body ... end
    var splits: [Int] = []
    for _ in min..<max {
      splits.append(emit(.split(0, 0)))
      try compile(body)
    }
    let end = code.count
    for s in splits { code[s] = greedy ? .split(s + 1, end) : .split(end, s + 1) }
  }
}
