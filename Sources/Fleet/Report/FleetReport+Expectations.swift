extension FleetReport {
    /// What of the file's `expect:` does not hold, one sentence each (empty: all holds).
    public var expectationFailures: [String] {
        var failures: [String] = []
        for profile in fleet.profiles {
            let mine = results.filter { $0.combination.profile == profile }
                .sorted { $0.combination.period(startEpochSeconds: fleet.startEpochSeconds) < $1.combination.period(startEpochSeconds: fleet.startEpochSeconds) }
            // Losses are counts with wide intervals: the shortest setting against the longest.
            if fleet.expect.shorterRefreshLosesLess, let shortest = mine.first, let longest = mine.last,
               mine.count > 1, shortest.lostWrites >= longest.lostWrites {
                failures.append("\(profile.name): \(Self.settingText(shortest.combination.setting)) lost \(shortest.lostWrites) writes, not fewer than \(Self.settingText(longest.combination.setting)) (\(longest.lostWrites))")
            }
            for (shorter, longer) in zip(mine, mine.dropFirst()) {
                let a = Self.settingText(shorter.combination.setting), b = Self.settingText(longer.combination.setting)
                if fleet.expect.shorterRefreshCallsMore && shorter.callsTotal <= longer.callsTotal {
                    failures.append("\(profile.name): \(a) made \(shorter.callsTotal) API calls, not more than \(b) (\(longer.callsTotal))")
                }
            }
        }
        return failures
    }
}
