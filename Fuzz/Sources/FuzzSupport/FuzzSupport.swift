import PipelineCore

/// Shared helpers for the fuzz targets.
public enum FuzzSupport {
  /// The fuzz input as a byte array.
  public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// Checks that a written JSON value parses back to itself (the writer and parser agree).
  public static func roundTrip(_ value: JSONValue) {
    let text = JSONWriter.string(value)
    guard let back = try? JSONParser.parse(text), back == value else {
      fatalError("JSON round trip failed for \(text)")
    }
  }
}
