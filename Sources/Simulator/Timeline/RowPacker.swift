/// Puts boxes into rows so that no two boxes in a row overlap: each box goes into the first row
/// with room for it (label collision avoidance by staggering).
public struct RowPacker: Sendable {
    /// A horizontal extent.
    public struct Span: Sendable, Hashable {
        public var x0: Double
        public var x1: Double
        public init(_ x0: Double, _ x1: Double) { self.x0 = min(x0, x1); self.x1 = max(x0, x1) }
        public func overlaps(_ other: Span, gap: Double = 0) -> Bool { x0 < other.x1 + gap && other.x0 < x1 + gap }
    }

    public private(set) var rows: [[Span]] = []
    /// The space kept between two boxes in a row.
    public let gap: Double
    /// No more rows than this (nil: as many as needed).
    public let maxRows: Int?

    public init(gap: Double = 6, maxRows: Int? = nil) {
        self.gap = gap
        self.maxRows = maxRows
    }

    /// The first row with room for `span` (a new row if allowed), or nil when every allowed row is taken.
    public func row(for span: Span) -> Int? {
        for (r, row) in rows.enumerated() where !row.contains(where: { $0.overlaps(span, gap: gap) }) { return r }
        if let maxRows, rows.count >= maxRows { return nil }
        return rows.count
    }

    /// Places `span` in `row` (rows up to it are created).
    public mutating func place(_ span: Span, in row: Int) {
        while rows.count <= row { rows.append([]) }
        rows[row].append(span)
    }

    /// Places `span` in the first row with room; nil when none.
    public mutating func add(_ span: Span) -> Int? {
        guard let r = row(for: span) else { return nil }
        place(span, in: r)
        return r
    }
}
