import ClusterStateMachine
import Foundation
import Simulator

/// Every figure of one bench run, with the machine and the targets, as JSON or a text table.
public struct BenchReport: Sendable {
    public var machine: MachineInfo
    public var eventStore: EventStoreFigures
    public var fold: FoldFigures
    public var simulation: SimulationFigures
    public var sweep: SweepFigures
    public var scaling: ScalingFigures
    public var fleet: FleetFigures
    /// The whole bench, preparation included.
    public var wallSeconds: Double

    /// The targets of issue 7.
    public static let ratioTarget = 0.8
    public static let foldTarget = 5_000_000.0
    public static let simulatedSecondsTarget = 1_000_000.0
    public static let wallSecondsTarget = 40.0
    /// Issue 12: twice the work costs at most this many times as much (linear growth).
    public static let scalingTarget = 2.2
    /// Issue 14: fleet cost grows linearly with clusters.
    public static let fleetScalingTarget = 11.0

    public var targets: [BenchTarget] {
        [
            BenchTarget(key: "eventStore.ratio", value: eventStore.ratio, target: Self.ratioTarget, atMost: false),
            BenchTarget(key: "eventStore.encodeAndAppendRatio", value: eventStore.encodeAndAppendRatio, target: Self.ratioTarget, atMost: false),
            BenchTarget(key: "fold.eventsPerSec", value: fold.eventsPerSec, target: Self.foldTarget, atMost: false),
            BenchTarget(key: "simulation.simulatedSecondsPerWallSecond", value: simulation.simulatedSecondsPerWallSecond,
                        target: Self.simulatedSecondsTarget, atMost: false),
            BenchTarget(key: "fleet.scalingRatio", value: fleet.scalingRatio, target: Self.fleetScalingTarget, atMost: true),
            BenchTarget(key: "bench.wallSeconds", value: wallSeconds, target: Self.wallSecondsTarget, atMost: true),
        ] + scaling.figures.map {
            BenchTarget(key: "scaling.\($0.dimension).ratio", value: $0.ratio, target: Self.scalingTarget, atMost: true)
        }
    }

    public var allTargetsMet: Bool { targets.allSatisfy(\.met) }

