import Foundation
import Testing

/// `--shard I/N` and `pipe stats-merge` on the built binary.
@Suite struct ShardTests {
  func corpus() -> Scratch {
    let s = Scratch()
    for i in 0..<40 {
      if i % 4 == 0 {
        s.write(
          "docs/batch\(i).jsonl",
          "{\"id\":\"j\(i)a\",\"text\":\"Trade talks \(i).\"}\n{\"id\":\"j\(i)b\",\"text\":\"Visa rules.\"}\nbroken\n")
      } else {
        s.write("docs/sub\(i % 3)/article\(i).txt", "Article \(i) about space launches.")
      }
    }
    return s
  }

  func ids(_ r: PipeBinary.Result) -> [String] { r.lines.compactMap { record($0)["id"] as? String } }

  @Test(arguments: [1, 2, 3, 7])
  func everyFileLandsInExactlyOneShardAndStatsMergeBack(_ n: Int) throws {
    let s = corpus()
    let whole = try PipeBinary.run(["run", "news", s.path + "/docs", "--stats-json", s.path + "/all.json"])
    var seen: [String] = []
    var statsFiles: [String] = []
    for i in 1...n {
      let file = s.path + "/shard\(i).json"
      let r = try PipeBinary.run(["run", "news", s.path + "/docs", "--shard", "\(i)/\(n)", "--stats-json", file])
      #expect(r.status == 1 || r.status == 0)
      seen += ids(r)
      statsFiles.append(file)
    }
    #expect(seen.sorted() == ids(whole).sorted())
    #expect(Set(seen).count == seen.count, "a document appeared in two shards")
    let merged = try PipeBinary.run(["stats-merge"] + statsFiles)
    #expect(merged.status == 0, "\(merged.stderr)")
    let m = record(merged.stdout)
    let w = record((try? String(contentsOfFile: s.path + "/all.json", encoding: .utf8)) ?? "")
    for key in ["records", "output", "dropped", "errors", "input_errors", "bytes_read"] {
      #expect(m[key] as? Int == w[key] as? Int, "\(key)")
    }
  }

  @Test func theSameFileAlwaysGoesToTheSameShard() throws {
    let s = corpus()
    let a = try PipeBinary.run(["run", "news", s.path + "/docs", "--shard", "2/3"])
    let b = try PipeBinary.run(["run", "news", s.path + "/docs/", "--shard", "2/3", "--jobs", "1"])
    #expect(ids(a) == ids(b))
  }

  @Test func badShardArgumentsAreUsageErrors() throws {
    #expect(try PipeBinary.run(["run", "news", "seeds/", "--shard", "0/3"]).status == 2)
    #expect(try PipeBinary.run(["run", "news", "seeds/", "--shard", "4/3"]).status == 2)
    #expect(try PipeBinary.run(["run", "news", "--shard", "1/2"]).stderr.contains("not stdin"))
  }

  @Test func statsMergeRefusesMismatchedStages() throws {
    let s = Scratch()
    s.write("a.json", #"{"records":1,"stages":[{"stage":"normalise","label":"normalise"}]}"#)
    s.write("b.json", #"{"records":1,"stages":[{"stage":"filter","label":"filter"}]}"#)
    let r = try PipeBinary.run(["stats-merge", s.path + "/a.json", s.path + "/b.json"])
    #expect(r.status == 2 && r.stderr.contains("differ"))
  }
}
