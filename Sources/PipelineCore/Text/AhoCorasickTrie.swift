/// The trie of an ``Automaton``'s patterns over character classes, numbered breadth-first, with
/// its failure links and outputs; the transition tables are laid out from it.
///
/// It is built without per-node objects or dictionaries: the keys are sorted (as class
/// sequences), so each key shares only a prefix with the one before it and the trie grows along
/// one path; children come out in class order and, numbered breadth-first, the children of a
/// node are consecutive numbers. Node 0 is the root and node 1 the *in-word* state (no children);
/// trie nodes follow from 2.
struct AhoCorasickTrie {
  /// The number of nodes (the in-word state included).
  let count: Int
  /// The children of node `s` are the nodes `childStart[s]..<childStart[s + 1]`, by class.
  let childStart: [Int32]
  /// The class on the edge into each node (-1 for the root and the in-word state).
  let incoming: [Int32]
  /// The failure link of each node (the root and the in-word state link to the root).
  let failure: [Int32]
  /// The child of the root on each class, or -1.
  let rootChild: [Int32]
  /// Each node's outputs, own and inherited through failure links, longest first (then by
  /// pattern index): node s has `outputs[outputStart[s]..<outputStart[s + 1]]`.
  let outputStart: [Int32]
  let outputs: [Int32]

  /// Whether node `s` has outputs.
  @inline(__always)
  func hasOutput(_ s: Int) -> Bool { outputStart[s + 1] > outputStart[s] }

