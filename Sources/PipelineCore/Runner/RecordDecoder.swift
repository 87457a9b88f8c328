/// Turns raw input records (JSON lines or whole text files) into documents, or into the
/// message of the error record they become.
public enum RecordDecoder {
  /// Why a record could not become a document.
  public enum Outcome: Sendable {
    case success(Document)
    case failure(String)
  }

  /// Decodes one JSON line (without its newline) into a document.
  public static func document(
    fromJSONLine bytes: [UInt8], input: String = "-", line: Int = 1, repairs: inout Int
  ) -> Outcome {
    var scratch = ByteBuffer()
    var keys = JSONKeyCache()
    return document(
      from: RawRecord(kind: .jsonLine, bytes: bytes, input: input, line: line), repairs: &repairs, scratch: &scratch,
      keys: &keys)
  }

  /// Decodes one raw record; `scratch` is the parser's buffer for unescaping and `keys` the
  /// object keys already made, both reused across calls.
  static func document(
    from raw: RawRecord, repairs: inout Int, scratch: inout ByteBuffer, keys: inout JSONKeyCache
  ) -> Outcome {
    let origin = Document.Origin(input: raw.input, line: raw.line)
    switch raw.kind {
    case .failure(let message):
      return .failure(message)
    case .textDocument:
      var text: String
      if let valid = String(validating: raw.bytes, as: UTF8.self) {
        text = valid
      } else {
        repairs += 1
        text = String(decoding: raw.bytes, as: UTF8.self)
      }
      if text.utf8.contains(0x0D) { text = text.replacingCRLF() }
      var fields = JSONObject()
      fields["id"] = .string(raw.input == "-" ? "stdin" : raw.documentID ?? raw.input)
      return .success(Document(text: text, fields: fields, origin: origin))
    case .jsonLine:
      let parsed: (value: JSONValue, repairs: Int)
      do {
        parsed = try raw.bytes.withUnsafeBufferPointer { buf throws(JSONSyntaxError) in
          try JSONParser.parse(buf, scratch: &scratch, keys: &keys)
        }
      } catch {
        return .failure("not valid JSON: \(error.message) at column \(error.offset + 1)")
      }
      repairs += parsed.repairs
      guard case .object(let object) = parsed.value else {
        return .failure("expected a JSON object, found \(parsed.value.kindName)")
      }
      switch object["text"] {
      case .string(let text)?:
        return .success(Document(text: text, recordFields: object, origin: origin))
      case nil:
        return .failure("the record has no \"text\" field")
      case let other?:
        return .failure("\"text\" must be a string, found \(other.kindName)")
      }
    }
  }

  /// Reads a whole input (a file, a directory, or `-`) the way `pipe run` does and decodes every
  /// record; for tools and tests that want documents without running a pipeline.
  public static func documents(
    of inputs: [String], format: InputFormat = .auto, maxRecordBytes: Int = 16 << 20
  ) -> [Outcome] {
    var out: [Outcome] = []
    var repairs = 0
    var reader = InputReader(inputs: inputs, format: format, maxRecordBytes: maxRecordBytes, control: RunControl())
    var scratch = ByteBuffer()
    var keys = JSONKeyCache()
    reader.run(
      emit: { out.append(document(from: $0, repairs: &repairs, scratch: &scratch, keys: &keys)) }, flush: { _ in })
    return out
  }
}
