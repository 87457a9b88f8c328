import Testing

@testable import PipelineCore

/// JSON values seen as Python sees them after `json.loads`.
@Suite struct EvaluationPythonSemanticsTests {
  @Test(arguments: [
    (JSONValue.null, false), (.bool(false), false), (.bool(true), true), (.number("0"), false),
    (.number("0.0"), false), (.number("-0e3"), false), (.number("2"), true), (.string(""), false),
    (.string(" "), true), (.array([]), false), (.array([.null]), true),
    (.object(JSONObject()), false),
    (JSONValue.object(["a": 1]), true),
  ])
  func truthiness(value: JSONValue, truthy: Bool) {
    #expect(value.isTruthy == truthy)
  }

  @Test(arguments: [
    (JSONValue.string("2023-07-03"), "2023-07-03"), (.null, "None"), (.bool(true), "True"),
    (.number("20230703"), "20230703"), (.number("-0"), "0"), (.number("1.50"), "1.5"),
    (.number("1e3"), "1000.0"), (JSONValue.array(["a", 1, nil]), "['a', 1, None]"),
    (JSONValue.object(["k": "it's"]), "{'k': \"it's\"}"),
  ])
  func str(value: JSONValue, text: String) {
    #expect(value.pythonString == text)
  }
}
