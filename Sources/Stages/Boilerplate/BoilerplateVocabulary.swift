import PipelineCore

/// The word lists that strip-boilerplate decides with: stop words, boilerplate phrases, signal
/// words, exact button/menu labels and alt-text words, merged over languages.
///
/// The lists ship as data (`Resources/boilerplate/boilerplate_*.json5`); a pipeline file adds to
/// them with the stage's `phrases` and `phraseFile` options. One vocabulary file looks like:
///
/// ```json5
/// {
///   language: "en",
///   stopwords: ["the", "and"],
///   phrases: { share: ["share this article"], legal: ["all rights reserved"] },
///   signalWords: ["facebook", "print"],
///   lines: ["menu", "read more"],
///   altText: ["logo", "icon"],
///   creditWords: ["photo", "source"],
/// }
/// ```
///
/// Every entry is matched word by word and case-insensitively, so punctuation inside an entry
/// does not matter (`"re-publish"` matches `Re publish` and `re-publish`).
public struct BoilerplateVocabulary: Sendable {
  /// Stop words of all languages together.
  public private(set) var stopwords: Set<String> = []
  /// Boilerplate phrases by category (`share`, `legal`, ...).
  public private(set) var phrases: [String: Set<String>] = [:]
  /// Signal words and phrases.
  public private(set) var signalWords: Set<String> = []
  /// Exact line labels.
  public private(set) var lines: Set<String> = []
  /// Words that end image alt-text.
  public private(set) var altText: Set<String> = []
  /// Words that credit a picture or source before a colon.
  public private(set) var creditWords: Set<String> = []

  /// An empty vocabulary.
  public init() {}

  /// The vocabulary shipped with pipe (every language file merged).
  public static let builtIn: BoilerplateVocabulary = {
    var vocabulary = BoilerplateVocabulary()
    for file in BoilerplateResources.files {
      // The shipped files are tested to parse; a broken one would fail every test run.
      try? vocabulary.merge(json5: file.text, option: "phraseFile")
    }
    return vocabulary
  }()

  /// Adds the entries of a vocabulary file's text. Errors name `option` and the path inside.
  public mutating func merge(json5 text: String, option: String) throws {
    let root: JSONValue
    do { root = try JSON5Parser.parse(text).root.json } catch {
      throw OptionError(option: option, "not valid JSON5: \(error.location): \(error.message)")
    }
    try merge(root, option: option, path: [])
  }

  /// Adds entries from a JSON value: a vocabulary object, or an array of phrases (category
  /// `custom`).
  public mutating func merge(_ value: JSONValue, option: String, path: [String]) throws {
    if let list = value.arrayValue {
      phrases["custom", default: []].formUnion(try Self.strings(list, option: option, path: path))
      return
    }
    guard let object = value.objectValue else {
      throw OptionError(option: option, path: path, "expected an object or an array of phrases")
    }
    for (key, member) in object {
      let here = path + [key]
      switch key {
      case "language", "description": continue
      case "stopwords": stopwords.formUnion(try Self.strings(member, option: option, path: here))
      case "signalWords":
        signalWords.formUnion(try Self.strings(member, option: option, path: here))
      case "lines": lines.formUnion(try Self.strings(member, option: option, path: here))
      case "altText": altText.formUnion(try Self.strings(member, option: option, path: here))
      case "creditWords":
        creditWords.formUnion(try Self.strings(member, option: option, path: here))
      case "phrases":
        if let list = member.arrayValue {
          phrases["custom", default: []].formUnion(
            try Self.strings(list, option: option, path: here))
        } else if let categories = member.objectValue {
          for (category, items) in categories {
            let entries = try Self.strings(items, option: option, path: here + [category])
            phrases[category, default: []].formUnion(entries)
          }
        } else {
          throw OptionError(
            option: option, path: here, "expected an object of phrase lists or an array")
        }
      default:
        let known = "language, stopwords, phrases, signalWords, lines, altText, creditWords"
        throw OptionError(option: option, path: here, "unknown key \"\(key)\" (known: \(known))")
      }
    }
  }

  private static func strings(_ value: JSONValue, option: String, path: [String]) throws -> [String] {
    guard let list = value.arrayValue else {
      throw OptionError(option: option, path: path, "expected an array of strings")
    }
    return try strings(list, option: option, path: path)
  }

