// Every payload written by hand with `EventJSON`, keys in the order `JSONEncoder.sortedKeys` puts
// them (UTF-8 byte order: `requestedAt` before `requestedBy`, `until` before `updatedAt`).

extension ClusterEvent {
    /// The payload's bytes, as `JSONEncoder` with sorted keys writes it.
    func writePayload(to w: inout EventJSON) throws(EventJSON.InvalidValue) {
        switch self {
        case .clusterObserved(let p): p.write(to: &w)
        case .workScheduled(let p): p.write(to: &w)
        case .workStarted(let p), .workCancelled(let p), .awsUpdateStatusVisible(let p): p.write(to: &w)
        case .writeMade(let p): p.write(to: &w)
        case .writeRefused(let p): p.write(to: &w)
        case .rancherSpecEdited(let p), .specSynced(let p): p.write(to: &w)
        case .upstreamSpecRefreshed(let p), .eksConfigPushed(let p), .appliedSpecRecorded(let p): p.write(to: &w)
        case .bridgeWatchEnded(let p): p.write(to: &w)
        case .operatorStatusUpdated(let p): p.write(to: &w)
        case .awsCalled(let p): try p.write(to: &w)
        case .awsUpdateStarted(let p): p.write(to: &w)
        case .awsUpdateFinished(let p): p.write(to: &w)
        case .awsResourcesChanged(let p): p.write(to: &w)
        case .faultInjected(let p), .faultCleared(let p): try p.write(to: &w)
        case .operatorBackoff(let p), .refresherBackoff(let p): p.write(to: &w)
        case .refresherStatusChanged(let p): p.write(to: &w)
        case .upstreamSpecCleared(let p): p.write(to: &w)
        case .syncConflictSurfaced(let p): p.write(to: &w)
        }
    }
}

extension Entry {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("o", first: true); w.int(origin.rawValue)
        w.key("r"); w.int(readAt)
        if let value { w.key("v"); value.write(to: &w) }
        w.close()
    }
}

extension FieldValue {
    func write(to w: inout EventJSON) {
        switch self {
        case .bool(let b): w.bool(b)
        case .int(let i): w.int(i)
        case .string(let s): w.string(s)
        case .strings(let s): w.array(s) { $0.string($1) }
        case .container: w.raw("{}")
        }
    }
}

extension WriteValue {
    func write(to w: inout EventJSON) {
        switch self {
        case .leaf(let v): v.write(to: &w)
        case .map(let m): w.object(m) { $1.write(to: &$0) }
        }
    }
}

extension SpecDocument {
    func write(to w: inout EventJSON) { w.object(entries) { $1.write(to: &$0) } }
}

extension SubtreeChange {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("entries", first: true); w.object(entries) { $1.write(to: &$0) }
        w.key("replaced"); w.array(replaced) { $0.string($1.raw) }
        w.close()
    }
}

private func writeIDs(_ ids: [WriteID], to w: inout EventJSON) { w.array(ids) { $0.int($1.rawValue) } }

extension ClusterObserved {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("arn", first: true); w.string(arn)
        w.key("aws"); aws.write(to: &w)
        w.key("name"); w.string(name)
        w.key("nodegroupStatus"); w.object(nodegroupStatus) { $0.string($1.rawValue) }
        w.key("phase"); w.string(phase.rawValue)
        w.key("rancherSpec"); rancherSpec.write(to: &w)
        if let rancherTemplateNodegroups { w.key("rancherTemplateNodegroups"); w.array(rancherTemplateNodegroups) { $0.string($1) } }
        if let upstreamSpec { w.key("upstreamSpec"); upstreamSpec.write(to: &w) }
        w.close()
    }
}

