extension WriteValue {
    /// The entries that store this value at `path`, all with one provenance: a leaf is one entry; a
    /// map or node group is its container entry plus one entry per child (nested maps likewise).
    public func entries(at path: FieldPath, origin: WriteID, readAt: SimTime) -> [String: Entry] {
        var result: [String: Entry] = [:]
        collect(at: path, origin: origin, readAt: readAt, into: &result)
        return result
    }

    private func collect(at path: FieldPath, origin: WriteID, readAt: SimTime, into result: inout [String: Entry]) {
        switch self {
        case .leaf(let value):
            result[path.raw] = Entry(value, origin: origin, readAt: readAt)
        case .map(let children):
            result[path.raw] = Entry(.container, origin: origin, readAt: readAt)
            for (key, child) in children where key != "nodegroupName" {
                child.collect(at: path.appending(key), origin: origin, readAt: readAt, into: &result)
            }
        }
    }
}
