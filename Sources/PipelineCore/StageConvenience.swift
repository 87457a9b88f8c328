extension Stage {
  /// Builds the stage from options given in code, validated exactly as a pipeline file's are.
  public static func make(_ options: JSONObject = [:], baseDirectory: String? = nil) throws -> Self {
    try Self(options: StageOptions.validated(for: Self.self, options, baseDirectory: baseDirectory))
  }

  /// Runs the stage on one document made from `text` and `fields`; handy in tests and scripts.
  public func apply(to text: String, fields: JSONObject = [:]) throws -> (document: Document, verdict: Verdict) {
    var doc = Document(text: text, fields: fields)
    var context = StageContext()
    let verdict = try process(&doc, context: &context)
    return (doc, verdict)
  }
}
