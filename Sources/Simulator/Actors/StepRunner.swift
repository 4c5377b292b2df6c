import ClusterStateMachine
import SyncEngine

/// Plays one scenario step: a person's edit, or a fault.
public struct StepRunner {
    let step: Step
    let index: Int
    let clusterName: String

    public init(step: Step, index: Int, clusterName: String) {
        self.step = step
        self.index = index
        self.clusterName = clusterName
    }

    /// Plays the step now, in `sim`, calling AWS through `aws`.
    public func run(in sim: SimulationContext, aws: any EKSAPI) {
        let until = sim.now
        switch step.action {
        case .edit(let set, let unset):
            if step.actor == .rancher {
                RancherPerson(step: index).edit(set: set, unset: unset, in: sim)
            } else {
                ConsolePerson(step: index, clusterName: clusterName).edit(set: set, unset: unset, in: sim, aws: aws)
            }
        case .failNextUpdate:
            sim.emit(.faultInjected(.failNextUpdate), by: .aws)
        case .operatorDown, .platformUpdate, .throttle:
            guard let (fault, duration) = Self.fault(of: step.action, at: until) else { return }
            sim.emit(.faultInjected(fault), by: step.actor)
            sim.schedule(.faultEnds(index), after: duration)
        }
    }

    /// The fault a step injects at `now`, and how long it lasts.
    static func fault(of action: StepAction, at now: SimTime) -> (Fault, SimTime)? {
        switch action {
        case .operatorDown(let d): (.operatorDown(until: now + d), d)
        case .platformUpdate(let d): (.platformUpdate(until: now + d), d)
        case .throttle(let op, let rate, let burst, let d):
            (.throttle(operation: op, ratePerSecond: rate, burst: burst, until: now + d), d)
        case .edit, .failNextUpdate: nil
        }
    }
}
