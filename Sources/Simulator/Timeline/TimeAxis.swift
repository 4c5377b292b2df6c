import ClusterStateMachine

/// Maps simulated time to x: linear from just before the first notable moment to just after the
/// last, with long idle stretches cut out (a broken axis), and wall-clock ticks (`11:03:00`)
/// spaced so their labels never touch.
public struct TimeAxis: Sendable {
    /// A stretch of the axis: drawn to scale, or cut out (`isBreak`) and drawn as a fixed-width gap.
    public struct Segment: Sendable, Hashable {
        public var from: SimTime
        public var to: SimTime
        public var x0: Double
        public var x1: Double
        public var isBreak: Bool
    }

    /// A labelled (major) or plain (minor) tick.
    public struct Tick: Sendable, Hashable {
        public var at: SimTime
        public var x: Double
        public var label: String
        public var major: Bool
    }

    public let segments: [Segment]
    public let startEpochSeconds: Int64
    /// Pixels per millisecond on the drawn-to-scale stretches (seconds with events get a little more).
    public let scale: Double

    /// Steps a tick may take, in milliseconds.
    static let steps: [SimTime] = [
        100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
        1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
    ]

    /// - Parameters:
    ///   - anchors: the times that must be shown; gaps between them longer than `minimumBreak` and
    ///     a quarter of the whole span are cut out.
    public init(anchors: [SimTime], x0: Double, x1: Double, startEpochSeconds: Int64,
                minimumBreak: SimTime = 6 * .minute, breakWidth: Double = 44, secondBump: Double = 12) {
        self.startEpochSeconds = startEpochSeconds
        let times = Array(Set(anchors.isEmpty ? [0] : anchors)).sorted()
        let span = max(times.last! - times.first!, 10 * .second)
        // Cut the long idle gaps; the margins kept around them and at the ends are a fortieth of
        // what is left.
        let threshold = max(minimumBreak, span / 4)
        let gaps = zip(times, times.dropFirst()).filter { $1 - $0 > threshold }
        let drawn = span - gaps.reduce(SimTime(0)) { $0 + ($1.1 - $1.0) }
        let pad = max(drawn / 40, 2 * .second)
        let lo = times.first! - pad, hi = times.last! + pad
        let keep = max(pad, 30 * .second)
        let cuts = gaps.map { ($0.0 + keep, $0.1 - keep) }
        var pieces: [(SimTime, SimTime, Bool)] = []
        var cursor = lo
        for (a, b) in cuts {
            pieces.append((cursor, a, false))
            pieces.append((a, b, true))
            cursor = b
        }
        pieces.append((cursor, hi, false))
        self.stretches = pieces.filter { !$0.2 }.map { Stretch(from: $0.0, to: $0.1) }
        // Every second in which something happens gets `bump` extra pixels, so that events a few
        // seconds apart do not sit on top of each other (the axis stays monotonic and exact).
        let seconds = Array(Set(times.map { Self.floorDiv($0, 1000) })).sorted()
        let bump = seconds.isEmpty ? 0 : min(secondBump, (x1 - x0) * 0.3 / Double(seconds.count))
        var split: [(SimTime, SimTime, Bool, Bool)] = []  // from, to, cut, busy second
        for (a, b, cut) in pieces {
            guard !cut else { split.append((a, b, true, false)); continue }
            var c = a
            for sec in seconds where sec * 1000 + 1000 > a && sec * 1000 < b {
                let s0 = max(a, sec * 1000), s1 = min(b, sec * 1000 + 1000)
                if s0 > c { split.append((c, s0, false, false)) }
                split.append((s0, s1, false, true))
                c = s1
            }
            if c < b { split.append((c, b, false, false)) }
        }
        let linear = pieces.filter { !$0.2 }.reduce(SimTime(0)) { $0 + ($1.1 - $1.0) }
        let busy = Double(split.filter(\.3).count)
        let room = max(1, (x1 - x0) - Double(cuts.count) * breakWidth - busy * bump)
        let scale = room / Double(max(linear, 1))
        self.scale = scale
        var x = x0
        var segments: [Segment] = []
        for (a, b, cut, isBusy) in split {
            let width = cut ? breakWidth : Double(b - a) * scale + (isBusy ? bump : 0)
            segments.append(Segment(from: a, to: b, x0: x, x1: x + width, isBreak: cut))
            x += width
        }
        self.segments = segments
    }

    /// A drawn-to-scale stretch between breaks.
    struct Stretch: Sendable, Hashable {
        var from: SimTime
        var to: SimTime
    }

    private let stretches: [Stretch]

    static func floorDiv(_ a: SimTime, _ b: SimTime) -> SimTime { a >= 0 ? a / b : -((-a + b - 1) / b) }

    public var from: SimTime { segments.first!.from }
    public var to: SimTime { segments.last!.to }
    public var x0: Double { segments.first!.x0 }
    public var x1: Double { segments.last!.x1 }
    public var breaks: [Segment] { segments.filter(\.isBreak) }

    /// The x of a time; inside a break, proportionally across the gap; outside the range, clamped.
    public func x(_ t: SimTime) -> Double {
        guard let seg = segments.first(where: { t < $0.to }) ?? segments.last else { return 0 }
        if t <= seg.from { return seg.x0 }
        if t >= seg.to { return seg.x1 }
        return seg.x0 + (seg.x1 - seg.x0) * Double(t - seg.from) / Double(max(1, seg.to - seg.from))
    }

    /// The labelled step: the smallest that leaves `minimumSpacing` pixels between labels.
    public func majorStep(minimumSpacing: Double = 72) -> SimTime {
        let epochMs = startEpochSeconds * 1000
        return Self.steps.first { step in
            guard Double(step) * scale * 4 >= minimumSpacing else { return false }  // not even close
            for stretch in stretches {
                var tAbs = Self.floorDiv(epochMs + stretch.from, step) * step
                if tAbs < epochMs + stretch.from { tAbs += step }
                var last: Double?
                while tAbs - epochMs <= stretch.to {
                    let x = self.x(tAbs - epochMs)
                    if let last, x - last < minimumSpacing { return false }
                    last = x
                    tAbs += step
                }
            }
            return true
        } ?? Self.steps.last!
    }

    /// Major ticks with clock labels and minor ticks between them, on the drawn-to-scale stretches.
    public func ticks(minimumSpacing: Double = 72) -> [Tick] {
        let major = majorStep(minimumSpacing: minimumSpacing)
        let minor = Self.steps.last { $0 < major && major % $0 == 0 && Double($0) * scale >= 14 } ?? major
        let epochMs = startEpochSeconds * 1000
        var out: [Tick] = []
        for stretch in stretches {
            let absFrom = epochMs + stretch.from
            var tAbs = Self.floorDiv(absFrom, minor) * minor
            if tAbs < absFrom { tAbs += minor }
            while tAbs - epochMs <= stretch.to {
                let t = tAbs - epochMs
                let x = self.x(t)
                let nearBreak = breaks.contains { abs($0.x0 - x) < 48 || abs($0.x1 - x) < 48 }
                let isMajor = tAbs % major == 0 && !nearBreak
                out.append(Tick(at: t, x: x, label: isMajor ? label(t, step: major) : "", major: isMajor))
                tAbs += minor
            }
        }
        return out
    }

    /// `11:03:00`, or `11:03:00.500` when ticks are closer than a second.
    func label(_ t: SimTime, step: SimTime) -> String {
        let full = RFC3339.clockTime(epochSeconds: startEpochSeconds, plusMilliseconds: t)
        if step < 1000 { return full }
        return String(full.prefix(8))
    }
}
