import ClusterStateMachine
import Simulator

extension PolicyComparison {
    /// `{"profile", "policies": [{name, realCounterpart}], "scenarios", "cells": [...], "totals": [...]}`.
    public var json: JSONValue {
        .object([
            ("profile", profile.map(JSONValue.string) ?? .null),
            ("policies", .array(policies.map { .object([("name", .string($0.rawValue)), ("realCounterpart", .string($0.realCounterpart))]) })),
            ("scenarios", .array(scenarios.map(JSONValue.string))),
            ("cells", .array(cells.joined().map(\.json))),
            ("totals", .array(policies.indices.map { j in
                let t = totals(j)
                var pairs: [(String, JSONValue)] = [
                    ("policy", .string(policies[j].rawValue)),
                    ("lostWrites", .int(Int64(t.lostWrites))),
                    ("scenariosWithLoss", .int(Int64(t.scenariosWithLoss))),
                    ("conflictsSurfaced", .int(Int64(t.conflictsSurfaced))),
                    ("revertedByPolicy", .int(Int64(t.revertedByPolicy))),
                ]
                if let u = t.unrequestedChanges { pairs.append(("unrequestedChanges", .int(Int64(u)))) }
                pairs.append(("apiCalls", .int(Int64(t.apiCalls))))
                return .object(pairs)
            })),
        ])
    }
}

extension PolicyCell {
    var json: JSONValue {
        func writes(_ list: [ExpectedLostWrite]) -> JSONValue {
            .array(list.map { .object([("actor", .string($0.actor.rawValue)), ("field", .string($0.field.raw))]) })
        }
        var pairs: [(String, JSONValue)] = [
            ("scenario", .string(scenario)),
            ("policy", .string(policy)),
            ("profile", .string(profile)),
            ("lostWrites", writes(lostWrites)),
            ("conflictsSurfaced", .int(Int64(conflictsSurfaced))),
            ("revertedByPolicy", writes(revertedByPolicy)),
        ]
        if let u = unrequestedChanges { pairs.append(("unrequestedChanges", .int(Int64(u)))) }
        pairs.append(("apiCalls", .int(Int64(apiCalls))))
        pairs.append(("settled", .bool(settled)))
        return .object(pairs)
    }
}
