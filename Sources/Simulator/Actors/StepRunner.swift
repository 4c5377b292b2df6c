import ClusterStateMachine
import SyncEngine

/// Plays one scenario step: a person's edit, or a fault.
struct StepRunner {
    let step: Step
    let index: Int
    let clusterName: String

    func run(in sim: SimulationContext, aws: any EKSAPI) {
        let until = sim.now
        switch step.action {
        case .edit(let set, let unset):
            if step.actor == .rancher {
                RancherPerson(step: index).edit(set: set, unset: unset, in: sim)
            } else {
                ConsolePerson(step: index, clusterName: clusterName).edit(set: set, unset: unset, in: sim, aws: aws)
            }
        case .operatorDown(let d):
            sim.emit(.faultInjected(.operatorDown(until: until + d)), by: .operator)
        case .failNextUpdate:
            sim.emit(.faultInjected(.failNextUpdate), by: .aws)
        case .platformUpdate(let d):
            sim.emit(.faultInjected(.platformUpdate(until: until + d)), by: .aws)
        case .throttle(let op, let rate, let burst, let d):
            sim.emit(.faultInjected(.throttle(operation: op, ratePerSecond: rate, burst: burst, until: until + d)), by: .aws)
        }
    }
}