    public var json: JSONValue {
        .object([
            ("machine", .object([
                ("cores", .int(Int64(machine.cores))), ("activeCores", .int(Int64(machine.activeCores))),
                ("memoryBytes", .int(Int64(clamping: machine.memoryBytes))), ("cpu", .string(machine.cpu)),
                ("os", .string(machine.os)), ("swift", .string(machine.swift)), ("build", .string(machine.build)),
            ])),
            ("eventStore", .object([
                ("appendsPerSec", Self.rate(eventStore.appendsPerSec)),
                ("rawSQLiteInsertsPerSec", Self.rate(eventStore.rawSQLiteInsertsPerSec)),
                ("ratio", Self.fraction(eventStore.ratio)),
                ("ratioTarget", .double(Self.ratioTarget)),
                ("ratioMet", .bool(eventStore.ratio >= Self.ratioTarget)),
                ("encodeAndAppendPerSec", Self.rate(eventStore.encodeAndAppendPerSec)),
                ("encodeAndAppendRatio", Self.fraction(eventStore.encodeAndAppendRatio)),
                ("encodeAndAppendRatioTarget", .double(Self.ratioTarget)),
                ("encodeAndAppendRatioMet", .bool(eventStore.encodeAndAppendRatio >= Self.ratioTarget)),
                ("events", .int(Int64(eventStore.events))), ("batchSize", .int(Int64(eventStore.batchSize))),
                ("repeats", .int(Int64(eventStore.repeats))),
                ("averagePayloadBytes", .int(Int64(eventStore.averagePayloadBytes))),
                ("storeRows", .int(Int64(eventStore.storeRows))), ("rawRows", .int(Int64(eventStore.rawRows))),
                ("encodeRows", .int(Int64(eventStore.encodeRows))),
            ])),
            ("fold", .object([
                ("eventsPerSec", Self.rate(fold.eventsPerSec)),
                ("eventsPerSecTarget", Self.rate(Self.foldTarget)),
                ("eventsPerSecMet", .bool(fold.eventsPerSec >= Self.foldTarget)),
                ("logEvents", .int(Int64(fold.logEvents))), ("eventsFolded", .int(Int64(fold.eventsFolded))),
            ])),
            ("simulation", .object([
                ("simulatedSecondsPerWallSecond", Self.rate(simulation.simulatedSecondsPerWallSecond)),
                ("simulatedSecondsPerWallSecondTarget", Self.rate(Self.simulatedSecondsTarget)),
                ("simulatedSecondsPerWallSecondMet", .bool(simulation.simulatedSecondsPerWallSecond >= Self.simulatedSecondsTarget)),
                ("simulatedSeconds", Self.rate(simulation.simulatedSeconds)),
                ("dayEvents", .int(Int64(simulation.dayEvents))),
                ("dayWallSeconds", Self.seconds(simulation.dayWallSeconds)),
                ("scenarioRunsPerSec", Self.rate(simulation.scenarioRunsPerSec)),
                ("libraryScenarios", .int(Int64(simulation.libraryScenarios))),
                ("scenarioRuns", .int(Int64(simulation.scenarioRuns))),
            ])),
            ("sweep", .object([
                ("scenario", .string(sweep.scenario)), ("step", .int(Int64(sweep.step))),
                ("from", .string(DurationText.format(sweep.from))), ("to", .string(DurationText.format(sweep.to))),
                ("runs", .int(Int64(sweep.runs))), ("windows", .int(Int64(sweep.windows))),
                ("wallSeconds", Self.seconds(sweep.wallSeconds)),
            ])),
            ("scaling", .object(scaling.figures.map { f in
                (f.dimension, .object([
                    ("ratio", Self.fraction(f.ratio)), ("ratioTarget", .double(Self.scalingTarget)),
                    ("ratioMet", .bool(f.ratio <= Self.scalingTarget)),
                    ("size", .int(Int64(f.size))), ("doubledSize", .int(Int64(2 * f.size))),
                    ("seconds", Self.seconds(f.seconds)), ("doubledSeconds", Self.seconds(f.doubledSeconds)),
                    ("events", .int(Int64(f.events))), ("doubledEvents", .int(Int64(f.doubledEvents))),
                    ("storedBytes", .int(Int64(f.storedBytes))), ("doubledStoredBytes", .int(Int64(f.doubledStoredBytes))),
                    ("storedBytesRatio", Self.fraction(f.storedBytesRatio)),
                ]))
            })),
            ("fleet", .object([
                ("clusters", .int(Int64(fleet.clusters))), ("hours", .int(Int64(fleet.hours))),
                ("clusterDays", Self.seconds(fleet.clusterDays)),
                ("wallSeconds", Self.seconds(fleet.wallSeconds)),
                ("clusterDaysPerWallSecond", Self.seconds(fleet.clusterDaysPerWallSecond)),
                ("scalingHours", .int(Int64(fleet.scalingHours))),
                ("smallWallSeconds", Self.seconds(fleet.smallWallSeconds)),
                ("largeWallSeconds", Self.seconds(fleet.largeWallSeconds)),
                ("scalingRatio", Self.fraction(fleet.scalingRatio)),
                ("scalingRatioTarget", .double(Self.fleetScalingTarget)),
                ("scalingRatioMet", .bool(fleet.scalingRatio <= Self.fleetScalingTarget)),
                ("benchSeconds", Self.seconds(fleet.benchSeconds)),
            ])),
            ("bench", .object([
                ("wallSeconds", Self.seconds(wallSeconds)),
                ("wallSecondsTarget", .double(Self.wallSecondsTarget)),
                ("wallSecondsMet", .bool(wallSeconds <= Self.wallSecondsTarget)),
            ])),
            ("targets", .array(targets.map { t in
                .object([("key", .string(t.key)), ("value", .double(Self.round(t.value, 3))),
                         ("target", .double(t.target)), ("atMost", .bool(t.atMost)), ("met", .bool(t.met))])
            })),
            ("allTargetsMet", .bool(allTargetsMet)),
        ])
    }

    static func rate(_ value: Double) -> JSONValue {
        value.isFinite ? .int(Int64(value.rounded())) : .null
    }

    static func fraction(_ value: Double) -> JSONValue { value.isFinite ? .double(round(value, 3)) : .null }

    static func seconds(_ value: Double) -> JSONValue { value.isFinite ? .double(round(value, 4)) : .null }

    static func round(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}
