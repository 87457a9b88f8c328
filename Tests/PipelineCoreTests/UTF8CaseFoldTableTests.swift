import Testing

@testable import PipelineCore

/// The generated two-byte case-folding runs against their definition in the Unicode properties.
@Suite struct UTF8CaseFoldTableTests {
  @Test func generatedRunsAgreeWithTheUnicodeProperties() {
    let table = UTF8CaseFold.twoByte
    let computed = UTF8CaseFold.computedTwoByte()
    let mismatches = (0..<0x800).filter { table[$0] != computed[$0] }
    #expect(mismatches == [])
  }

  @Test func foldsLettersOfSeveralScripts() {
    #expect(UTF8CaseFold.fold("ÀÉÎÕÜ ŁŽ ΣΑΣ ЁЖИК ҚАЗАҚ ԱԲ") == "àéîõü łž σασ ёжик қазақ աբ")
    // Final sigma folds to sigma; letters whose lower case has another length stay.
    #expect(UTF8CaseFold.fold("ς İ ẞ") == "σ İ ẞ")
    #expect(UTF8CaseFold.fold("ABC xyz 123") == "abc xyz 123")
  }
}
