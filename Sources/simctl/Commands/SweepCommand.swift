import ArgumentParser
import ClusterStateMachine
import Simulator
import SyncEngine

/// `simctl sweep FILE --step N`: the exact windows of offset in which writes are lost; with
/// `--param NAME`, of a timing parameter's value; with two `--step`s, the zones of both offsets.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Move one step (or two, or a timing parameter) across a range and print the exact windows in which writes are lost.")

    @Argument(help: "A scenario file.") var file: String
    @Option(help: "The step to move (0-based); give it twice to move two steps at once.") var step: [Int] = []
    @Option(help: ArgumentHelp("A timing parameter to sweep instead of a step: eksRefresh, lastRefresh, statusLag, updateDurations.TYPE, nodegroupCreate, nodegroupDelete, nodegroupVersionUpdate (exact), or timings.NAME (on a grid).", valueName: "name"))
    var param: String?
    // `.unconditionalSingleValue`: `--from -2m` takes -2m as the value, not as an option.
    @Option(parsing: .unconditionalSingleValue, help: "Start of the range (a duration, negative allowed: -2m; a parameter also takes plain seconds). Twice with two steps: one per step. Default for steps: 0s; a parameter needs it.")
    var from: [String] = []
    @Option(parsing: .unconditionalSingleValue, help: "End of the range. Twice with two steps: one per step. Default for steps: 12m; a parameter needs it.") var to: [String] = []
    @Option(help: "Grid spacing for parameters swept on a grid (default: a hundredth of the range).") var grid: String?
    @Option(help: "Override the scenario's profile.") var profile: String?
    @Option(help: "Override the scenario's sync policy (\(SyncPolicy.names.joined(separator: ", "))).") var policy: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Write a page (self-contained HTML) with the offset axis, the lost windows and the run as written.", valueName: "path")) var html: String?
    @Option(help: ArgumentHelp("Write the offset-axis picture (SVG) here; for two steps, the zone map.", valueName: "path")) var svg: String?

    func run() throws {
        try NamedOption.checkProfile(profile, command: "sweep")
        try NamedOption.checkPolicy(policy, command: "sweep")
        let scenario: Scenario
        do { scenario = try ScenarioLoader.load(path: file, profileOverride: profile, policyOverride: policy) }
        catch { throw SimctlExit.badInput("\(error)") }
        for s in step where !scenario.steps.indices.contains(s) {
            throw SimctlExit.badInput("simctl sweep: --step \(s): \(file) has steps 0 to \(scenario.steps.count - 1)")
        }
        if let param { return try sweepParameter(param, scenario) }
        guard grid == nil else { throw SimctlExit.badInput("simctl sweep: --grid is for a parameter swept on a grid (--param timings.NAME); step sweeps are exact") }
        switch step.count {
        case 1: try sweepStep(step[0], scenario)
        case 2: try sweepTwoSteps(scenario)
        default: throw SimctlExit.badInput("simctl sweep: give --step once (or twice), or --param NAME")
        }
    }

    private func sweepStep(_ step: Int, _ scenario: Scenario) throws {
        guard from.count <= 1, to.count <= 1 else { throw SimctlExit.badInput("simctl sweep: one --from and one --to for one step") }
        let lo = try Self.offset(from.first ?? "0s", "from"), hi = try Self.offset(to.first ?? "12m", "to")
        guard lo < hi else { throw SimctlExit.badInput("simctl sweep: --from must be before --to") }
        guard scenario.steps[step].at + lo >= 0 else {
            throw SimctlExit.badInput("simctl sweep: --from \(from.first ?? "") would move step \(step) before the start")
        }
        let outputs = [("--html", html), ("--svg", svg)].compactMap { flag, path in path.map { OutputPaths.Output(flag: flag, path: $0) } }
        try OutputPaths.check(outputs, database: nil, inputs: [file])
        let report = SweepReport(Sweep.run(scenario, step: step, from: lo, to: hi))
        Output.print(format == .json ? report.json.rendered(pretty: true) : report.text)
        try PictureOutput.write(report, html: html, svg: svg)
    }

    private func sweepTwoSteps(_ scenario: Scenario) throws {
        guard step[0] != step[1] else { throw SimctlExit.badInput("simctl sweep: the two --step values must differ") }
        guard html == nil else { throw SimctlExit.badInput("simctl sweep: --html is for one moved step; use --svg for the zone map") }
        let froms = from.isEmpty ? ["0s"] : from, tos = to.isEmpty ? ["12m"] : to
        guard froms.count <= 2, tos.count <= 2 else { throw SimctlExit.badInput("simctl sweep: at most two --from and two --to") }
        var ranges: [Range<SimTime>] = []
        for k in 0..<2 {
            let lo = try Self.offset(froms[min(k, froms.count - 1)], "from"), hi = try Self.offset(tos[min(k, tos.count - 1)], "to")
            guard lo < hi else { throw SimctlExit.badInput("simctl sweep: --from must be before --to") }
            guard scenario.steps[step[k]].at + lo >= 0 else {
                throw SimctlExit.badInput("simctl sweep: --from \(DurationText.format(lo)) would move step \(step[k]) before the start")
            }
            ranges.append(lo..<hi)
        }
        let result = ZoneSweep.run(scenario, steps: (step[0], step[1]), x: ranges[0], y: ranges[1])
        let report = ZoneSweepReport(result)
        Output.print(format == .json ? report.json.rendered(pretty: true) : report.text)
        if let svg { try PictureOutput.save(ZoneMap(result).svg, to: svg) }
    }

    private func sweepParameter(_ name: String, _ scenario: Scenario) throws {
        guard step.isEmpty else { throw SimctlExit.badInput("simctl sweep: give --step or --param, not both") }
        guard html == nil, svg == nil else { throw SimctlExit.badInput("simctl sweep: pictures are drawn for step sweeps only") }
        guard let parameter = TimingParameter(name: name) else {
            throw SimctlExit.badInput("simctl sweep: --param \"\(name)\"" + Suggestion.expected(name, among: TimingParameter.names,
                                                                                             list: "one of " + TimingParameter.names.joined(separator: ", ")))
        }
        if parameter == .eksRefresh || parameter == .lastRefresh, scenario.profile.refresher == .cron {
            throw SimctlExit.badInput("simctl sweep: --param \(parameter): \(scenario.profile.name) refreshes with the eks-refresh-cron job (settings.eksRefreshCron), which has no per-cluster \(parameter); sweep it under a timer release (--profile rancher-2.5.8 or later)")
        }
        guard from.count == 1, to.count == 1 else {
            throw SimctlExit.badInput("simctl sweep: --param needs one --from and one --to (values of \(parameter))")
        }
        let lo = try Self.value(from[0], "from"), hi = try Self.value(to[0], "to")
        guard lo < hi else { throw SimctlExit.badInput("simctl sweep: --from must be below --to") }
        if let minimum = parameter.minimum, lo < minimum {
            throw SimctlExit.badInput("simctl sweep: --from \(from[0]): \(parameter) cannot be below \(DurationText.format(minimum))")
        }
        let spacing = try grid.map { try Self.value($0, "grid") }
        if let spacing, spacing <= 0 { throw SimctlExit.badInput("simctl sweep: --grid must be above 0") }
        let report = ParameterSweepReport(ParameterSweep.run(scenario, parameter: parameter, from: lo, to: hi, grid: spacing))
        Output.print(format == .json ? report.json.rendered(pretty: true) : report.text)
    }

    static func offset(_ text: String, _ name: String) throws -> SimTime {
        switch DurationText.parse(text, allowNegative: true) {
        case .success(let d): return d
        case .failure(.tooLong): throw SimctlExit.badInput("simctl sweep: --\(name) \"\(text)\"; expected a duration \(DurationText.limitText)")
        case .failure: throw SimctlExit.badInput("simctl sweep: --\(name) \"\(text)\"; expected a duration like 90s, 12m, -1m")
        }
    }

    /// A parameter value: a duration, or plain seconds (`300`, as `settings.eksRefresh` is written).
    static func value(_ text: String, _ name: String) throws -> SimTime {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        if let seconds = Int64(body) {
            guard seconds <= DurationText.maximum / .second else {
                throw SimctlExit.badInput("simctl sweep: --\(name) \"\(text)\"; expected a duration \(DurationText.limitText)")
            }
            return (negative ? -1 : 1) * seconds * .second
        }
        return try offset(text, name)
    }
}