extension WorkKind {
    func write(to w: inout EventJSON) {
        w.open()
        switch self {
        case .step(let n): w.key("step", first: true); w.raw("{\"_0\":"); w.int(n); w.close()
        case .operatorReconcile: w.key("operatorReconcile", first: true); w.raw("{}")
        case .bridgeSync: w.key("bridgeSync", first: true); w.raw("{}")
        case .bridgeWatchTimeout: w.key("bridgeWatchTimeout", first: true); w.raw("{}")
        case .refresherTick: w.key("refresherTick", first: true); w.raw("{}")
        case .awsStatusVisible(let id): w.key("awsStatusVisible", first: true); w.raw("{\"_0\":"); w.string(id); w.close()
        case .awsUpdateDone(let id): w.key("awsUpdateDone", first: true); w.raw("{\"_0\":"); w.string(id); w.close()
        case .awsNodegroupDone(let name): w.key("awsNodegroupDone", first: true); w.raw("{\"_0\":"); w.string(name); w.close()
        case .faultEnds(let n): w.key("faultEnds", first: true); w.raw("{\"_0\":"); w.int(n); w.close()
        case .runEnds: w.key("runEnds", first: true); w.raw("{}")
        }
        w.close()
    }
}

extension WorkItem {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("at", first: true); w.int(at)
        w.key("kind"); kind.write(to: &w)
        w.key("moves"); w.bool(moves)
        w.key("seq"); w.int(seq)
        w.close()
    }
}

extension WorkStarted {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("kind", first: true); kind.write(to: &w)
        w.key("seq"); w.int(seq)
        w.close()
    }
}

extension Write {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("actor", first: true); w.string(actor.rawValue)
        w.key("at"); w.int(at)
        w.key("basis"); writeIDs(basis, to: &w)
        w.key("id"); w.int(id.rawValue)
        w.key("path"); w.string(path.raw)
        w.key("step"); w.int(step)
        if let value { w.key("value"); value.write(to: &w) }
        w.close()
    }
}

extension WriteRefused {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("error", first: true); w.string(error)
        w.key("operation"); w.string(operation)
        w.key("writes"); writeIDs(writes, to: &w)
        w.close()
    }
}

extension SpecChange {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("change", first: true); change.write(to: &w)
        w.key("writes"); writeIDs(writes, to: &w)
        w.close()
    }
}

extension DocumentStored {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("change", first: true); change.write(to: &w)
        if !keptReadAt.isEmpty { w.key("keptReadAt"); w.array(keptReadAt) { $0.string($1.raw) } }
        if let readAt { w.key("readAt"); w.int(readAt) }
        w.key("reason"); w.string(reason)
        w.close()
    }
}

extension BridgeWatchEnded {
    func write(to w: inout EventJSON) {
        w.open()
        if let conflict { w.key("conflict", first: true); w.bool(conflict) }
        w.key("phase", first: conflict == nil); w.string(phase.rawValue)
        w.close()
    }
}

extension RefresherStatus {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("condition", first: true); w.string(condition)
        w.key("waitingForBridge"); w.bool(waitingForBridge)
        w.close()
    }
}

extension UpstreamSpecCleared {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("reason", first: true); w.string(reason)
        w.close()
    }
}

extension SyncConflict {
    func write(to w: inout EventJSON) {
        w.open()
        if let aws { w.key("aws", first: true); aws.write(to: &w) }
        w.key("path", first: aws == nil); w.string(path.raw)
        w.key("policy"); w.string(policy)
        if let rancher { w.key("rancher"); rancher.write(to: &w) }
        w.close()
    }
}

extension OperatorStatus {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("completedUpdateIDs", first: true); w.array(completedUpdateIDs) { $0.string($1) }
        w.key("failureMessage"); w.string(failureMessage)
        w.key("phase"); w.string(phase.rawValue)
        w.close()
    }
}

extension TokenBucket {
    func write(to w: inout EventJSON) throws(EventJSON.InvalidValue) {
        w.open()
        w.key("burst", first: true); try w.double(burst)
        w.key("ratePerSecond"); try w.double(ratePerSecond)
        w.key("tokens"); try w.double(tokens)
        w.key("until"); w.int(until)
        w.key("updatedAt"); w.int(updatedAt)
        w.close()
    }
}

