import Foundation
import Simulator

/// Writes the `--html` and `--svg` pictures of `simctl run` and `simctl sweep`.
enum PictureOutput {
    /// One page and/or picture per run; several runs use the path as a template (`PictureFileName`).
    static func write(_ reports: [RunReport], html: String?, svg: String?) throws {
        let names = reports.map(\.result.scenario.name)
        if let html {
            for (report, path) in zip(reports, PictureFileName.paths(template: html, scenarios: names)) {
                try save(HTMLPage.run(report), to: path)
            }
        }
        if let svg {
            for (report, path) in zip(reports, PictureFileName.paths(template: svg, scenarios: names)) {
                try save(TimelinePicture(report: report).svg, to: path)
            }
        }
    }

    /// The sweep's page (with the run as written) and/or its picture.
    static func write(_ sweep: SweepReport, html: String?, svg: String?) throws {
        if let html {
            let baseline = RunReport(result: Simulation(scenario: sweep.sweep.scenario).run())
            try save(HTMLPage.sweep(sweep, baseline: baseline), to: html)
        }
        if let svg { try save(SweepPicture(sweep).svg, to: svg) }
    }

    static func save(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw SimctlExit.badInput("simctl: cannot write \(path): \(error.localizedDescription)")
        }
    }
}
