/// Simulated time: milliseconds since the scenario's start (offset 0).
///
/// Integer time keeps every run exact and makes race windows computable: an event time is either
/// independent of a moved step's offset or of the form `base + offset`.
public typealias SimTime = Int64

extension SimTime {
    /// Milliseconds in one second.
    public static let second: SimTime = 1_000
    /// Milliseconds in one minute.
    public static let minute: SimTime = 60_000
}
