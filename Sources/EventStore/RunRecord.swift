/// One simulator run: which scenario, profile and seed produced which stream.
public struct RunRecord: Sendable, Hashable, Codable {
    /// Assigned by the store on `insertRun`; the value passed in is ignored.
    public var id: Int64
    /// The scenario's `name`.
    public var scenarioName: String
    /// The scenario file's full YAML text, so the run can be replayed without the file.
    public var scenarioSource: String
    /// The path the scenario was read from.
    public var sourcePath: String
    /// The profile the run used.
    public var profile: String
    /// The random seed the run used.
    public var seed: UInt64
    /// The version of the tool that made the run.
    public var toolVersion: String
    /// The stream the run's events were appended to.
    public var streamId: String
    /// JSON text of extra options (for example command-line overrides).
    public var options: String

    /// Creates a run record; `id` defaults to 0 and is assigned by the store.
    public init(
        id: Int64 = 0, scenarioName: String, scenarioSource: String, sourcePath: String,
        profile: String, seed: UInt64, toolVersion: String, streamId: String, options: String = "{}"
    ) {
        self.id = id
        self.scenarioName = scenarioName
        self.scenarioSource = scenarioSource
        self.sourcePath = sourcePath
        self.profile = profile
        self.seed = seed
        self.toolVersion = toolVersion
        self.streamId = streamId
        self.options = options
    }
}
