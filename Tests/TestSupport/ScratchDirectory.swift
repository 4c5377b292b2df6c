import Foundation
import XCTest

/// A fresh temporary folder for one test, removed when the test ends.
public enum ScratchDirectory {
    /// Creates `<tmp>/<prefix>-<uuid>` and registers its removal on `test`'s teardown.
    public static func make(_ prefix: String, for test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
