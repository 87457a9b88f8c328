import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the inputs of a run (files, directories read recursively, or `-` for stdin) and turns
/// them into raw records, with bounded memory: lines longer than `maxRecordBytes` are skipped and
/// reported as failures, never buffered whole.
struct InputReader {
  var inputs: [String]
  var format: InputFormat
  var maxRecordBytes: Int
  var control: RunControl
  /// Size of one read(2).
  var chunkSize = 1 << 20
  /// Read only the files of this shard (0-based index, count).
  var shard: Shard? = nil

  /// Called for every record.
  typealias Emit = (RawRecord) -> Void
  /// Called after each read(2) returns, so records read so far can be handed on without waiting.
  typealias Flush = (_ bytesReadSoFar: Int) -> Void

  /// The directory being walked: documents found under it are named relative to it.
  var root = ""

  /// The id of a text document at `path`: relative to the directory given on the command line,
  /// or the path as given for a file named directly.
  private func documentName(_ path: String) -> String {
    path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
  }

  /// Total bytes read so far.
  private(set) var bytesRead = 0

  mutating func run(emit: Emit, flush: Flush) {
    let list = inputs.isEmpty ? ["-"] : inputs
    for input in list {
      if control.shouldStop { return }
      if input == "-" {
        readStream(fd: 0, name: "-", format: format, emit: emit, flush: flush)
        continue
      }
      var visited = Set<FileID>()
      root = input.hasSuffix("/") ? input : input + "/"
      walk(path: input, explicit: true, visited: &visited, emit: emit, flush: flush)
    }
  }

  private struct FileID: Hashable {
    var dev: UInt64
    var ino: UInt64
  }