  private static func strings(_ list: [JSONValue], option: String, path: [String]) throws
    -> [String]
  {
    try list.enumerated().map { index, item in
      guard let s = item.stringValue else {
        throw OptionError(option: option, path: path + [String(index)], "expected a string")
      }
      return s
    }
  }

  /// Phrase categories that open the part after an article: a short line with one of them,
  /// after the article has started, ends the article unless more prose follows than preceded.
  static let terminalCategories: Set<String> = ["related", "comments"]

  /// The lookup tables of the line scanner; `bylineWords` (space-separated) are flagged as words
  /// that start a byline.
  ///
  /// Every single word (stop, signal, alt-text, credit and byline words, and every word of a
  /// phrase or label) is in the ``WordTable`` under its hash, and those of one to eight ASCII
  /// bytes also in the ``PackedWordTable`` under their packed bytes. Words of phrases and labels
  /// get ids, the alphabet of the ``PhraseAutomaton`` (phrases and signal phrases) and the
  /// ``LabelTrie`` (whole-line labels).
  func tables(bylineWords: String = "") -> ScannerTables {
    let size =
      stopwords.count + signalWords.count + lines.count + altText.count + creditWords.count
      + phrases.values.reduce(0) { $0 + $1.count }
    var entries: [UInt64: WordEntry] = [:]
    var packed: [UInt64: WordEntry] = [:]
    entries.reserveCapacity(2 * size)
    packed.reserveCapacity(2 * size)
    var nextID: UInt32 = 1
    func add(_ word: TextScanner.Word, _ flags: WordTable.Flags) {
      entries[word.hash, default: WordEntry()].flags |= flags.rawValue
      if let key = word.packed { packed[key, default: WordEntry()].flags |= flags.rawValue }
    }
    func id(_ word: TextScanner.Word) -> UInt32 {
      if let known = entries[word.hash]?.id, known != 0 { return known }
      let id = nextID
      nextID += 1
      entries[word.hash, default: WordEntry()].id = id
      if let key = word.packed { packed[key, default: WordEntry()].id = id }
      return id
    }
    func single(_ text: String, _ flags: WordTable.Flags) {
      let words = TextScanner.words(text)
      if words.count == 1 { add(words[0], flags) }
    }
    for word in TextScanner.words(bylineWords) { add(word, .byline) }
    for word in stopwords { single(word, .stop) }
    for word in altText { single(word, .altText) }
    for word in creditWords { single(word, .credit) }
    var phraseIDs: [[UInt32]: WordTable.Flags] = [:]
    phraseIDs.reserveCapacity(size)
    func addPhrase(_ text: String, _ flags: WordTable.Flags) {
      let words = TextScanner.words(text)
      guard !words.isEmpty && words.count <= PhraseAutomaton.longestPhrase else { return }
      // Single-word phrases and signal words are flagged on the word too, and every first word
      // of a phrase as one (the automaton leaves its start state only on such a word).
      add(words[0], words.count == 1 ? flags.union(.prefix) : .prefix)
      phraseIDs[words.map(id), default: []].formUnion(flags)
    }
    for (category, list) in phrases {
      let flags: WordTable.Flags =
        Self.terminalCategories.contains(category) ? [.strong, .terminal] : .strong
      for p in list { addPhrase(p, flags) }
    }
    for p in signalWords { addPhrase(p, .weak) }
    var labels: [[UInt32]] = []
    for label in lines {
      let words = TextScanner.words(label)
      if !words.isEmpty { labels.append(words.map(id)) }
    }
    let automaton = PhraseAutomaton(phraseIDs, idLimit: Int(nextID))
    func withStart(_ entry: WordEntry) -> WordEntry {
      entry.id == 0 ? entry : entry.withStart(automaton.start(entry.id))
    }
    return ScannerTables(
      words: WordTable(entries.mapValues(withStart)),
      packed: PackedWordTable(packed.mapValues(withStart)), phrases: automaton,
      labels: LabelTrie(labels))
  }
}

/// The word tables and automata that the line scanner looks words up in, built once from a
/// ``BoilerplateVocabulary``.
struct ScannerTables: Sendable {
  /// Every vocabulary word by hash.
  let words: WordTable
  /// The vocabulary words of up to eight ASCII bytes by their packed bytes.
  let packed: PackedWordTable
  /// Phrases and signal phrases.
  let phrases: PhraseAutomaton
  /// Whole-line labels.
  let labels: LabelTrie
}
