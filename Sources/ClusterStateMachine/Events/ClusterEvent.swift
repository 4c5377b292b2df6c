import Foundation

/// Everything that can happen to a cluster. Nothing changes state except one of these.
///
/// Each case has a stable type name and a schema version (`typeName`, `schemaVersion`), stored in
/// the event log's `type` and `schema_version` columns; the payload is the case's JSON.
public enum ClusterEvent: Hashable, Sendable {
    case clusterObserved(ClusterObserved)
    case workScheduled(WorkItem)
    case workStarted(WorkStarted)
    case workCancelled(WorkStarted)
    case writeMade(Write)
    case writeRefused(WriteRefused)
    case rancherSpecEdited(SpecChange)
    case specSynced(SpecChange)
    case upstreamSpecRefreshed(DocumentStored)
    case eksConfigPushed(DocumentStored)
    case bridgeWatchEnded(BridgeWatchEnded)
    case appliedSpecRecorded(DocumentStored)
    case operatorStatusUpdated(OperatorStatus)
    case awsCalled(AWSCall)
    case awsUpdateStarted(AWSUpdate)
    case awsUpdateStatusVisible(WorkStarted)
    case awsUpdateFinished(UpdateFinished)
    case awsResourcesChanged(ResourcesChanged)
    case faultInjected(Fault)
    case faultCleared(Fault)
    case operatorBackoff(Backoff)
    case refresherBackoff(Backoff)
    case refresherStatusChanged(RefresherStatus)
    case upstreamSpecCleared(UpstreamSpecCleared)
    case syncConflictSurfaced(SyncConflict)

    /// The stable name stored in the log.
    public var typeName: String {
        switch self {
        case .clusterObserved: "ClusterObserved"
        case .workScheduled: "WorkScheduled"
        case .workStarted: "WorkStarted"
        case .workCancelled: "WorkCancelled"
        case .writeMade: "WriteMade"
        case .writeRefused: "WriteRefused"
        case .rancherSpecEdited: "RancherSpecEdited"
        case .specSynced: "SpecSynced"
        case .upstreamSpecRefreshed: "UpstreamSpecRefreshed"
        case .eksConfigPushed: "EKSConfigPushed"
        case .bridgeWatchEnded: "BridgeWatchEnded"
        case .appliedSpecRecorded: "AppliedSpecRecorded"
        case .operatorStatusUpdated: "OperatorStatusUpdated"
        case .awsCalled: "AWSCalled"
        case .awsUpdateStarted: "AWSUpdateStarted"
        case .awsUpdateStatusVisible: "AWSUpdateStatusVisible"
        case .awsUpdateFinished: "AWSUpdateFinished"
        case .awsResourcesChanged: "AWSResourcesChanged"
        case .faultInjected: "FaultInjected"
        case .faultCleared: "FaultCleared"
        case .operatorBackoff: "OperatorBackoff"
        case .refresherBackoff: "RefresherBackoff"
        case .refresherStatusChanged: "RefresherStatusChanged"
        case .upstreamSpecCleared: "UpstreamSpecCleared"
        case .syncConflictSurfaced: "SyncConflictSurfaced"
        }
    }

    /// The payload schema version of each type this build reads and writes.
    public static let schemaVersions: [String: Int] = [
        "ClusterObserved": 1, "WorkScheduled": 1, "WorkStarted": 1, "WriteMade": 1, "WriteRefused": 1,
        "RancherSpecEdited": 1, "SpecSynced": 1, "UpstreamSpecRefreshed": 1, "EKSConfigPushed": 1,
        "BridgeWatchEnded": 1, "AppliedSpecRecorded": 1, "OperatorStatusUpdated": 1, "AWSCalled": 1,
        "AWSUpdateStarted": 1, "AWSUpdateStatusVisible": 1, "AWSUpdateFinished": 1,
        "AWSResourcesChanged": 1, "FaultInjected": 1, "WorkCancelled": 1, "OperatorBackoff": 1, "RefresherBackoff": 1, "FaultCleared": 1,
        "RefresherStatusChanged": 1, "UpstreamSpecCleared": 1,
        "SyncConflictSurfaced": 1,
    ]

    public var schemaVersion: Int { Self.schemaVersions[typeName]! }

    /// The payload as deterministic JSON (sorted keys): same event, same bytes.
    public func encodedPayload() throws -> Data {
        let encoder = Self.encoder
        switch self {
        case .clusterObserved(let p): return try encoder.encode(p)
        case .workScheduled(let p): return try encoder.encode(p)
        case .workStarted(let p): return try encoder.encode(p)
        case .workCancelled(let p): return try encoder.encode(p)
        case .writeMade(let p): return try encoder.encode(p)
        case .writeRefused(let p): return try encoder.encode(p)
        case .rancherSpecEdited(let p): return try encoder.encode(p)
        case .specSynced(let p): return try encoder.encode(p)
        case .upstreamSpecRefreshed(let p): return try encoder.encode(p)
        case .eksConfigPushed(let p): return try encoder.encode(p)
        case .bridgeWatchEnded(let p): return try encoder.encode(p)
        case .appliedSpecRecorded(let p): return try encoder.encode(p)
        case .operatorStatusUpdated(let p): return try encoder.encode(p)
        case .awsCalled(let p): return try encoder.encode(p)
        case .awsUpdateStarted(let p): return try encoder.encode(p)
        case .awsUpdateStatusVisible(let p): return try encoder.encode(p)
        case .awsUpdateFinished(let p): return try encoder.encode(p)
        case .awsResourcesChanged(let p): return try encoder.encode(p)
        case .faultInjected(let p): return try encoder.encode(p)
        case .faultCleared(let p): return try encoder.encode(p)
        case .operatorBackoff(let p): return try encoder.encode(p)
        case .refresherBackoff(let p): return try encoder.encode(p)
        case .refresherStatusChanged(let p): return try encoder.encode(p)
        case .upstreamSpecCleared(let p): return try encoder.encode(p)
        case .syncConflictSurfaced(let p): return try encoder.encode(p)
        }
    }

