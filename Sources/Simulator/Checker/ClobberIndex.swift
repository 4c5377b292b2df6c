import ClusterStateMachine

/// The clobbers of a run by field path, so a write finds the clobbers of its own field (its path,
/// the containers above it and, for a map or node group, the entries inside it) without reading
/// every clobber of the run.
struct ClobberIndex {
    private var byPath: [String: [Int]] = [:]
    private var byTopLevel: [String: [Int]] = [:]
    private let paths: [FieldPath]

    init(_ clobbers: [Clobber]) {
        paths = clobbers.map(\.path)
        for (i, path) in paths.enumerated() {
            byPath[path.raw, default: []].append(i)
            byTopLevel[path.topLevel, default: []].append(i)
        }
    }

    /// Indices, in order, of the clobbers whose path touches `path` (lies within it or encloses it).
    func touching(_ path: FieldPath) -> [Int] {
        var found: [Int] = byPath[path.raw] ?? []
        var parent = path.parent
        while let p = parent {
            found += byPath[p.raw] ?? []
            parent = p.parent
        }
        if !path.isMapEntry {
            for i in byTopLevel[path.topLevel] ?? [] where paths[i] != path && paths[i].isWithin(path) { found.append(i) }
        }
        return found.sorted()
    }
}
