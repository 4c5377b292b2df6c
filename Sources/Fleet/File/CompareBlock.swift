import ClusterStateMachine
import Simulator
import SyncEngine
import Yams

/// `compare:`: the releases and the refresh settings; every release × setting is one result.
enum CompareBlock {
    static func read(_ node: Node, reader: YAMLReader) throws(ScenarioError) -> ([Profile], [RefreshSetting]) {
        var profiles: [Profile] = []
        var profileNodes: [Node] = []
        var settings: [RefreshSetting] = []
        var profilesNode: Node?
        for (key, _, value) in try reader.mapping(node, "compare", allowed: ["profiles", "eksRefresh", "eksRefreshCron"]) {
            switch key {
            case "profiles":
                profilesNode = value
                for item in try reader.sequence(value, "compare.profiles") {
                    let name = try reader.string(item, "compare.profiles item")
                    guard let profile = Profile.named(name) else {
                        throw reader.error(item, "compare.profiles: unknown release \"\(name)\"; did you mean \(Profile.suggestion(for: name))? (`simctl profiles` lists every release)")
                    }
                    guard !profiles.contains(profile) else { throw reader.error(item, "compare.profiles: \"\(name)\" is listed twice") }
                    profiles.append(profile)
                    profileNodes.append(item)
                }
            case "eksRefresh":
                for item in try reader.sequence(value, "compare.eksRefresh") {
                    let seconds = try reader.int(item, "compare.eksRefresh item (seconds)")
                    guard seconds > 0 else { throw reader.error(item, "compare.eksRefresh: expected a number of seconds > 0") }
                    settings.append(.seconds(seconds))
                }
            default:
                for item in try reader.sequence(value, "compare.eksRefreshCron") {
                    let text = try reader.string(item, "compare.eksRefreshCron item")
                    do { settings.append(.cron(try CronExpression(parsing: text))) } catch {
                        throw reader.error(item, "compare.eksRefreshCron: \(error)")
                    }
                }
            }
        }
        guard !profiles.isEmpty else { throw reader.error(profilesNode ?? node, "compare: expected profiles: [release, ...]") }
        for (profile, item) in zip(profiles, profileNodes) {
            let cron = profile.refresher == .cron
            guard settings.contains(where: { $0.isCron == cron }) else {
                throw reader.error(item, "compare.profiles: \(profile.name) uses \(cron ? "eksRefreshCron; add compare.eksRefreshCron: [\"*/5 * * * *\", ...]" : "eksRefresh; add compare.eksRefresh: [300, ...]")")
            }
        }
        return (profiles, settings)
    }
}
