/// One of N shards of a run's input files, for running the same pipeline on many machines.
///
/// A file belongs to shard `fnv1a64(name) % count`, where `name` is its path relative to the
/// directory given on the command line (or the path as given, for a file named directly), so the
/// same file lands in the same shard on every machine, whatever the order or number of workers.
public struct Shard: Sendable, Equatable {
  /// 0-based shard index.
  public var index: Int
  public var count: Int

  public init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// Parses `I/N` with I from 1 to N (the command-line form).
  public init?(parsing text: String) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else {
      return nil
    }
    self.init(index: i - 1, count: n)
  }

  /// Whether the file `name` belongs to this shard.
  public func contains(_ name: String) -> Bool {
    Int(Self.hash(name) % UInt64(count)) == index
  }

  /// 64-bit FNV-1a over the name's UTF-8 bytes: stable across runs, machines and versions.
  public static func hash(_ name: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in name.utf8 {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    return h
  }
}
