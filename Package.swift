// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "eks-sync-sim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "simctl", targets: ["simctl"]),
        .library(name: "EventStore", targets: ["EventStore"]),
        .library(name: "ClusterStateMachine", targets: ["ClusterStateMachine"]),
        .library(name: "SyncEngine", targets: ["SyncEngine"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "Fleet", targets: ["Fleet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "EventStore", dependencies: ["CSQLite"]),
        .target(name: "ClusterStateMachine"),
        .target(name: "SyncEngine", dependencies: ["ClusterStateMachine"]),
        .target(
            name: "Simulator",
            dependencies: [
                "SyncEngine", "ClusterStateMachine", "EventStore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        // What-if sync policies compared on many scenarios (`simctl compare`).
        .target(name: "PolicyComparison", dependencies: ["Simulator", "SyncEngine", "ClusterStateMachine"]),
        .target(
            name: "Audit",
            dependencies: [
                "Simulator", "SyncEngine", "ClusterStateMachine", "EventStore", "CZlib",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "Fleet",
            dependencies: [
                "Simulator", "SyncEngine", "ClusterStateMachine", "EventStore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        .target(name: "Explore", dependencies: ["Simulator", "SyncEngine", "ClusterStateMachine"]),
        .target(
            name: "Benchmarks",
            dependencies: ["EventStore", "CSQLite", "ClusterStateMachine", "Simulator", "SyncEngine", "Fleet"],
            path: "Benchmarks"
        ),
        .executableTarget(
            name: "simctl",
            dependencies: [
                "Simulator", "SyncEngine", "EventStore", "ClusterStateMachine", "Benchmarks", "PolicyComparison", "Audit", "Fleet", "Explore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Child process for EventStoreTests' crash test (SIGKILLed mid-append); not a product.
        .executableTarget(name: "eventstore-stress", dependencies: ["EventStore"]),
        // The scenario loader under libFuzzer (.ci/fuzz builds it with -sanitize=fuzzer); built
        // normally, it replays saved inputs. Not a product.
        .executableTarget(name: "scenario-fuzz", dependencies: ["Simulator"]),
        // What the test targets share: running the built simctl, scratch folders.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "CSQLite", "eventstore-stress"]),
        .testTarget(name: "StateMachineTests", dependencies: ["ClusterStateMachine", "SyncEngine"]),
        .testTarget(name: "RaceConditionTests", dependencies: ["TestSupport", "Simulator", "SyncEngine", "ClusterStateMachine", "EventStore", "simctl"]),
        .testTarget(name: "AWSModelTests", dependencies: ["Simulator", "SyncEngine", "ClusterStateMachine"]),
        .testTarget(name: "TimelineTests", dependencies: ["TestSupport", "Simulator", "ClusterStateMachine", "simctl"]),
        .testTarget(name: "AuditTests", dependencies: ["TestSupport", "Audit", "Simulator", "SyncEngine", "ClusterStateMachine", "EventStore", "simctl"]),
        .testTarget(name: "ExploreTests", dependencies: ["Explore", "Simulator", "SyncEngine", "ClusterStateMachine"]),
        .testTarget(name: "BenchmarkTests", dependencies: ["Benchmarks", "ClusterStateMachine"]),
        .testTarget(name: "FleetTests", dependencies: ["TestSupport", "Fleet", "Simulator", "SyncEngine", "ClusterStateMachine", "EventStore", "simctl"]),
        .testTarget(name: "PolicyTests", dependencies: ["TestSupport", "PolicyComparison", "Simulator", "SyncEngine", "ClusterStateMachine", "simctl"]),
    ]
)
