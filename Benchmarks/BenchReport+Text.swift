import Foundation
import Simulator

extension BenchReport {
    /// A small table: each figure, its target when it has one, and met or missed.
    public var text: String {
        var rows: [(String, String, String, String)] = [("figure", "value", "target", "")]
        func row(_ key: String, _ value: String, _ target: BenchTarget? = nil) {
            guard let target else { rows.append((key, value, "", "")); return }
            let bound = (target.atMost ? "≤ " : "≥ ") + Self.format(target.target, like: target.key)
            rows.append((key, value, bound, target.met ? "met" : "MISSED"))
        }
        let byKey = Dictionary(uniqueKeysWithValues: targets.map { ($0.key, $0) })
        row("eventStore.appendsPerSec", Self.group(eventStore.appendsPerSec) + " /s")
        row("eventStore.rawSQLiteInsertsPerSec", Self.group(eventStore.rawSQLiteInsertsPerSec) + " /s")
        row("eventStore.ratio", String(format: "%.3f", eventStore.ratio), byKey["eventStore.ratio"])
        row("eventStore.encodeAndAppendPerSec", Self.group(eventStore.encodeAndAppendPerSec) + " /s")
        row("eventStore.encodeAndAppendRatio", String(format: "%.3f", eventStore.encodeAndAppendRatio), byKey["eventStore.encodeAndAppendRatio"])
        row("fold.eventsPerSec", Self.group(fold.eventsPerSec) + " /s", byKey["fold.eventsPerSec"])
        row("simulation.simulatedSecondsPerWallSecond", Self.group(simulation.simulatedSecondsPerWallSecond),
            byKey["simulation.simulatedSecondsPerWallSecond"])
        row("simulation.scenarioRunsPerSec", Self.group(simulation.scenarioRunsPerSec) + " /s")
        row("sweep.runs", "\(sweep.runs)")
        row("sweep.wallSeconds", String(format: "%.3f s", sweep.wallSeconds))
        for f in scaling.figures {
            let key = "scaling.\(f.dimension).ratio"
            let detail = "\(Self.group(Double(f.size))) → \(Self.group(Double(2 * f.size))): "
                + String(format: "%.3f s → %.3f s, stored bytes ×%.2f", f.seconds, f.doubledSeconds, f.storedBytesRatio)
            row(key, String(format: "%.2f", f.ratio) + " (" + detail + ")", byKey[key])
        }
        row("fleet.clusterDaysPerWallSecond", String(format: "%.1f", fleet.clusterDaysPerWallSecond))
        row("fleet.scalingRatio", String(format: "%.2f", fleet.scalingRatio), byKey["fleet.scalingRatio"])
        row("bench.wallSeconds", String(format: "%.1f s", wallSeconds), byKey["bench.wallSeconds"])

        let widths = (0..<3).map { column in
            rows.map { [$0.0, $0.1, $0.2][column].count }.max() ?? 0
        }
        var out = "simctl bench — \(machine.build) build, \(machine.cores) cores (\(machine.cpu)), \(machine.os), \(machine.swift)\n"
        out += "event store: \(eventStore.events) events of ~\(eventStore.averagePayloadBytes) bytes in transactions of \(eventStore.batchSize), best of \(eventStore.repeats) alternating runs; "
        out += "fold: the \(fold.logEvents)-event day folded to \(fold.eventsFolded) events; "
        out += "simulation: \(Int(simulation.simulatedSeconds / 3600)) h day (\(simulation.dayEvents) events), \(simulation.libraryScenarios) library scenarios × \(simulation.scenarioRuns / max(1, simulation.libraryScenarios)); "
        out += "sweep: \(sweep.scenario) step \(sweep.step) from \(DurationText.format(sweep.from)) to \(DurationText.format(sweep.to)); "
        out += "fleet: \(fleet.clusters) clusters × \(fleet.hours) h at 300 s (\(String(format: "%.1f", fleet.wallSeconds)) s), scaling \(fleet.clusters) → \(fleet.clusters * 10) clusters × \(fleet.scalingHours) h\n\n"
        for (i, r) in rows.enumerated() {
            let line = Self.pad(r.0, widths[0]) + "  " + Self.pad(r.1, widths[1], right: true) + "  "
                + Self.pad(r.2, widths[2]) + "  " + r.3
            out += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
            if i == 0 { out += String(repeating: "─", count: widths.reduce(0, +) + 6 + 6) + "\n" }
        }
        if machine.build != "release" { out += "\nwarning: a debug build; measure with `swift run -c release simctl bench`\n" }
        out += allTargetsMet ? "\nevery target met\n" : "\nsome targets missed\n"
        return out
    }

    /// 1,234,567 (whole numbers, thousands grouped).
    static func group(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let digits = String(Int64(value.rounded()))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 && c != "-" { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }

    static func format(_ target: Double, like key: String) -> String {
        if key.hasSuffix("Seconds") { return String(format: "%.0f s", target) }
        if key.hasPrefix("scaling.") { return String(format: "%.1f", target) }
        return target >= 1000 ? group(target) : String(format: "%.1f", target)
    }

    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return right ? fill + s : s + fill
    }
}