    /// Decodes a stored payload; an unknown type or a schema version this build does not know is
    /// a `ClusterEventDecodingError`, never a crash.
    public static func decode(type: String, schemaVersion: Int, data: Data) throws -> ClusterEvent {
        guard let known = schemaVersions[type] else {
            throw ClusterEventDecodingError.unknownType(type)
        }
        guard known == schemaVersion else {
            throw ClusterEventDecodingError.unsupportedVersion(type: type, version: schemaVersion, known: known)
        }
        let d = decoder
        do {
            switch type {
            case "ClusterObserved": return .clusterObserved(try d.decode(ClusterObserved.self, from: data))
            case "WorkScheduled": return .workScheduled(try d.decode(WorkItem.self, from: data))
            case "WorkStarted": return .workStarted(try d.decode(WorkStarted.self, from: data))
            case "WorkCancelled": return .workCancelled(try d.decode(WorkStarted.self, from: data))
            case "WriteMade": return .writeMade(try d.decode(Write.self, from: data))
            case "WriteRefused": return .writeRefused(try d.decode(WriteRefused.self, from: data))
            case "RancherSpecEdited": return .rancherSpecEdited(try d.decode(SpecChange.self, from: data))
            case "SpecSynced": return .specSynced(try d.decode(SpecChange.self, from: data))
            case "UpstreamSpecRefreshed": return .upstreamSpecRefreshed(try d.decode(DocumentStored.self, from: data))
            case "EKSConfigPushed": return .eksConfigPushed(try d.decode(DocumentStored.self, from: data))
            case "BridgeWatchEnded": return .bridgeWatchEnded(try d.decode(BridgeWatchEnded.self, from: data))
            case "AppliedSpecRecorded": return .appliedSpecRecorded(try d.decode(DocumentStored.self, from: data))
            case "OperatorStatusUpdated": return .operatorStatusUpdated(try d.decode(OperatorStatus.self, from: data))
            case "AWSCalled": return .awsCalled(try d.decode(AWSCall.self, from: data))
            case "AWSUpdateStarted": return .awsUpdateStarted(try d.decode(AWSUpdate.self, from: data))
            case "AWSUpdateStatusVisible": return .awsUpdateStatusVisible(try d.decode(WorkStarted.self, from: data))
            case "AWSUpdateFinished": return .awsUpdateFinished(try d.decode(UpdateFinished.self, from: data))
            case "AWSResourcesChanged": return .awsResourcesChanged(try d.decode(ResourcesChanged.self, from: data))
            case "FaultInjected": return .faultInjected(try d.decode(Fault.self, from: data))
            case "FaultCleared": return .faultCleared(try d.decode(Fault.self, from: data))
            case "OperatorBackoff": return .operatorBackoff(try d.decode(Backoff.self, from: data))
            case "RefresherBackoff": return .refresherBackoff(try d.decode(Backoff.self, from: data))
            case "RefresherStatusChanged": return .refresherStatusChanged(try d.decode(RefresherStatus.self, from: data))
            case "UpstreamSpecCleared": return .upstreamSpecCleared(try d.decode(UpstreamSpecCleared.self, from: data))
            case "SyncConflictSurfaced": return .syncConflictSurfaced(try d.decode(SyncConflict.self, from: data))
            default: throw ClusterEventDecodingError.unknownType(type)
            }
        } catch let error as ClusterEventDecodingError {
            throw error
        } catch {
            throw ClusterEventDecodingError.corruptPayload(type: type, underlying: "\(error)")
        }
    }

    // One encoder and decoder for every event: making them costs more than encoding a small event.
    // Their configuration never changes after this.
    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    private static let decoder = JSONDecoder()
}

/// A stored event this build cannot read.
public enum ClusterEventDecodingError: Error, Hashable, CustomStringConvertible {
    case unknownType(String)
    case unsupportedVersion(type: String, version: Int, known: Int)
    case corruptPayload(type: String, underlying: String)

    public var description: String {
        switch self {
        case .unknownType(let t): "unknown event type \"\(t)\" (written by a newer eks-sync-sim?)"
        case .unsupportedVersion(let t, let v, let k): "event type \(t) has schema version \(v); this build reads version \(k)"
        case .corruptPayload(let t, let u): "event of type \(t) has a payload that does not decode: \(u)"
        }
    }
}

/// An event with when it happened and who did it: the unit appended to the log and folded.
public struct TimedEvent: Hashable, Sendable {
    public var at: SimTime
    public var actor: Actor
    public var event: ClusterEvent

    public init(at: SimTime, actor: Actor, _ event: ClusterEvent) {
        self.at = at
        self.actor = actor
        self.event = event
    }
}

extension ClusterEvent: Codable {
    private enum CodingKeys: String, CodingKey { case type, schemaVersion, data }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        let version = try c.decode(Int.self, forKey: .schemaVersion)
        let json = try c.decode(String.self, forKey: .data)
        self = try Self.decode(type: type, schemaVersion: version, data: Data(json.utf8))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(typeName, forKey: .type)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(String(decoding: try encodedPayload(), as: UTF8.self), forKey: .data)
    }
}
