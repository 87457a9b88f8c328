/// How input files are turned into documents.
public enum InputFormat: String, Sendable, CaseIterable {
  /// JSON Lines when the file is `.jsonl`/`.ndjson` or starts with `{`; otherwise one text document.
  case auto
  /// One JSON object per line.
  case jsonl
  /// The whole file (or stdin) is one document; its id is the path.
  case text
}

/// One unit of input before parsing: a JSON line, a whole text document, or a failure to read.
struct RawRecord: Sendable {
  enum Kind: Sendable {
    case jsonLine
    case textDocument
    /// The input could not be read or the record was refused (too large); the message says why.
    case failure(String)
  }

  var kind: Kind
  var bytes: [UInt8]
  var input: String
  var line: Int
  /// For a text document: its id (the path relative to the directory given, or as given).
  var documentID: String? = nil
}
