import ClusterStateMachine
import XCTest

/// `SpecDocument.apply` removes in one pass what removing each replaced subtree in turn would.
final class SubtreeRemovalTests: XCTestCase {
    let w1 = WriteID(1), w2 = WriteID(2)

    /// Removing each replaced subtree in turn, then storing the entries: the documented meaning.
    func expected(_ doc: SpecDocument, _ change: SubtreeChange) -> [String: Entry] {
        var entries = doc.entries
        for path in change.replaced {
            for key in Array(entries.keys) where FieldPath(unchecked: key).isWithin(path) { entries[key] = nil }
        }
        entries.merge(change.entries) { _, new in new }
        return entries
    }

    func entry(_ s: String, _ origin: WriteID = .initial) -> Entry { Entry(.string(s), origin: origin, readAt: 0) }

    var document: SpecDocument {
        SpecDocument(entries: [
            "displayName": entry("demo"), "region": entry("us-west-2"),
            "privateAccess": Entry(.bool(false), origin: .initial, readAt: 0),
            "tags": Entry(.container, origin: .initial, readAt: 0), "tags.team": entry("platform"),
            "tags.kubernetes.io/role": entry("x"), "tags.Kelvin\u{212A}": entry("k"),
            "tagsExtra": entry("not under tags"),
            "nodeGroups": Entry(.container, origin: .initial, readAt: 0),
            "nodeGroups.ng1": Entry(.container, origin: .initial, readAt: 0),
            "nodeGroups.ng1.desiredSize": Entry(.int(2), origin: .initial, readAt: 0),
            "nodeGroups.ng1.labels": Entry(.container, origin: .initial, readAt: 0),
            "nodeGroups.ng1.labels.a.b": entry("c"),
            "nodeGroups.ng10.desiredSize": Entry(.int(1), origin: .initial, readAt: 0),
        ])
    }

    func testOnePassRemovalMatchesRemovingEachSubtreeInTurn() {
        let changes: [SubtreeChange] = [
            SubtreeChange(replaced: ["tags"], entries: ["tags": Entry(.container, origin: w1, readAt: 1), "tags.env": entry("prod", w1)]),
            SubtreeChange(replaced: ["nodeGroups.ng1", "tags.team"]),
            SubtreeChange(replaced: ["nodeGroups.ng1.labels", "privateAccess", "nodeGroups.ng1.labels"]),
            SubtreeChange(replaced: ["tags.Kelvin\u{212A}", "tags.kubernetes.io"], entries: ["region": entry("eu-west-1", w2)]),
            SubtreeChange(replaced: ["absent", "nodeGroups.ng"]),
            SubtreeChange(replaced: ["tags.KelvinK"]),  // canonically equal to the key spelled with U+212A
            SubtreeChange(replaced: [], entries: ["tags.new": entry("v", w2)]),
            // Every key replaced: the whole document goes, then the new entries come in.
            SubtreeChange(replaced: ["displayName", "nodeGroups", "nodeGroups.ng10", "privateAccess", "region", "tags", "tagsExtra"],
                          entries: ["displayName": entry("other", w2)]),
            SubtreeChange(replaced: ["displayName", "nodeGroups", "privateAccess", "region", "tags", "tagsExtra"]),
        ]
        for (i, change) in changes.enumerated() {
            var doc = document
            doc.apply(change)
            XCTAssertEqual(doc.entries, expected(document, change), "change \(i)")
            var single = document
            for path in change.replaced { single.removeSubtree(path) }
            XCTAssertEqual(single.entries, expected(document, SubtreeChange(replaced: change.replaced)), "removeSubtree, change \(i)")
        }
    }

    func testOnlyPathsWithADotCanBeMapEntries() {
        for name in FieldSchema.cluster.map(\.name) + ["", "x", "tagsExtra"] {
            XCTAssertFalse(FieldPath(unchecked: name).isMapEntry, name)
        }
        XCTAssertTrue(FieldPath(unchecked: "tags.team").isMapEntry)
        XCTAssertTrue(FieldPath(unchecked: "tags.").isMapEntry)
        XCTAssertTrue(FieldPath(unchecked: "nodeGroups.ng1.labels.a.b").isMapEntry)
        XCTAssertFalse(FieldPath(unchecked: "nodeGroups.ng1.desiredSize").isMapEntry)
        XCTAssertTrue(FieldPath(unchecked: "tags.team.owner").isWithin("tags"))
        XCTAssertFalse(FieldPath(unchecked: "tags.team.owner").isWithin("tags.team"))
    }

    func testRemovalLeavesACopyOfTheDocumentUntouched() {
        let original = document
        var copy = original
        copy.apply(SubtreeChange(replaced: ["tags", "nodeGroups"]))
        copy.removeSubtree("region")
        XCTAssertEqual(original, document, "value semantics: the copy's removals never reach the original")
        XCTAssertEqual(Set(copy.entries.keys), ["displayName", "privateAccess", "tagsExtra"])
    }
}
