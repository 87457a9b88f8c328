/// What the word tables hold for a vocabulary word: its ``WordTable/Flags`` bits and its
/// phrase-word id, the letter it is in the alphabet of the ``PhraseAutomaton`` and the
/// ``LabelTrie`` (0: the word is in no phrase or label).
///
/// The upper half of `flags` holds the automaton's state after the word from its start state
/// (``PhraseAutomaton/start(_:)``), so that the scanner steps from the start state without a
/// table read; a word whose state does not fit is flagged ``WordTable/Flags/deepStart``.
struct WordEntry: Equatable, Sendable {
  var flags: UInt32 = 0
  var id: UInt32 = 0

  /// Where the start state sits in `flags`.
  static let startShift: UInt32 = 16

  /// The phrase automaton's state after this word from its start state (0 for a word that
  /// starts no phrase, or one flagged ``WordTable/Flags/deepStart``).
  var start: UInt32 { flags >> Self.startShift }

  /// This entry with `state`, the automaton's state after the word from its start state.
  func withStart(_ state: UInt32) -> WordEntry {
    var entry = self
    if state >> (32 - Self.startShift) == 0 {
      entry.flags |= state << Self.startShift
    } else {
      entry.flags |= WordTable.Flags.deepStart.rawValue
    }
    return entry
  }
}
