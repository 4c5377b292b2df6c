import Simulator
import XCTest

/// A small scenario the loader accepts, and the check that a variant of it is refused at the
/// expected place with the expected words (BadScenarioTests, LoadBoundsTests).
enum RejectedScenario {
    /// One node group and one console step; line 7 is the step's `at:`, line 9 its `set:` (one
    /// line later with a `start:`).
    static func base(name: String, start: String? = nil) -> String {
        """
        name: \(name)
        \(start.map { "start: \($0)\n" } ?? "")cluster:
          displayName: demo
          nodeGroups:
            - {nodegroupName: ng1}
        steps:
          - at: 1m
            actor: console
            set: {privateAccess: true}

        """
    }

    /// The loader's error for `yaml` read as `path`, or nil when it loads.
    static func rejection(_ yaml: String, path: String) -> ScenarioError? {
        do {
            _ = try ScenarioLoader.parse(yaml, path: path)
            return nil
        } catch {
            return error
        }
    }

    static func assertRejected(_ yaml: String, path: String, line: Int, column: Int?, contains text: String,
                               file: StaticString, fileLine: UInt) {
        guard let error = rejection(yaml, path: path) else { return XCTFail("accepted", file: file, line: fileLine) }
        XCTAssertEqual(error.file, path, file: file, line: fileLine)
        XCTAssertEqual(error.line, line, "\(error)", file: file, line: fileLine)
        if let column { XCTAssertEqual(error.column, column, "\(error)", file: file, line: fileLine) }
        XCTAssertTrue(error.message.contains(text), "\(error)", file: file, line: fileLine)
    }
}
