/// The boilerplate phrases and signal phrases as one Aho–Corasick automaton over *words*: the
/// line scanner feeds it each word's phrase-word id (from the word tables) and reads at each
/// state what the phrases ending at that word add to the line.
///
/// Its alphabet is the tokeniser's words, so it sees exactly the words the scanner sees (soft
/// hyphens and zero-width characters inside words, lower-to-upper splits, Latin, Greek and
/// Cyrillic folding, any punctuation between the words of a phrase). Every occurrence of every
/// phrase is found, overlapping ones included, with one transition per word instead of one
/// lookup per open partial match.
struct PhraseAutomaton: Sendable {
  /// What the phrases that end at a state add to a line.
  struct Output: Equatable, Sendable {
    /// Boilerplate phrase matches, those of them that open the part after an article, and
    /// signal-word matches (a phrase that is both counts as boilerplate only).
    var strong: UInt8 = 0
    var terminal: UInt8 = 0
    var weak: UInt8 = 0
    /// The words that the matches cover, summed over the matches.
    var hitWords: UInt16 = 0
    /// Bit `n` is set when a boilerplate phrase of `n` words ends here.
    var strongLengths: UInt16 = 0

    /// Whether no phrase ends here.
    var isEmpty: Bool { hitWords == 0 }

    /// Counts one phrase of `length` words with `flags` ending here.
    mutating func add(_ flags: WordTable.Flags, length: Int) {
      if flags.contains(.strong) {
        strong += 1
        if flags.contains(.terminal) { terminal += 1 }
        hitWords += UInt16(length)
        strongLengths |= 1 << UInt16(length)
      } else if flags.contains(.weak) {
        weak += 1
        hitWords += UInt16(length)
      }
    }
  }

  /// The longest phrase the automaton takes, in words: longer ones are never matched.
  static let longestPhrase = 12

  private let rootNext: FrozenBuffer<UInt32>
  private let transitions: WordPairTable
  private let fail: FrozenBuffer<UInt32>
  private let outputs: FrozenBuffer<Output>

  /// The number of states (the root is state 0).
  let stateCount: Int

  /// An automaton for `phrases` (word ids, 1..<`idLimit`, → `.strong` with or without
  /// `.terminal`, or `.weak`). Phrases of more than ``longestPhrase`` words and empty ones are
  /// left out.
  init(_ phrases: [[UInt32]: WordTable.Flags], idLimit: Int) {
    // The trie: state 0 is the root.
    var children: [[(UInt32, UInt32)]] = [[]]
    var edges: [UInt64: UInt32] = [:]
    var rootNext = [UInt32](repeating: 0, count: max(idLimit, 1))
    var depth: [Int] = [0]
    var own: [WordTable.Flags] = [[]]
    for (ids, flags) in phrases where !ids.isEmpty && ids.count <= Self.longestPhrase {
      var state: UInt32 = 0
      for id in ids {
        let existing =
          state == 0 ? rootNext[Int(id)] : edges[WordPairTable.key(state, id)] ?? 0
        if existing != 0 {
          state = existing
          continue
        }
        let new = UInt32(children.count)
        children.append([])
        depth.append(depth[Int(state)] + 1)
        own.append([])
        children[Int(state)].append((id, new))
        if state == 0 { rootNext[Int(id)] = new } else { edges[WordPairTable.key(state, id)] = new }
        state = new
      }
      own[Int(state)].formUnion(flags)
    }
    // Failure links, breadth first, and the outputs of each state merged with its failure
    // state's (which is shallower, so already complete).
    var fail = [UInt32](repeating: 0, count: children.count)
    var outputs = [Output](repeating: Output(), count: children.count)
    var queue: [UInt32] = children[0].map(\.1)
    var head = 0
    func next(_ state: UInt32, _ id: UInt32) -> UInt32 {
      var s = state
      while s != 0 {
        if let t = edges[WordPairTable.key(s, id)] { return t }
        s = fail[Int(s)]
      }
      return rootNext[Int(id)]
    }
    while head < queue.count {
      let state = queue[head]
      head += 1
      var out = state == 0 ? Output() : outputs[Int(fail[Int(state)])]
      out.add(own[Int(state)], length: depth[Int(state)])
      outputs[Int(state)] = out
      for (id, child) in children[Int(state)] {
        fail[Int(child)] = depth[Int(child)] == 1 ? 0 : next(fail[Int(state)], id)
        queue.append(child)
      }
    }
    self.rootNext = FrozenBuffer(rootNext)
    self.transitions = WordPairTable(edges)
    self.fail = FrozenBuffer(fail)
    self.outputs = FrozenBuffer(outputs)
    self.stateCount = children.count
  }

  /// The state after the word `id` (0: a word in no phrase) in state `state`.
  @inline(__always)
  func step(_ state: UInt32, _ id: UInt32) -> UInt32 {
    if id == 0 { return 0 }
    var s = state
    while s != 0 {
      let t = transitions.next(s, id)
      if t != 0 { return t }
      // Failure links lead to shallower states, ending at the root.
      s = fail.base[Int(s)]
    }
    return Int(id) < rootNext.count ? rootNext.base[Int(id)] : 0
  }

  /// The state after the word `id` in the start state (0 for a word that starts no phrase):
  /// `step(0, id)`, with one table read and no branch.
  @inline(__always)
  func start(_ id: UInt32) -> UInt32 {
    Int(id) < rootNext.count ? rootNext.base[Int(id)] : 0
  }

  /// What the phrases ending in `state` add to the line.
  @inline(__always)
  func output(_ state: UInt32) -> Output { outputs.base[Int(state)] }
}

/// The button and menu labels (whole lines such as `Share`, `Read more`) as a trie over word
/// ids: a line is a label when the walk from its first word to its last stays in the trie and
/// ends on a label.
struct LabelTrie: Sendable {
  private let transitions: WordPairTable
  private let isLabelEnd: FrozenBuffer<Bool>

  /// The state before the first word (0 is the dead state: no label starts so).
  static let start: UInt32 = 1

  /// The longest label in words.
  let longestLabel: Int

  /// A trie for `labels` (sequences of word ids; empty ones are left out).
  init(_ labels: [[UInt32]]) {
    var edges: [UInt64: UInt32] = [:]
    var ends = [false, false]
    var longest = 1
    for ids in labels where !ids.isEmpty {
      longest = max(longest, ids.count)
      var state = Self.start
      for id in ids {
        let key = WordPairTable.key(state, id)
        if let existing = edges[key] {
          state = existing
        } else {
          let new = UInt32(ends.count)
          ends.append(false)
          edges[key] = new
          state = new
        }
      }
      ends[Int(state)] = true
    }
    transitions = WordPairTable(edges)
    isLabelEnd = FrozenBuffer(ends)
    longestLabel = longest
  }

  /// The state after the word `id` (0: in no label) in `state` (0 stays 0).
  @inline(__always)
  func step(_ state: UInt32, _ id: UInt32) -> UInt32 {
    state == 0 || id == 0 ? 0 : transitions.next(state, id)
  }

  /// Whether the words read so far are a whole label.
  @inline(__always)
  func isLabel(_ state: UInt32) -> Bool { Int(state) < isLabelEnd.count && isLabelEnd.base[Int(state)] }
}
