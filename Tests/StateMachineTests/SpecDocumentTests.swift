import ClusterStateMachine
import XCTest

/// A spec on one surface: values at paths, each with the origin of the write it came from.
final class SpecDocumentTests: XCTestCase {
    let w1 = WriteID(1), w2 = WriteID(2)

    func doc(_ values: [String: WriteValue], origin: WriteID = .initial) -> SpecDocument {
        var d = SpecDocument()
        for (key, value) in values {
            d.replaceSubtree(FieldPath(unchecked: key), with: value.entries(at: FieldPath(unchecked: key), origin: origin, readAt: 0))
        }
        return d
    }

    func testReadingAndWritingValuesAtPaths() {
        var d = doc(["privateAccess": .leaf(.bool(false)), "tags": .map(["team": .leaf(.string("platform"))])])
        XCTAssertEqual(d.bool("privateAccess"), false)
        XCTAssertEqual(d.map("tags"), ["team": "platform"])
        XCTAssertTrue(d.isManaged("tags"))
        XCTAssertFalse(d.isManaged("loggingTypes"), "an absent key is nil: unmanaged")
        d.apply(SubtreeChange(entries: ["tags.env": Entry(.string("prod"), origin: w1, readAt: 5)]))
        XCTAssertEqual(d.map("tags"), ["team": "platform", "env": "prod"])
        XCTAssertEqual(d[FieldPath("tags.env")]?.origin, w1)
        XCTAssertEqual(d[FieldPath("tags.env")]?.readAt, 5)
    }

    func testARemovalIsATombstoneWithItsOwnOrigin() {
        var d = doc(["tags": .map(["a": .leaf(.string("1")), "b": .leaf(.string("2"))])])
        d.apply(SubtreeChange(entries: ["tags.b": Entry(nil, origin: w2, readAt: 9)]))
        XCTAssertEqual(d.map("tags"), ["a": "1"])
        XCTAssertEqual(d.effectiveEntry(at: "tags.b"), Entry(nil, origin: w2, readAt: 9))
    }

    func testAMissingKeyInsideAManagedMapIsAbsentSinceTheMapWasWritten() {
        let d = doc(["tags": .map(["a": .leaf(.string("1"))])], origin: w1)
        XCTAssertEqual(d.effectiveEntry(at: "tags.zzz")?.origin, w1)
        XCTAssertNil(d.effectiveEntry(at: "tags.zzz")?.value)
        XCTAssertNil(SpecDocument().effectiveEntry(at: "tags.zzz"), "no container, no claim")
    }

    func testProvenanceSurvivesAWholeKeyCopy() {
        // The refresher's and the bridge's copies move entries, origins and all.
        let aws = doc(["tags": .map(["a": .leaf(.string("1"))])], origin: w1)
        var spec = doc(["tags": .map(["old": .leaf(.string("x"))])])
        spec.replaceSubtree("tags", with: aws.subtree("tags"))
        XCTAssertEqual(spec.map("tags"), ["a": "1"])
        XCTAssertEqual(spec[FieldPath("tags.a")]?.origin, w1)
        XCTAssertEqual(spec[FieldPath("tags")]?.origin, w1)
        XCTAssertNil(spec[FieldPath("tags.old")], "whole-key replacement drops keys the source lacks")
    }

    func testTagKeysWithDotsAreEntriesOfTheirOwn() {
        var d = doc(["tags": .map(["team": .leaf(.string("a")), "team.owner": .leaf(.string("bob"))])])
        d.replaceSubtree("tags.team", with: ["tags.team": Entry(.string("b"), origin: w1, readAt: 0)])
        XCTAssertEqual(d.map("tags"), ["team": "b", "team.owner": "bob"])
        d.apply(SubtreeChange(replaced: ["tags.team"], entries: ["tags.team": Entry(nil, origin: w2, readAt: 0)]))
        XCTAssertEqual(d.map("tags"), ["team.owner": "bob"])
    }

    func testValueComparisonIgnoresOriginsAndTombstones() {
        var a = doc(["privateAccess": .leaf(.bool(true))], origin: w1)
        let b = doc(["privateAccess": .leaf(.bool(true))], origin: w2)
        XCTAssertTrue(a.sameValues(as: b))
        a.apply(SubtreeChange(entries: ["tags": Entry(.container, origin: w1, readAt: 0)]))
        XCTAssertFalse(a.sameValues(as: b))
        var c = b
        c.apply(SubtreeChange(entries: ["tags": Entry(.container, origin: w2, readAt: 0), "tags.x": Entry(nil, origin: w2, readAt: 0)]))
        XCTAssertTrue(a.sameValues(as: c), "a tombstone is not a value")
    }

    func testNodeGroupsAreKeyedByNameAndPrintedAsAList() {
        let d = doc(["nodeGroups": .map(["ng2": .map(["desiredSize": .leaf(.int(3))]), "ng1": .map(["desiredSize": .leaf(.int(2))])])])
        XCTAssertEqual(d.nodeGroupNames, ["ng1", "ng2"])
        XCTAssertEqual(d.json(at: "nodeGroups")?.description,
                       #"[{"nodegroupName":"ng1","desiredSize":2},{"nodegroupName":"ng2","desiredSize":3}]"#)
    }

    func testJSONUsesSpecNamesAndNullForUnmanagedFields() {
        let d = doc(["displayName": .leaf(.string("demo")), "privateAccess": .leaf(.bool(false))])
        let json = d.json(nullForMissing: true)
        XCTAssertEqual(json["privateAccess"], .bool(false))
        XCTAssertEqual(json["tags"], .null)
        XCTAssertEqual(json["displayName"], .string("demo"))
    }
}
