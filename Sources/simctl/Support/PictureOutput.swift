import Foundation
import Simulator

/// Writes the `--html` and `--svg` pictures of `simctl run` and `simctl sweep`.
enum PictureOutput {
    /// Where each run's page and picture go, decided before anything runs so the paths can be checked.
    struct Plan {
        var pages: [String] = []
        var pictures: [String] = []
        /// With several scenarios and `--html`: the page that links them all.
        var index: String?

        /// One page and/or picture per run; several runs use the path as a template (`PictureFileName`),
        /// and the template itself (`{scenario}` as `index`) becomes the index page.
        init(scenarios names: [String], html: String?, svg: String?) {
            if let html {
                pages = PictureFileName.paths(template: html, scenarios: names)
                if names.count > 1 {
                    index = html.contains("{scenario}") ? html.replacingOccurrences(of: "{scenario}", with: "index") : html
                }
            }
            if let svg { pictures = PictureFileName.paths(template: svg, scenarios: names) }
        }

        var outputs: [OutputPaths.Output] {
            pages.map { .init(flag: "--html", path: $0) } + (index.map { [.init(flag: "--html", path: $0)] } ?? [])
                + pictures.map { .init(flag: "--svg", path: $0) }
        }
    }

    static func write(_ reports: [RunReport], plan: Plan) throws {
        for (report, path) in zip(reports, plan.pages) { try save(HTMLPage.run(report), to: path) }
        if let index = plan.index {
            try save(HTMLPage.index(reports, links: plan.pages.map { HTMLPage.relativePath($0, from: index) }), to: index)
        }
        for (report, path) in zip(reports, plan.pictures) { try save(TimelinePicture(report: report).svg, to: path) }
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
