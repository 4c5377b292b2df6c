import ClusterStateMachine

/// A node group list as JSON shows it (an array of objects, each with `nodegroupName`), read as
/// named groups, for text that names each group instead of cutting the JSON.
enum NodeGroupList {
    /// Each group's name and its other members, in order; nil when `value` is not such a list.
    static func groups(_ value: JSONValue?) -> [(name: String, fields: [(String, JSONValue)])]? {
        guard case .array(let items)? = value else { return nil }
        let groups = items.compactMap { item -> (name: String, fields: [(String, JSONValue)])? in
            guard case .object(let members) = item,
                  case .string(let name)? = members.first(where: { $0.0 == "nodegroupName" })?.1 else { return nil }
            return (name, members.filter { $0.0 != "nodegroupName" })
        }
        return groups.count == items.count ? groups : nil
    }
}