  /// Builds the trie of the keys `classes[keyStart[k]..<keyStart[k + 1]]` (none empty);
  /// `byteLengths` orders the outputs and `isWord` tells word classes from separators.
  init(classes: [UInt16], keyStart: [Int], byteLengths: [Int32], classCount nc: Int, isWord: [Bool]) {
    let keyCount = keyStart.count - 1
    // Keys in class order (then by index, so equal keys keep their order). The first three
    // classes, packed into one number (a missing class as 0, so shorter keys come first),
    // decide most comparisons.
    var prefixes = [UInt64](repeating: 0, count: keyCount)
    for k in 0..<keyCount {
      var p: UInt64 = 0
      for d in 0..<3 {
        let x = keyStart[k] + d
        p = p << 21 | (x < keyStart[k + 1] ? UInt64(classes[x]) + 1 : 0)
      }
      prefixes[k] = p
    }
    let order = classes.withUnsafeBufferPointer { cls in
      keyStart.withUnsafeBufferPointer { start in
        prefixes.withUnsafeBufferPointer { prefix in
          (0..<keyCount).sorted { a, b in
            if prefix[a] != prefix[b] { return prefix[a] < prefix[b] }
            let sa = start[a]
            let sb = start[b]
            let la = start[a + 1] - sa
            let lb = start[b + 1] - sb
            let m = min(la, lb)
            var k = min(3, m)
            while k < m && cls[sa + k] == cls[sb + k] { k += 1 }
            if k < m { return cls[sa + k] < cls[sb + k] }
            return la != lb ? la < lb : a < b
          }
        }
      }
    }

    // Depth-first trie: node 0 is the root; `path[d]` is the node at depth d of the previous key.
    var parent: [Int32] = [-1]
    var edge: [Int32] = [-1]
    parent.reserveCapacity(classes.count + 1)
    edge.reserveCapacity(classes.count + 1)
    var end = [Int32](repeating: 0, count: keyCount)
    var longest = 0
    for k in 0..<keyCount { longest = max(longest, keyStart[k + 1] - keyStart[k]) }
    var path = [Int32](repeating: 0, count: longest + 1)
    var previous = -1
    for k in order {
      let s = keyStart[k]
      let length = keyStart[k + 1] - s
      var common = 0
      if previous >= 0 {
        let ps = keyStart[previous]
        let pl = keyStart[previous + 1] - ps
        while common < length && common < pl && classes[s + common] == classes[ps + common] {
          common += 1
        }
      }
      for d in common..<length {
        parent.append(path[d])
        edge.append(Int32(classes[s + d]))
        path[d + 1] = Int32(parent.count - 1)
      }
      end[k] = path[length]
      previous = k
    }
    let trieCount = parent.count

    // Children lists (children were created in class order), then breadth-first numbering.
    var firstChild = [Int32](repeating: 0, count: trieCount + 1)
    for t in 1..<trieCount { firstChild[Int(parent[t]) + 1] += 1 }
    for t in 0..<trieCount { firstChild[t + 1] += firstChild[t] }
    var kids = [Int32](repeating: 0, count: max(trieCount - 1, 0))
    var fill = firstChild
    for t in 1..<trieCount {
      let p = Int(parent[t])
      kids[Int(fill[p])] = Int32(t)
      fill[p] += 1
    }
    let n = trieCount + 1
    var bfs = [Int32](repeating: 0, count: trieCount)  // depth-first node → breadth-first number
    var queue: [Int32] = [0]
    queue.reserveCapacity(trieCount)
    var head = 0
    while head < queue.count {
      let t = Int(queue[head])
      head += 1
      for x in Int(firstChild[t])..<Int(firstChild[t + 1]) { queue.append(kids[x]) }
    }
    for (i, t) in queue.enumerated() { bfs[Int(t)] = Int32(i == 0 ? 0 : i + 1) }

    // Per breadth-first node: children range and incoming class.
    var childStart = [Int32](repeating: 0, count: n + 1)
    var incoming = [Int32](repeating: -1, count: n)
    var bfsParent = [Int32](repeating: -1, count: n)
    var next: Int32 = 2
    for s in 0..<n {
      childStart[s] = next
      if s == 1 { continue }  // the in-word state
      let t = Int(queue[s == 0 ? 0 : s - 1])
      next += firstChild[t + 1] - firstChild[t]
    }
    childStart[n] = next
    for t in 1..<trieCount {
      let b = Int(bfs[t])
      incoming[b] = edge[t]
      bfsParent[b] = bfs[Int(parent[t])]
    }
    var rootChild = [Int32](repeating: -1, count: nc)
    for t in Int(childStart[0])..<Int(childStart[1]) { rootChild[Int(incoming[t])] = Int32(t) }

    // Failure links, in breadth-first order (a failure state is always nearer the root).
    var failure = [Int32](repeating: 0, count: n)
    func child(_ q: Int, _ c: Int32) -> Int32? {
      var lo = Int(childStart[q])
      var hi = Int(childStart[q + 1])
      while lo < hi {
        let mid = (lo + hi) >> 1
        let m = incoming[mid]
        if m == c { return Int32(mid) }
        if m < c { lo = mid + 1 } else { hi = mid }
      }
      return nil
    }
    let root: Int32 = 0
    let inWord: Int32 = 1
    for s in 2..<max(n, 2) {
      let c = incoming[s]
      let p = Int(bfsParent[s])
      if p == 0 {
        failure[s] = isWord[Int(c)] ? inWord : root
        continue
      }
      var q = Int(failure[p])
      while true {
        if q == 0 {
          failure[s] = rootChild[Int(c)] >= 0 ? rootChild[Int(c)] : (isWord[Int(c)] ? inWord : root)
          break
        }
        if q == 1 {
          failure[s] = isWord[Int(c)] ? inWord : (rootChild[Int(c)] >= 0 ? rootChild[Int(c)] : root)
          break
        }
        if let t = child(q, c) {
          failure[s] = t
          break
        }
        q = Int(failure[q])
      }
    }

    // Own outputs per node, then each node's list: its own and its failure state's, longest first.
    var ownCount = [Int32](repeating: 0, count: n + 1)
    for k in 0..<keyCount { ownCount[Int(bfs[Int(end[k])]) + 1] += 1 }
    for s in 0..<n { ownCount[s + 1] += ownCount[s] }
    var own = [Int32](repeating: 0, count: keyCount)
    var ownFill = ownCount
    for k in 0..<keyCount {
      let b = Int(bfs[Int(end[k])])
      own[Int(ownFill[b])] = Int32(k)
      ownFill[b] += 1
    }
    var outputStart = [Int32](repeating: 0, count: n + 1)
    var outputs: [Int32] = []
    outputs.reserveCapacity(keyCount * 2)
    var list: [Int32] = []
    for s in 0..<n {
      let f = Int(failure[s])
      let inherited = s >= 2 ? Int(outputStart[f])..<Int(outputStart[f + 1]) : 0..<0
      if ownCount[s] == ownCount[s + 1] && inherited.isEmpty {
        outputStart[s + 1] = Int32(outputs.count)
        continue
      }
      list.removeAll(keepingCapacity: true)
      for x in Int(ownCount[s])..<Int(ownCount[s + 1]) { list.append(own[x]) }
      for x in inherited { list.append(outputs[x]) }
      if list.count > 1 {
        list.sort { a, b in
          let (la, lb) = (byteLengths[Int(a)], byteLengths[Int(b)])
          return la != lb ? la > lb : a < b
        }
      }
      outputs += list
      outputStart[s + 1] = Int32(outputs.count)
    }

    self.count = n
    self.childStart = childStart
    self.incoming = incoming
    self.failure = failure
    self.rootChild = rootChild
    self.outputStart = outputStart
    self.outputs = outputs
  }
}
