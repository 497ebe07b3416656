// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "hark",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hark", targets: ["hark"]),
        .library(name: "HarkCore", targets: ["HarkCore"]),
        .library(name: "HarkAudio", targets: ["HarkAudio"]),
        .library(name: "HarkSuites", targets: ["HarkSuites"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // System libraries: a modulemap and a shim header each, nothing else.
        .systemLibrary(
            name: "CSndFile", pkgConfig: "sndfile",
            providers: [.apt(["libsndfile1-dev"]), .brew(["libsndfile"])]),
        .systemLibrary(
            name: "CSoxr", pkgConfig: "soxr",
            providers: [.apt(["libsoxr-dev"]), .brew(["libsoxr"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .systemLibrary(
            name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]),
        // glibc calls Swift's Glibc module lacks: mallopt, sync_file_range (Linux only).
        .systemLibrary(name: "CGlibc"),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),

        .target(
            name: "HarkCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings,
            plugins: ["GitRevision"]),
        .target(
            name: "HarkAudio",
            dependencies: ["HarkCore", "CSndFile", "CSoxr"],
            swiftSettings: strictSettings),
        // Knows nothing of hark: a Parquet reader over zlib and zstd.
        .target(name: "HarkParquet", dependencies: ["CZlib", "CZstd"], swiftSettings: strictSettings),
        .target(
            name: "HarkYAML",
            dependencies: ["HarkCore", "Yams"],
            swiftSettings: strictSettings),
        .target(
            name: "HarkSuites",
            dependencies: ["HarkCore", "HarkAudio", "HarkParquet", "HarkYAML", "Yams"],
            swiftSettings: strictSettings),
        .target(
            name: "HarkModels",
            dependencies: [
                "HarkCore", "HarkAudio", "HarkYAML", "Yams",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSettings),
        // Tables generated from reference implementations (scripts/golden/make_*_data.py); nothing else.
        .target(name: "HarkScoringData", swiftSettings: strictSettings),
        .target(
            name: "HarkScoring",
            dependencies: ["HarkCore", "HarkScoringData"],
            swiftSettings: strictSettings),
        .target(
            name: "HarkRecords",
            dependencies: ["HarkCore", .target(name: "CGlibc", condition: .when(platforms: [.linux]))],
            swiftSettings: strictSettings),
        .target(
            name: "HarkReports",
            dependencies: ["HarkCore", "HarkScoring", "HarkRecords", "HarkYAML", "CLibXML2", "Yams"],
            swiftSettings: strictSettings),
        .target(
            name: "HarkGate",
            dependencies: ["HarkCore", "HarkScoring", "HarkRecords", "HarkYAML", "Yams"],
            swiftSettings: strictSettings),
        .target(
            name: "HarkRun",
            dependencies: [
                "HarkCore", "HarkAudio", "HarkSuites", "HarkModels", "HarkRecords",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "HarkApp",
            dependencies: [
                "HarkCore", "HarkAudio", "HarkYAML", "HarkSuites", "HarkModels", "HarkScoring", "HarkRecords",
                "HarkRun", "HarkReports",
                "HarkGate",
            ],
            swiftSettings: strictSettings),
        .target(
            name: "HarkTestSupport",
            dependencies: ["HarkCore", "HarkAudio"],
            swiftSettings: strictSettings),

        .plugin(name: "GitRevision", capability: .buildTool()),

        .target(
            name: "HarkCommands",
            dependencies: [
                "HarkCore", "HarkAudio", "HarkSuites", "HarkModels", "HarkRecords", "HarkRun", "HarkScoring",
                "HarkReports",
                "HarkGate", "HarkApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "hark",
            dependencies: ["HarkCommands", .target(name: "CGlibc", condition: .when(platforms: [.linux]))],
            swiftSettings: strictSettings),
        .target(
            name: "HarkTesting",
            dependencies: ["HarkCommands", "HarkModels", "HarkTestSupport"],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "hark-bench",
            dependencies: [
                "HarkAudio", "HarkParquet", "HarkSuites", "HarkModels", "HarkRecords", "HarkRun", "HarkScoring",
                "HarkReports", "HarkGate", "HarkApp",
                "HarkTestSupport", "CSndFile", "CSoxr",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),

        .testTarget(
            name: "HarkCoreTests",
            dependencies: ["HarkCore", "HarkTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HarkAudioTests",
            dependencies: ["HarkAudio", "HarkTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HarkParquetTests",
            dependencies: ["HarkParquet", "HarkCore"],
            exclude: ["Golden"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HarkSuitesTests",
            dependencies: ["HarkSuites", "HarkTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HarkScoringTests",
            dependencies: ["HarkScoring", "HarkScoringData", "HarkTestSupport"],
            exclude: ["Golden"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HarkReportsTests",
            dependencies: ["HarkReports", "HarkRecords", "HarkTestSupport"],
            exclude: ["Golden"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HarkGateTests",
            dependencies: ["HarkGate", "HarkRecords", "HarkTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HarkModelsTests",
            dependencies: ["HarkModels", "HarkRecords", "HarkRun", "HarkApp", "HarkTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HarkRunTests",
            dependencies: ["HarkRun", "HarkRecords", "HarkApp", "HarkModels", "HarkTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HarkCLITests",
            dependencies: [
                "HarkTestSupport", "HarkTesting", "HarkCommands", "HarkModels", "HarkRecords", "HarkRun", "HarkApp",
                "HarkSuites",
                "HarkReports",
                "HarkGate", "hark", "Yams",
            ],
            exclude: ["Golden"],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