  private mutating func walk(
    path: String, explicit: Bool, visited: inout Set<FileID>, emit: Emit, flush: Flush
  ) {
    if control.shouldStop { return }
    var st = stat()
    guard stat(path, &st) == 0 else {
      let reason = errno == ELOOP ? "too many levels of symbolic links" : String(cString: strerror(errno))
      emit(RawRecord(kind: .failure("cannot read \(path): \(reason)"), bytes: [], input: path, line: 0))
      return
    }
    let isDir = (st.st_mode & S_IFMT) == S_IFDIR
    if isDir {
      let id = FileID(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino))
      guard !visited.contains(id) else { return }  // a symlink loop: each directory once
      visited.insert(id)
      let entries: [String]
      do {
        entries = try FileManager.default.contentsOfDirectory(atPath: path)
      } catch {
        emit(
          RawRecord(
            kind: .failure("cannot read directory \(path): permission denied or unreadable"), bytes: [], input: path,
            line: 0))
        return
      }
      for name in entries.sorted() where !name.hasPrefix(".") {
        let child = path.hasSuffix("/") ? path + name : path + "/" + name
        walk(path: child, explicit: false, visited: &visited, emit: emit, flush: flush)
      }
      return
    }
    guard (st.st_mode & S_IFMT) == S_IFREG || explicit else { return }
    if let shard, !shard.contains(documentName(path)) { return }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      emit(
        RawRecord(
          kind: .failure("cannot open \(path): \(String(cString: strerror(errno)))"), bytes: [], input: path, line: 0))
      return
    }
    defer { close(fd) }
    var fmt = format
    if fmt == .auto {
      let lower = path.lowercased()
      if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonlines") { fmt = .jsonl }
    }
    readStream(fd: fd, name: path, format: fmt, emit: emit, flush: flush)
  }

  /// Reads one stream, deciding the format from its first bytes when `format` is `.auto`.
  private mutating func readStream(fd: Int32, name: String, format: InputFormat, emit: Emit, flush: Flush) {
    var buf = [UInt8](repeating: 0, count: chunkSize)
    var start = 0  // start of the pending (incomplete) line
    var end = 0  // end of valid data
    var scan = 0  // where to continue looking for a newline
    var line = 1
    var skipping = false  // inside an over-long line
    var fmt = format
    var atStart = true
    var eof = false

    while !eof {
      if control.shouldStop { return }
      // Make room: compact, or grow up to the record limit.
      if end == buf.count {
        if start > 0 {
          buf.withUnsafeMutableBufferPointer { p in
            guard let base = p.baseAddress else { return }
            memmove(base, base + start, end - start)
          }
          end -= start
          scan -= start
          start = 0
        } else if buf.count < maxRecordBytes + chunkSize {
          buf.append(contentsOf: repeatElement(0, count: min(buf.count, maxRecordBytes + chunkSize - buf.count)))
        }
      }
      if end == buf.count {
        // A record longer than the limit: refuse it, keep reading until its end.
        if fmt == .jsonl || fmt == .auto {
          if !skipping {
            emit(
              RawRecord(
                kind: .failure("record is longer than --max-record-bytes (\(maxRecordBytes) bytes); skipped"),
                bytes: [], input: name, line: line))
            skipping = true
          }
          start = 0
          end = 0
          scan = 0
        } else {
          emit(
            RawRecord(
              kind: .failure("document is larger than --max-record-bytes (\(maxRecordBytes) bytes); skipped"),
              bytes: [], input: name, line: 1))
          return
        }
      }
      let n = buf.withUnsafeMutableBufferPointer { p -> Int in
        guard let base = p.baseAddress else { return 0 }
        return read(fd, base + end, p.count - end)
      }
      if n < 0 {
        if errno == EINTR { continue }
        emit(
          RawRecord(
            kind: .failure("read error on \(name): \(String(cString: strerror(errno)))"), bytes: [], input: name,
            line: line))
        return
      }
      if n == 0 { eof = true }
      end += n
      bytesRead += n
      if atStart && end > 0 {
        // Skip a UTF-8 byte order mark and decide the format.
        if end >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF {
          start = 3
          scan = 3
        } else if end < 3 && !eof && buf[0] == 0xEF {
          continue
        }
        if fmt == .auto {
          var i = start
          while i < end, buf[i] == 0x20 || buf[i] == 0x0A || buf[i] == 0x0D || buf[i] == 0x09 { i += 1 }
          if i == end && !eof { continue }
          fmt = (i < end && buf[i] == UInt8(ascii: "{")) ? .jsonl : .text
        }
        atStart = false
      }
      if fmt == .text {
        continue  // read the whole stream as one document
      }
      // Cut complete lines.
      while scan < end {
        let nl: Int? = buf.withUnsafeBufferPointer { p in
          guard let base = p.baseAddress,
            let hit = memchr(base + scan, 0x0A, end - scan)
          else { return nil }
          return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        guard let nl else {
          scan = end
          break
        }
        if skipping {
          skipping = false
        } else {
          emitLine(buf, start, nl, name: name, line: line, emit: emit)
        }
        line += 1
        start = nl + 1
        scan = start
      }
      if eof, start < end, !skipping {
        emitLine(buf, start, end, name: name, line: line, emit: emit)
      }
      flush(bytesRead)
    }
    if fmt == .text || fmt == .auto {
      if end - start > 0 || name != "-" {
        emit(
          RawRecord(
            kind: .textDocument, bytes: Array(buf[start..<end]), input: name, line: 1, documentID: documentName(name)))
      }
      flush(bytesRead)
    }
  }

  private func emitLine(_ buf: [UInt8], _ from: Int, _ to: Int, name: String, line: Int, emit: Emit) {
    var e = to
    if e > from && buf[e - 1] == 0x0D { e -= 1 }
    // Blank lines separate nothing and are not records.
    var allSpace = true
    for i in from..<e where buf[i] != 0x20 && buf[i] != 0x09 {
      allSpace = false
      break
    }
    if allSpace { return }
    emit(RawRecord(kind: .jsonLine, bytes: Array(buf[from..<e]), input: name, line: line))
  }
}