extension AWSCall {
    func write(to w: inout EventJSON) throws(EventJSON.InvalidValue) {
        w.open()
        var first = true
        if let attempt { w.key("attempt", first: first); w.int(attempt); first = false }
        if let attemptAfter { w.key("attemptAfter", first: first); w.int(attemptAfter); first = false }
        if let bucket { w.key("bucket", first: first); try bucket.write(to: &w); first = false }
        w.key("caller", first: first); w.string(caller.rawValue)
        if let error {
            w.key("error")
            w.open()
            w.key("code", first: true); w.string(error.code)
            w.key("httpStatus"); w.int(error.httpStatus)
            w.key("message"); w.string(error.message)
            w.close()
        }
        w.key("fields"); w.array(fields) { $0.string($1.raw) }
        w.key("operation"); w.string(operation)
        w.key("request"); w.object(request) { $0.string($1) }
        w.key("response"); w.string(response)
        if let target { w.key("target"); w.string(target) }
        w.close()
    }
}

private func writeErrors(_ errors: [AWSUpdate.ErrorDetail], to w: inout EventJSON) {
    w.array(errors) { w, e in
        w.open()
        w.key("errorCode", first: true); w.string(e.errorCode)
        w.key("errorMessage"); w.string(e.errorMessage)
        w.close()
    }
}

extension AWSUpdate {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("action", first: true); w.string(action)
        w.key("change"); change.write(to: &w)
        if let clientRequestToken { w.key("clientRequestToken"); w.string(clientRequestToken) }
        w.key("createdAt"); w.int(createdAt)
        w.key("errors"); writeErrors(errors, to: &w)
        w.key("id"); w.string(id)
        if let nodegroupName { w.key("nodegroupName"); w.string(nodegroupName) }
        w.key("params")
        w.array(params) { w, p in
            w.open()
            w.key("type", first: true); w.string(p.type)
            w.key("value"); w.string(p.value)
            w.close()
        }
        w.key("requestedBy"); w.string(requestedBy.rawValue)
        w.key("status"); w.string(status.rawValue)
        w.key("statusVisible"); w.bool(statusVisible)
        w.key("type"); w.string(type.rawValue)
        w.key("willFail"); w.bool(willFail)
        w.close()
    }
}

extension UpdateFinished {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("errors", first: true); writeErrors(errors, to: &w)
        w.key("id"); w.string(id)
        w.key("status"); w.string(status.rawValue)
        w.close()
    }
}

extension ResourcesChanged {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("action", first: true); w.string(action)
        w.key("change"); change.write(to: &w)
        if let deletionsRequested { w.key("deletionsRequested"); w.object(deletionsRequested) { $1.write(to: &$0) } }
        w.key("nodegroupStatus")
        w.object(nodegroupStatus) { w, status in
            if let status { w.string(status.rawValue) } else { w.null() }
        }
        if let requestedAt { w.key("requestedAt"); w.int(requestedAt) }
        w.key("requestedBy"); w.string(requestedBy.rawValue)
        w.close()
    }
}

extension Fault {
    func write(to w: inout EventJSON) throws(EventJSON.InvalidValue) {
        w.open()
        switch self {
        case .operatorDown(let until):
            w.key("operatorDown", first: true); w.raw("{\"until\":"); w.int(until); w.close()
        case .failNextUpdate:
            w.key("failNextUpdate", first: true); w.raw("{}")
        case .platformUpdate(let until):
            w.key("platformUpdate", first: true); w.raw("{\"until\":"); w.int(until); w.close()
        case .throttle(let operation, let rate, let burst, let until):
            w.key("throttle", first: true)
            w.open()
            w.key("burst", first: true); try w.double(burst)
            w.key("operation"); w.string(operation)
            w.key("ratePerSecond"); try w.double(rate)
            w.key("until"); w.int(until)
            w.close()
        }
        w.close()
    }
}

extension Backoff {
    func write(to w: inout EventJSON) {
        w.open()
        w.key("failures", first: true); w.int(failures)
        w.close()
    }
}
