import Foundation
import PipelineCore
import Stages
import Testing

@Suite struct ReplaceStageTests {
  @Test func literalRulesApplyInOrderAndCanIgnoreCase() throws {
    let stage = try ReplaceStage.make([
      "rules": [["find": "READ MORE", "with": "", "ignoreCase": true], ["find": "  ", "with": " "]]
    ])
    #expect(try stage.apply(to: "Body.  read more").document.text == "Body. ")
  }

  @Test func regexWithGroupsAndAnotherField() throws {
    let stage = try ReplaceStage.make(["field": "title", "rules": [["regex": "^(.*) \\| .*$", "with": "$1"]]])
    let out = try stage.apply(to: "t", fields: ["title": "Headline | Site"]).document
    #expect(out["title"] == "Headline")
    #expect(out.text == "t")
  }

  @Test func catastrophicBacktrackingPatternRunsInLinearTime() throws {
    let stage = try ReplaceStage.make(["rules": [["regex": "(a+)+$"]], "timeoutMs": 50])
    let evil = String(repeating: "a", count: 40) + "b"
    let started = Date()
    #expect(try stage.apply(to: evil).document.text == evil)
    #expect(Date().timeIntervalSince(started) < 5)
  }

  @Test func badRulesAreReportedAtTheRule() {
    #expect { try ReplaceStage.make(["rules": [["find": "x"], ["regex": "("]]]) } throws: {
      let e = $0 as? OptionError
      return e?.path == ["1", "regex"] && e?.message.contains("invalid regular expression") == true
    }
    #expect { try ReplaceStage.make(["rules": [["find": "x", "regex": "y"]]]) } throws: {
      ($0 as? OptionError)?.path == ["0"]
    }
    #expect { try ReplaceStage.make(["rules": [["fnd": "x"]]]) } throws: {
      ($0 as? OptionError)?.message.contains("did you mean \"find\"") == true
    }
  }
}

@Suite struct FilterStageTests {
  @Test func keepByTopicAndLength() throws {
    let stage = try FilterStage.make(["keep": ["hasTopic": ["visa", "space"], "minLength": 5]])
    #expect(try stage.apply(to: "long enough", fields: ["topics": ["space"]]).verdict == .keep)
    #expect(try stage.apply(to: "long enough", fields: ["topics": ["trade"]]).verdict == .drop(reason: "filter"))
    #expect(try stage.apply(to: "tiny", fields: ["topics": ["visa"]]).verdict == .drop(reason: "filter"))
  }

  @Test func dropAnyOfWithReasonAndNot() throws {
    let stage = try FilterStage.make([
      "drop": [["hasDate": false], ["sourceIn": ["Spam Daily"]], ["not": ["textContains": "kazakh"]]], "reason": "junk",
    ])
    #expect(
      try stage.apply(to: "Kazakhstan news", fields: ["date": "2020-01-01", "source": "Kazinform"]).verdict == .keep)
    #expect(try stage.apply(to: "Kazakhstan news", fields: ["date": nil]).verdict == .drop(reason: "junk"))
    #expect(
      try stage.apply(to: "Kazakhstan", fields: ["date": "2020", "source": "spam daily"]).verdict
        == .drop(reason: "junk"))
    #expect(try stage.apply(to: "Other news", fields: ["date": "2020"]).verdict == .drop(reason: "junk"))
  }

  @Test func conditionErrorsAreLocated() {
    #expect { try FilterStage.make(["keep": ["hasTopik": "visa"]]) } throws: {
      let e = $0 as? OptionError
      return e?.option == "keep" && e?.path == ["hasTopik"] && e?.message.contains("did you mean \"hasTopic\"") == true
    }
    #expect(throws: OptionError.self) { try FilterStage.make([:]) }
    #expect(throws: OptionError.self) { try FilterStage.make(["keep": ["minLength": -1]]) }
  }
}

@Suite struct FieldStagesTests {
  @Test func setCopyRename() throws {
    let stage = try SetFieldsStage.make([
      "fields": ["collection": "kz"], "copy": ["source": "outlet"], "rename": ["date": "published"],
    ])
    let doc = try stage.apply(to: "x", fields: ["id": 1, "date": "2020-01-02", "source": "Kazinform"]).document
    #expect(doc.record.keys == ["id", "published", "source", "text", "collection", "outlet"])
    #expect(doc["outlet"] == "Kazinform")
  }

  @Test func overwriteFalseKeepsExistingValues() throws {
    let stage = try SetFieldsStage.make(["fields": ["lang": "en"], "overwrite": false])
    #expect(try stage.apply(to: "x", fields: ["lang": "de"]).document["lang"] == "de")
    #expect(try stage.apply(to: "x").document["lang"] == "en")
  }

  @Test func removeFieldsButNeverTextOrId() throws {
    let stage = try RemoveFieldsStage.make(["fields": ["date_evidence"]])
    #expect(
      try stage.apply(to: "x", fields: ["date_evidence": "y", "k": 1]).document.record.keys
        == ["date_evidence", "k", "text"].filter { $0 != "date_evidence" })
    #expect(throws: OptionError.self) { try RemoveFieldsStage.make(["fields": ["text"]]) }
  }
}
