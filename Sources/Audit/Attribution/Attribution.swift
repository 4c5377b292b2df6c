/// Says who made each EKS call: the console, Rancher (refresher ticks and operator passes), or
/// other automation (reference real-inputs §1c "Actor attribution").
///
/// Rancher's principal is `--rancher-principal`, or inferred: the principal whose AWS SDK user agent
/// makes DescribeCluster read bursts at a regular period (the refresher's ticks). Calls of that
/// principal are grouped into bursts (calls at most `burstGap` apart, each DescribeCluster starting a
/// new one: a refresh and an operator pass both begin with one); a burst with no write that
/// falls on the ticks' period and phase is a refresher tick, every other burst an operator pass.
public struct Attribution: Sendable {
    public var calls: [AttributedCall]
    public var rancherPrincipal: String?
    /// How the principal was found, in words.
    public var principalReason: String
    /// Start times of the refresher's ticks (Unix ms), oldest first.
    public var ticks: [Int64]
    /// The ticks' period (ms), when at least two ticks were seen.
    public var period: Int64?
    /// The SDK user agent of Rancher's calls (`aws-sdk-go/1.36.7 (go1.13.8b4; linux; amd64)`).
    public var rancherUserAgent: String?

    /// Calls at most this far apart belong to one burst: a tick or a pass takes well under a second
    /// of CloudTrail time, and CloudTrail's clock has whole seconds.
    public static let burstGap: Int64 = 2_000
    /// A tick may be this far from the period's grid (whole-second times, request latency).
    public static let gridTolerance: Int64 = 2_000

    public init(records: [CloudTrailRecord], rancherPrincipal given: String?) {
        let sorted = records.sorted(by: CloudTrailRecord.chronological)
        var principal = given
        var reason = given.map { "given with --rancher-principal (\($0))" } ?? "no Rancher principal given or found"
        if given == nil, let inferred = Self.inferPrincipal(sorted) {
            principal = inferred.principal
            reason = inferred.reason
        }
        let ours = sorted.filter { Self.isRancher($0, principal) && !$0.fromConsole }
        let bursts = Self.bursts(ours)
        let readBursts = bursts.filter { $0.allSatisfy(\.isRead) }
        let period = Self.period(readBursts.map { $0[0].eventTime })
        var tickIDs = Set<String>()
        var ticks: [Int64] = []
        if let period {
            let phase = Self.phase(readBursts.map { $0[0].eventTime }, period: period)
            for burst in readBursts where Self.onGrid(burst[0].eventTime, period: period, phase: phase) {
                ticks.append(burst[0].eventTime)
                for r in burst { tickIDs.insert("\(r.order)") }
            }
        } else if let only = readBursts.first, readBursts.count == 1 {
            ticks = [only[0].eventTime]
            for r in only { tickIDs.insert("\(r.order)") }
        }
        calls = sorted.map { r in
            if r.fromConsole { return AttributedCall(record: r, actor: .console(principal: r.principal)) }
            if Self.isRancher(r, principal) {
                return AttributedCall(record: r, actor: tickIDs.contains("\(r.order)") ? .refresher : .operator)
            }
            if Self.isBrowser(r.userAgent) { return AttributedCall(record: r, actor: .console(principal: r.principal)) }
            return AttributedCall(record: r, actor: .other(principal: r.principal, userAgent: r.userAgent))
        }
        rancherPrincipal = principal
        principalReason = reason
        self.ticks = ticks
        self.period = period
        rancherUserAgent = ours.first?.userAgent
    }

    /// The record is Rancher's: its ARN, or its role when Rancher assumes one (sessions change).
    static func isRancher(_ r: CloudTrailRecord, _ principal: String?) -> Bool {
        guard let principal else { return false }
        return r.principal == principal || r.roleArn == principal
    }

    /// The console's own user agents (a browser, or the console's front end calling for it).
    static func isBrowser(_ agent: String) -> Bool {
        agent.hasPrefix("Mozilla/") || agent.contains("console.amazonaws.com") || agent == "AWS Internal"
    }

    static func isSDK(_ agent: String) -> Bool { agent.hasPrefix("aws-sdk-") }

    /// The principal with an SDK user agent whose read bursts recur most regularly (at least 3).
    static func inferPrincipal(_ records: [CloudTrailRecord]) -> (principal: String, reason: String)? {
        let candidates = Dictionary(grouping: records.filter { !$0.fromConsole && isSDK($0.userAgent) }, by: \.caller)
        var best: (principal: String, ticks: Int, period: Int64, agent: String)?
        for principal in candidates.keys.sorted() {
            let reads = bursts(candidates[principal]!).filter { $0.allSatisfy(\.isRead) && $0.contains { $0.eventName == "DescribeCluster" } }
            let starts = reads.map { $0[0].eventTime }
            guard starts.count >= 3, let p = period(starts) else { continue }
            let ph = Self.phase(starts, period: p)
            let regular = starts.filter { Self.onGrid($0, period: p, phase: ph) }.count
            guard regular >= 3, regular > (best?.ticks ?? 0) else { continue }
            best = (principal, regular, p, candidates[principal]![0].userAgent)
        }
        guard let best else { return nil }
        return (best.principal, "inferred: \(best.principal) made \(best.ticks) DescribeCluster read bursts every \(best.period / 1000) s with an AWS SDK user agent (\(best.agent)), as Rancher's refresher does")
    }

    static func bursts(_ records: [CloudTrailRecord]) -> [[CloudTrailRecord]] {
        var result: [[CloudTrailRecord]] = []
        for r in records {
            if let last = result.last?.last, r.eventTime - last.eventTime <= burstGap, r.eventName != "DescribeCluster" {
                result[result.count - 1].append(r)
            } else {
                result.append([r])
            }
        }
        return result
    }

    /// The regular period of burst starts: among the differences between any two starts (whole
    /// seconds, at least 10 s), the one that puts the most starts on one grid (fewer than 3 on it is no
    /// period; ties go to the shorter period). Bursts off the grid are the operator's.
    static func period(_ starts: [Int64]) -> Int64? {
        var candidates = Set<Int64>()
        for (i, a) in starts.enumerated() {
            for b in starts[(i + 1)...] {
                let d = (b - a + 500) / 1000 * 1000
                if d >= 10_000 { candidates.insert(d) }
            }
        }
        var best: (count: Int, period: Int64)?
        for g in candidates.sorted() {
            let ph = phase(starts, period: g)
            let count = starts.filter { onGrid($0, period: g, phase: ph) }.count
            if count >= 3, count > (best?.count ?? 0) { best = (count, g) }
        }
        if best == nil, starts.count == 2, let d = candidates.first { return d }
        return best?.period
    }

    /// The most common phase (start mod period, to the second) among the starts.
    static func phase(_ starts: [Int64], period: Int64) -> Int64 {
        let phases = starts.map { ($0 % period + period) % period / 1000 * 1000 }
        let counts = Dictionary(phases.map { ($0, 1) }, uniquingKeysWith: +)
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }!.key
    }

    static func onGrid(_ t: Int64, period: Int64, phase: Int64) -> Bool {
        let r = ((t - phase) % period + period) % period
        return min(r, period - r) <= gridTolerance
    }
}
