import ClusterStateMachine
import SyncEngine

extension ModeledEKS {
    /// TagResource (aws-eks-model R6): immediate, no Update, allowed while updates run. The cluster's
    /// ARN stores `tags.KEY`, a node group's `nodeGroups.NAME.tags.KEY`, each with the request entry's
    /// provenance; keys not sent are left alone. Errors: a malformed ARN or tag is 400
    /// BadRequestException ([U] texts), an ARN of nothing that exists is 404 NotFoundException.
    func tagResource(resourceArn: String, tags: [String: Entry], caller: Actor) throws(EKSError) {
        var request = ["resourceArn": resourceArn]
        for key in tags.keys.sorted() { request["tags.\(key)"] = RequestText.entry(tags[key]) }
        let fields = tagFields(resourceArn, keys: Array(tags.keys))
        try perform("TagResource", caller: caller, request: request, fields: fields) { view throws(EKSError) in
            let resource = try view.arns.resolve(resourceArn, in: view)
            let base = view.arns.tagsPath(resource)
            if tags.isEmpty {
                throw .badRequest("1 validation error detected: Value '{}' at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1")
            }
            let keys = tags.keys.sorted()
            for key in keys {
                guard (1...128).contains(key.count) else { throw .badRequest("Tag keys must be between 1 and 128 characters: \(key)") }
                guard let value = tags[key]?.value?.stringValue else { throw .badRequest("Invalid tag value for key \(key)") }
                guard value.count <= 256 else { throw .badRequest("Tag values must be at most 256 characters: \(key)") }
            }
            let existing = Set(view.aws.visible.children(of: base).map(\.key))
            if existing.union(keys).count > 50 { throw .badRequest("Resource can have at most 50 tags") }

            var entries: [String: Entry] = [:]
            for key in keys { entries[base.appending(key).raw] = tags[key] }
            if view.aws.visible[base] == nil, let first = tags[keys[0]] {
                entries[base.raw] = Entry(.container, origin: first.origin, readAt: first.readAt)
            }
            let event = ClusterEvent.awsResourcesChanged(ResourcesChanged(
                change: SubtreeChange(entries: entries), requestedBy: caller, action: "TagResource"))
            return Accepted(response: (), summary: "tagged \(keys.joined(separator: ", "))", events: [event])
        }
    }

    /// UntagResource (aws-eks-model R6): immediate; each key named gets a tombstone carrying
    /// `removal`'s provenance, whether or not it was present (removing an absent key changes no value,
    /// and the tombstone records whose decision the absence is). No keys is 400 BadRequestException. [U]
    func untagResource(resourceArn: String, tagKeys: [String], removal: Entry, caller: Actor) throws(EKSError) {
        let request = ["resourceArn": resourceArn, "tagKeys": RequestText.list(tagKeys),
                       "removal": RequestText.entry(removal) ?? ""]
        let fields = tagFields(resourceArn, keys: tagKeys)
        try perform("UntagResource", caller: caller, request: request, fields: fields) { view throws(EKSError) in
            let resource = try view.arns.resolve(resourceArn, in: view)
            let base = view.arns.tagsPath(resource)
            if tagKeys.isEmpty {
                throw .badRequest("1 validation error detected: Value '[]' at 'tagKeys' failed to satisfy constraint: Member must have length greater than or equal to 1")
            }
            var entries: [String: Entry] = [:]
            for key in tagKeys { entries[base.appending(key).raw] = Entry(nil, origin: removal.origin, readAt: removal.readAt) }
            let event = ClusterEvent.awsResourcesChanged(ResourcesChanged(
                change: SubtreeChange(entries: entries), requestedBy: caller, action: "UntagResource"))
            return Accepted(response: (), summary: "untagged \(tagKeys.sorted().joined(separator: ", "))", events: [event])
        }
    }

    /// The tag paths a tag call names, for the call record (none when the ARN names nothing known).
    private func tagFields(_ arn: String, keys: [String]) -> [FieldPath] {
        let view = EKSView(aws: context.awsState, now: context.now, parameters: parameters)
        guard let resource = try? view.arns.resolve(arn, in: view) else { return [] }
        let base = view.arns.tagsPath(resource)
        return keys.map { base.appending($0) }
    }
}
