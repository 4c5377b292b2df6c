import Fleet
import Foundation
import Simulator
import TestSupport
import XCTest

/// Fleet files for the tests, built from the shipped example's shape at small sizes.
enum FleetFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fleets = root.appendingPathComponent("scenarios/fleet")

    /// A fleet file's text: `clusters` clusters (over `accounts`) for `duration`, the given
    /// releases and settings, optional rate limits and restart.
    static func yaml(clusters: Int = 6, accounts: Int = 1, duration: String = "2h", consolePerDay: Int = 24,
                     rancherPerDay: Int = 48, profiles: String = "[eks-operator-2025]", eksRefresh: String = "[300]",
                     eksRefreshCron: String? = nil, rateLimits: String? = nil, restart: String? = nil,
                     callLatency: String = "100ms", seed: Int = 3) -> String {
        var text = """
            name: fleet-test
            start: 2025-02-03T00:00:00Z
            duration: \(duration)
            seed: \(seed)
            clusters:
              count: \(clusters)
              accounts: \(accounts)
              template:
                kubernetesVersion: "1.29"
                tags: {team: platform}
                nodeGroups:
                  - {nodegroupName: ng1, version: "1.29", desiredSize: 2, minSize: 1, maxSize: 5}
              managed: all
            workload:
              console:
                perClusterPerDay: \(consolePerDay)
                set: {privateAccess: 0.2, tags.owner: 0.4, nodeGroups.ng1.desiredSize: 0.4}
              rancher:
                perClusterPerDay: \(rancherPerDay)
                set: {tags.env: 0.5, nodeGroups.ng1.desiredSize: 0.5}
            aws:
              callLatency: \(callLatency)

            """
        if let rateLimits { text += "  rateLimits: \(rateLimits)\n" }
        if let restart { text += "rancherRestart: \(restart)\n" }
        text += "compare:\n  profiles: \(profiles)\n  eksRefresh: \(eksRefresh)\n"
        if let eksRefreshCron { text += "  eksRefreshCron: \(eksRefreshCron)\n" }
        return text
    }

    static func fleet(_ text: String) throws -> FleetFile { try FleetLoader.parse(text, path: "fleet-test.yaml") }

    static func report(_ text: String) throws -> FleetReport { FleetRunner.report(try fleet(text)) }

    /// A temporary folder removed at the end of the test.
    static func folder(_ test: XCTestCase) throws -> URL { try ScratchDirectory.make("fleet-tests", for: test) }
}

/// The built `simctl`, run as a user would.
typealias Simctl = SimctlProcess
