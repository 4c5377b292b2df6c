import ClusterStateMachine
import XCTest

/// Field paths as scenarios and reports spell them (CONTRACT.md, "Field paths").
final class FieldPathTests: XCTestCase {
    func testValidPathsRoundTrip() throws {
        for text in ["privateAccess", "tags", "tags.env", "tags.kubernetes.io/role", "nodeGroups", "nodeGroups.ng1",
                     "nodeGroups.ng1.desiredSize", "nodeGroups.ng1.labels.team", "nodeGroups.ng1.tags.a.b", "loggingTypes"] {
            let path = try FieldPath(parsing: text)
            XCTAssertEqual(path.description, text)
            XCTAssertEqual(try JSONDecoder().decode(FieldPath.self, from: JSONEncoder().encode(path)), path)
        }
    }

    func testInvalidPathsSayWhatWasExpected() {
        let cases: [(String, String)] = [
            ("privateAcess", "unknown field \"privateAcess\""),
            ("privateAccess.x", "privateAccess has no sub-fields"),
            ("nodeGroups.ng1.size", "unknown node group field"),
            ("nodeGroups.ng1.desiredSize.x", "desiredSize has no sub-fields"),
            ("tags.", "empty map key"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try FieldPath(parsing: text), text) { error in
                XCTAssertTrue("\(error)".contains(message), "\(text): \(error)")
            }
        }
    }

    func testParentsFollowTheSchemaNotTheDots() {
        XCTAssertEqual(FieldPath("tags.kubernetes.io/role").parent, "tags")
        XCTAssertEqual(FieldPath("nodeGroups.ng1.labels.a.b").parent, "nodeGroups.ng1.labels")
        XCTAssertEqual(FieldPath("nodeGroups.ng1.desiredSize").parent, "nodeGroups.ng1")
        XCTAssertEqual(FieldPath("nodeGroups.ng1").parent, "nodeGroups")
        XCTAssertNil(FieldPath("privateAccess").parent)
        XCTAssertEqual(FieldPath("nodeGroups.ng1.labels.x").nodeGroupName, "ng1")
        XCTAssertEqual(FieldPath("tags.env").topLevel, "tags")
    }

    func testAMapEntryHasNoChildrenWhateverDotsItsKeyHolds() {
        XCTAssertFalse(FieldPath("tags.team.owner").isWithin("tags.team"))
        XCTAssertFalse(FieldPath("tags.team").touches("tags.team.owner"))
        XCTAssertTrue(FieldPath("tags.team.owner").isWithin("tags"))
        XCTAssertFalse(FieldPath("nodeGroups.ng1.labels.a.b").isWithin("nodeGroups.ng1.labels.a"))
        XCTAssertTrue(FieldPath("nodeGroups.ng1.labels.a.b").isWithin("nodeGroups.ng1"))
        XCTAssertTrue(FieldPath("tags.env").isMapEntry)
        XCTAssertTrue(FieldPath("nodeGroups.ng1.labels.x").isMapEntry)
        XCTAssertFalse(FieldPath("nodeGroups.ng1").isMapEntry)
        XCTAssertFalse(FieldPath("nodeGroups.ng1.labels").isMapEntry)
        XCTAssertFalse(FieldPath("tags").isMapEntry)
    }

    func testAPathTouchesItsParentsAndChildrenOnly() {
        XCTAssertTrue(FieldPath("tags.env").touches("tags"))
        XCTAssertTrue(FieldPath("tags").touches("tags.env"))
        XCTAssertFalse(FieldPath("tags.env").touches("tags.environment"))
        XCTAssertFalse(FieldPath("tags").touches("tagsExtra"))
        XCTAssertTrue(FieldPath("nodeGroups.ng1.desiredSize").touches("nodeGroups"))
        XCTAssertFalse(FieldPath("nodeGroups.ng1").touches("nodeGroups.ng10"))
    }
}
