/// What the word tables hold for a vocabulary word: its ``WordTable/Flags`` bits and its
/// phrase-word id, the letter it is in the alphabet of the ``PhraseAutomaton`` and the
/// ``LabelTrie`` (0: the word is in no phrase or label).
struct WordEntry: Equatable, Sendable {
  var flags: UInt32 = 0
  var id: UInt32 = 0
}
