import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// A tiny `SimulationContext` for driving the modeled EKS by hand: events are folded at once, the
/// clock moves only when told, scheduled work waits until `advance` runs it (earliest first, then
/// insertion order), and UUIDs come from a counter, scrambled so that id order is not creation order.
final class TestSimulation: SimulationContext {
    private(set) var state = ClusterState()
    private(set) var now: SimTime = 0
    /// Every event emitted, in order.
    private(set) var log: [TimedEvent] = []
    private var uuids: UInt64 = 0
    private(set) var model: ModeledEKS!

    init(parameters: AWSModelParameters = AWSModelParameters(), cluster: SpecDocument = Fixture.cluster(),
         nodegroupStatus: [String: NodegroupStatus] = ["ng1": .active]) {
        emit(.clusterObserved(ClusterObserved(
            name: Fixture.clusterName, arn: Fixture.clusterArn, aws: cluster, nodegroupStatus: nodegroupStatus,
            rancherSpec: SpecDocument(), upstreamSpec: nil, phase: .active)), by: .aws)
        model = ModeledEKS(parameters: parameters, context: self)
    }

    func emit(_ event: ClusterEvent, by actor: Actor) {
        let timed = TimedEvent(at: now, actor: actor, event)
        log.append(timed)
        state.apply(timed)
    }

    func schedule(_ kind: WorkKind, after delay: SimTime) {
        emit(.workScheduled(WorkItem(seq: state.nextSeq, at: now + delay, kind: kind, moves: false)), by: .aws)
    }

    /// Jitter for SDK retries: the middle of the range, always.
    func randomUnit() -> Double { 0.5 }

    func randomUUID() -> String {
        uuids += 1
        let a = uuids &* 0x9E37_79B9_7F4A_7C15
        let b = (uuids ^ 0x5555) &* 0xC2B2_AE3D_27D4_EB4F
        let hex = hex64(a) + hex64(b)
        let c = Array(hex)
        return [c[0..<8], c[8..<12], c[12..<16], c[16..<20], c[20..<32]].map { String($0) }.joined(separator: "-")
    }

    private func hex64(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// Runs, in order, every work item due at or before `time`, as the simulator would (a
    /// `.workStarted` first, then `handle`), and leaves the clock at `time`.
    func advance(to time: SimTime) {
        while let next = state.nextWork, next.at <= time {
            now = max(now, next.at)
            emit(.workStarted(WorkStarted(seq: next.seq, kind: next.kind)), by: .aws)
            model.handle(next.kind)
        }
        now = max(now, time)
    }

    func advance(by delay: SimTime) { advance(to: now + delay) }

    func inject(_ fault: Fault) { emit(.faultInjected(fault), by: .aws) }

    var console: any EKSAPI { model.client(for: .console) }
    var op: any EKSAPI { model.client(for: .operator) }
    var refresher: any EKSAPI { model.client(for: .refresher) }

    /// The call records, in order.
    var calls: [AWSCall] {
        log.compactMap { if case .awsCalled(let call) = $0.event { call } else { nil } }
    }

    /// The events emitted after the first `count`.
    func events(after count: Int) -> [TimedEvent] { Array(log.dropFirst(count)) }
}

/// The cluster every test starts from, and short spellings for provenanced values.
enum Fixture {
    static let clusterName = "demo"
    static let clusterArn = "arn:aws:eks:us-west-2:123456789012:cluster/demo"

    /// demo: 1.29, public on, private off, default CIDRs, no logging, tags {team: platform}, and node
    /// group ng1 (1.29, 1/2/3, no labels, no tags). Every value's origin is `initial`.
    static func cluster() -> SpecDocument {
        var d: [String: Entry] = [:]
        func put(_ path: String, _ value: FieldValue) { d[path] = Entry(value, origin: .initial, readAt: 0) }
        put("displayName", .string("demo"))
        put("region", .string("us-west-2"))
        put("kubernetesVersion", .string("1.29"))
        put("publicAccess", .bool(true))
        put("privateAccess", .bool(false))
        put("publicAccessSources", .strings(["0.0.0.0/0"]))
        put("loggingTypes", .strings([]))
        put("tags", .container)
        put("tags.team", .string("platform"))
        put("nodeGroups", .container)
        put("nodeGroups.ng1", .container)
        put("nodeGroups.ng1.version", .string("1.29"))
        put("nodeGroups.ng1.desiredSize", .int(2))
        put("nodeGroups.ng1.minSize", .int(1))
        put("nodeGroups.ng1.maxSize", .int(3))
        put("nodeGroups.ng1.labels", .container)
        put("nodeGroups.ng1.tags", .container)
        return SpecDocument(entries: d)
    }

    /// The document of a new node group `name` for CreateNodegroup, all with origin `w`.
    static func nodegroup(_ name: String, w: Int, at: SimTime = 0, version: String? = nil,
                          min: Int = 1, desired: Int = 2, max: Int = 3) -> SpecDocument {
        var d: [String: Entry] = [:]
        func put(_ field: String, _ value: FieldValue) {
            d["nodeGroups.\(name)" + (field.isEmpty ? "" : ".\(field)")] = Entry(value, origin: WriteID(w), readAt: at)
        }
        put("", .container)
        if let version { put("version", .string(version)) }
        put("minSize", .int(min))
        put("desiredSize", .int(desired))
        put("maxSize", .int(max))
        put("labels", .container)
        put("tags", .container)
        return SpecDocument(entries: d)
    }
}

/// A provenanced value: `e(.bool(true), 3)` is `true` written by w3, read at `at`.
func e(_ value: FieldValue?, _ write: Int, at: SimTime = 0) -> Entry { Entry(value, origin: WriteID(write), readAt: at) }

/// Asserts that `body` throws exactly this EKS error: code, HTTP status and message text.
func assertRefused<T>(
    _ body: () throws(EKSError) -> T, code: String, status: Int, message: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    do throws(EKSError) {
        let value = try body()
        XCTFail("expected \(code) (\(status)) \"\(message)\", got \(value)", file: file, line: line)
    } catch {
        XCTAssertEqual(error.code, code, file: file, line: line)
        XCTAssertEqual(error.httpStatus, status, file: file, line: line)
        XCTAssertEqual(error.message, message, file: file, line: line)
    }
}

/// Runs `body`, failing the test on an EKS error.
@discardableResult
func accept<T>(_ body: () throws(EKSError) -> T, file: StaticString = #filePath, line: UInt = #line) -> T? {
    do throws(EKSError) {
        return try body()
    } catch {
        XCTFail("unexpected \(error)", file: file, line: line)
        return nil
    }
}

extension SimTime {
    static func seconds(_ n: Int64) -> SimTime { n * .second }
    static func minutes(_ n: Int64) -> SimTime { n * .minute }
}
