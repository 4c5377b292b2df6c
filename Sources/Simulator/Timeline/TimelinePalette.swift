import ClusterStateMachine

/// The picture's colours and fonts, in one place: one colour per actor, and a red that nothing
/// else uses for clobbers and lost writes.
public enum TimelinePalette {
    public static let rancherPerson = "#2563eb"
    public static let consolePerson = "#9333ea"
    public static let rancherSpec = "#0f766e"
    public static let refresher = "#4d7c0f"
    public static let bridge = "#0e7490"
    public static let `operator` = "#b45309"
    public static let aws = "#475569"
    /// Clobbers that made a write lost, and the lost writes.
    public static let clobber = "#e11d48"
    /// Clobbers whose victim survived in the end.
    public static let transient = "#f59e0b"
    public static let refused = "#94a3b8"
    public static let ink = "#0f172a"
    public static let muted = "#64748b"
    public static let grid = "#e2e8f0"
    public static let laneEven = "#f8fafc"
    public static let laneOdd = "#ffffff"
    public static let lossBand = "#fecdd3"
    public static let safeBand = "#dcfce7"

    /// System fonts only: nothing is fetched.
    public static let sans = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"
    public static let mono = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace"

    /// The colour of an actor's marks.
    public static func color(of actor: Actor) -> String {
        switch actor {
        case .rancher: rancherPerson
        case .console: consolePerson
        case .bridge: bridge
        case .operator: `operator`
        case .refresher: refresher
        case .aws: aws
        }
    }
}
