import FuzzSupport
import PipelineCore
import Stages

/// The JSON Lines reader: arbitrary bytes as one input line must become a document or an error
/// message, never a crash; a document's record must write back as valid JSON.
func fuzzJSONLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = FuzzSupport.bytes(data, size)
  var repairs = 0
  for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
    switch RecordDecoder.document(fromJSONLine: Array(line), repairs: &repairs) {
    case .success(let doc): FuzzSupport.roundTrip(.object(doc.record))
    case .failure(let message): precondition(!message.isEmpty)
    }
  }
  return 0
}

FuzzSupport.run { data, size in fuzzJSONLines(data, size) }
