import ClusterStateMachine
import XCTest

/// Large documents (indexed by group) and long queues (a heap) answer exactly what a plain scan of
/// the same entries or items answers.
final class LargeStructureTests: XCTestCase {
    /// 40 node groups with labels and tags: far beyond the size where the index is kept.
    func largeDocument() -> SpecDocument {
        var entries: [String: Entry] = [
            "tags": Entry(.container, origin: .initial, readAt: 0),
            "tags.team": Entry(.string("platform"), origin: .initial, readAt: 0),
            "tags.kubernetes.io/role": Entry(.string("x"), origin: .initial, readAt: 0),
            "nodeGroups": Entry(.container, origin: .initial, readAt: 0),
            "privateAccess": Entry(.bool(false), origin: .initial, readAt: 0),
        ]
        for i in 0..<40 {
            let base = "nodeGroups.ng\(i)"
            entries[base] = Entry(.container, origin: .initial, readAt: 0)
            entries[base + ".desiredSize"] = Entry(.int(i), origin: WriteID(i), readAt: 0)
            entries[base + ".labels"] = Entry(.container, origin: .initial, readAt: 0)
            entries[base + ".labels.a.b"] = Entry(.string("c\(i)"), origin: .initial, readAt: 0)
        }
        entries["nodeGroups.ng7.desiredSize"] = Entry(nil, origin: WriteID(99), readAt: 5)
        return SpecDocument(entries: entries)
    }

    func scan(_ doc: SpecDocument, within path: FieldPath) -> [String: Entry] {
        doc.entries.filter { FieldPath(unchecked: $0.key).isWithin(path) }
    }

    let paths: [FieldPath] = ["tags", "tags.team", "nodeGroups", "nodeGroups.ng1", "nodeGroups.ng10",
                              "nodeGroups.ng1.labels", "nodeGroups.ng1.labels.a.b", "privateAccess", "nodeGroups.ng99"]

    func testReadsMatchAScanOfEveryEntry() {
        let doc = largeDocument()
        for path in paths {
            XCTAssertEqual(doc.subtree(path), scan(doc, within: path), path.raw)
            XCTAssertEqual(doc.values(under: path), scan(doc, within: path).compactMapValues(\.value), path.raw)
        }
        XCTAssertEqual(doc.nodeGroupNames, (0..<40).map { "ng\($0)" }.sorted())
        XCTAssertEqual(doc.map("nodeGroups.ng3.labels"), ["a.b": "c3"])
        XCTAssertEqual(doc.children(of: "nodeGroups.ng7").map(\.key), ["labels"], "a tombstone is not a live child")
    }

    func testChangesMatchRemovingEachSubtreeInTurn() {
        let doc = largeDocument()
        let change = SubtreeChange(replaced: ["nodeGroups.ng1", "tags", "nodeGroups.ng2.labels", "nodeGroups.ng1"],
                                   entries: ["tags": Entry(.container, origin: WriteID(5), readAt: 9),
                                             "nodeGroups.ng1": Entry(nil, origin: WriteID(5), readAt: 9)])
        var expected = doc.entries
        for path in change.replaced {
            for key in Array(expected.keys) where FieldPath(unchecked: key).isWithin(path) { expected[key] = nil }
        }
        expected.merge(change.entries) { _, new in new }
        var changed = doc
        changed.apply(change)
        XCTAssertEqual(changed.entries, expected)
        XCTAssertEqual(changed.subtree("nodeGroups.ng1"), ["nodeGroups.ng1": Entry(nil, origin: WriteID(5), readAt: 9)])
        XCTAssertEqual(changed.subtree("tags").count, 1)

        // The difference between the two documents, applied, gives the new one; it stores only what changed.
        let difference = doc.difference(to: changed)
        var rebuilt = doc
        rebuilt.apply(difference)
        XCTAssertEqual(rebuilt, changed)
        XCTAssertLessThan(difference.entries.count, 10)
        XCTAssertEqual(changed.difference(to: changed), SubtreeChange())
    }

    func testALongQueueRunsInTheOrderOfAShortOne() {
        var generator = SplitMix64(seed: 7)
        var pending = PendingWork()
        var reference: [WorkItem] = []
        for seq in 0..<200 {
            let kind: WorkKind = seq % 7 == 0 ? .operatorReconcile : seq % 5 == 0 ? .refresherTick : .step(seq)
            let item = WorkItem(seq: seq, at: SimTime(generator.next() % 50), kind: kind, moves: false)
            pending.insert(item)
            reference.append(item)
            if seq % 3 == 0, let victim = reference.randomElement(using: &generator) {
                pending.remove(seq: victim.seq)
                reference.removeAll { $0.seq == victim.seq }
            }
        }
        XCTAssertEqual(Array(pending), reference, "iteration in insertion order")
        XCTAssertEqual(pending.first(.operatorReconcile), reference.first { $0.kind == .operatorReconcile })
        while let next = pending.next {
            let expected = reference.min { ($0.at, $0.kind.isStep ? 1 : 0, $0.seq) < ($1.at, $1.kind.isStep ? 1 : 0, $1.seq) }
            XCTAssertEqual(next, expected)
            pending.remove(seq: next.seq)
            reference.removeAll { $0.seq == next.seq }
            XCTAssertEqual(pending.onlyRefresherTicks, reference.allSatisfy { $0.kind == .refresherTick })
        }
        XCTAssertTrue(reference.isEmpty)
    }
}

/// A small deterministic generator for the test (splitmix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
