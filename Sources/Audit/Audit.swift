import ClusterStateMachine
import EventStore
import Simulator

/// `simctl audit`: real records in; the observed history checked for lost writes; a reconstructed
/// scenario replayed by the model; the uncertainty the records leave swept.
public struct Audit: Sendable {
    public var evidence: Evidence
    public var reconstruction: Reconstruction
    /// The observed history in the simulator's form, and what the checker found in it.
    public var observed: RunReport
    /// The reconstructed scenario run by the model.
    public var model: RunReport
    /// Same-second order: each person's step moved across the second its record names.
    public var orderSweeps: [SweepResult]
    /// Unknown update durations: the verdict for each duration the records allow.
    public var durationScans: [DurationScan]
    /// Changes Rancher made to AWS that no person asked for.
    public var unrequested: [ObservedUnrequestedChange]
    /// Recorded calls the modeled AWS answered otherwise than AWS did.
    public var mismatches: [String]

    /// Reads, attributes, reconstructs, records nothing (see `record(in:)`).
    public static func run(_ input: AuditInput) throws(AuditError) -> Audit {
        let evidence = try Evidence.gather(input)
        let reconstruction = try Reconstruction.build(evidence, profile: input.profile)
        let history = ObservedRun(reconstruction)
        let observed = RunReport(result: history.run(ticks: evidence.attribution.ticks))
        let model = RunReport(result: Simulation(scenario: reconstruction.scenario).run())
        let scenario = reconstruction.scenario
        // CloudTrail and Rancher's audit log keep whole seconds: a step stamped t happened in [t, t+1s).
        // Moving it by -1 s to +1 s covers its own second and the order against anything in the next.
        let sweeps = reconstruction.steps.indices.map { Sweep.run(scenario, step: $0, from: -1 * .second, to: 1 * .second + 1) }
        let scans = DurationScan.scan(scenario, bounds: reconstruction.bounds)
        return Audit(evidence: evidence, reconstruction: reconstruction, observed: observed, model: model,
                     orderSweeps: sweeps, durationScans: scans, unrequested: history.unrequested,
                     mismatches: history.mismatches)
    }

    /// Appends the observed history to the store as a run of kind `observed`; returns its id.
    @discardableResult
    public func record(in store: EventStore) throws -> Int64 {
        try RunRecorder.record(observed.result, overrides: .init(profile: reconstruction.scenario.profile.name, kind: "observed"), in: store)
    }

    /// The lost writes as (actor, field), sorted: what the observed history and the model are compared on.
    static func verdict(_ report: RunReport) -> [String] {
        report.findings.lost.map { "\($0.write.actor.rawValue) \($0.write.path)" }.sorted()
    }

    public var observedVerdict: [String] { Self.verdict(observed) }
    public var modelVerdict: [String] { Self.verdict(model) }
    /// The unrequested changes the model makes too (AWS ends with the same value at the field).
    public var unrequestedReproduced: [ObservedUnrequestedChange] {
        unrequested.filter { u in model.result.state.aws.visible.effectiveEntry(at: u.field)?.value == u.after }
    }

    /// The model loses the same writes and makes the same unrequested changes as the records show.
    public var reproduced: Bool { observedVerdict == modelVerdict && unrequestedReproduced.count == unrequested.count }
}
