// swift-tools-version: 6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Mekong",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mekong", targets: ["mekong"]),
        .library(name: "MekongSegmentation", targets: ["MekongSegmentation"]),
        .library(name: "MekongXML", targets: ["MekongXML"]),
        .library(name: "MekongGlossary", targets: ["MekongGlossary"]),
        .library(name: "MekongChecks", targets: ["MekongChecks"]),
        .library(name: "MekongExchange", targets: ["MekongExchange"]),
        .library(name: "MekongTerminology", targets: ["MekongTerminology"]),
        .library(name: "MekongText", targets: ["MekongText"]),
        .library(name: "MekongJobs", targets: ["MekongJobs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: C
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),

        // MARK: Library
        .target(name: "MekongText", swiftSettings: swiftSettings),
        .target(name: "MekongXML", dependencies: ["MekongText", "CLibXML2"], swiftSettings: swiftSettings),
        .target(name: "MekongGlossary", dependencies: ["MekongText"], swiftSettings: swiftSettings),
        .target(
            name: "MekongExchange",
            dependencies: ["MekongText", "MekongXML", "MekongGlossary", "MekongSegmentation"],
            resources: [.copy("Resources/schemas")],
            swiftSettings: swiftSettings
        ),
        .target(name: "MekongTerminology", dependencies: ["MekongText", "MekongGlossary"], swiftSettings: swiftSettings),
        .target(name: "MekongChecks", dependencies: ["MekongText", "MekongGlossary"], swiftSettings: swiftSettings),
        .target(
            name: "MekongSegmentation",
            dependencies: ["MekongText", "MekongXML"],
            resources: [.copy("Resources/rules")],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "MekongJobs",
            dependencies: ["MekongText", "MekongXML", "MekongSegmentation", "MekongGlossary", "MekongChecks", "MekongExchange",
                           "MekongTerminology"],
            swiftSettings: swiftSettings
        ),

        // MARK: CLI
        .executableTarget(
            name: "mekong",
            dependencies: [
                "MekongText", "MekongSegmentation", "MekongGlossary", "MekongChecks", "MekongExchange", "MekongJobs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        .target(name: "MekongTestSupport", path: "Tests/MekongTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "MekongTextTests", dependencies: ["MekongText", "MekongTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "MekongXMLTests", dependencies: ["MekongXML", "MekongText", "MekongTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MekongSegmentationTests",
            dependencies: ["MekongSegmentation", "MekongText", "MekongXML", "MekongTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MekongGlossaryTests",
            dependencies: ["MekongGlossary", "MekongExchange", "MekongText", "MekongXML", "MekongTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MekongChecksTests",
            dependencies: ["MekongChecks", "MekongGlossary", "MekongText", "MekongTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MekongExchangeTests",
            dependencies: ["MekongExchange", "MekongXML", "MekongGlossary", "MekongSegmentation", "MekongText", "MekongTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MekongJobsTests",
            dependencies: ["MekongJobs", "MekongChecks", "MekongExchange", "MekongGlossary", "MekongText", "MekongTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "mekongTests",
            dependencies: ["mekong", "MekongTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
