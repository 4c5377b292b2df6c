import ClusterStateMachine

/// What the timeline shows for one run, before any geometry: the marks, bars and clobber arrows
/// of each lane, computed from the run's log and the lost-write checker's findings.
public struct TimelineModel: Sendable {
    public var marks: [TimelineMark]
    public var bars: [TimelineBar]
    public var arrows: [TimelineArrow]
    /// For each arrow, the index in `marks` of its start (the stale read) and of its end.
    public var arrowEnds: [(from: Int, to: Int)]
    /// The refresher's ticks, drawn as faint guides across every lane.
    public var ticks: [SimTime]
    /// The offset the run ended at.
    public var end: SimTime
    /// The lost writes, numbered from 1 in this order (`Findings.lost`).
    public var lost: [LostWrite]

    public init(report: RunReport) {
        var builder = TimelineBuilder(report: report)
        builder.walk()
        var arrows = ClobberArrows(report: report, marks: builder.marks)
        arrows.build()
        self.marks = arrows.marks
        self.bars = builder.bars
        self.arrows = arrows.arrows
        self.arrowEnds = arrows.ends
        self.ticks = builder.ticks
        self.end = max(report.result.endedAt, builder.bars.map(\.to).max() ?? 0)
        self.lost = report.findings.lost
    }

    /// Every time the picture must show: marks, bar ends, arrow ends.
    public var anchors: [SimTime] {
        var times = marks.flatMap(\.times) + bars.flatMap { [$0.from, $0.to] + ($0.lagUntil.map { [$0] } ?? []) }
        times += arrows.flatMap { [$0.fromTime, $0.toTime] }
        return times
    }
}
