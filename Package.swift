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
        .target(name: "MekongXML", dependencies: ["CLibXML2"], swiftSettings: swiftSettings),
        .target(name: "MekongGlossary", dependencies: ["MekongText", "MekongXML"], swiftSettings: swiftSettings),
        .target(
            name: "MekongExchange",
            dependencies: ["MekongText", "MekongXML", "MekongGlossary", "MekongChecks", "MekongSegmentation"],
            resources: [.copy("Resources/schemas")],
            swiftSettings: swiftSettings
        ),
        .target(name: "MekongTerminology", dependencies: ["MekongText", "MekongGlossary", "MekongChecks"], swiftSettings: swiftSettings),
        .target(name: "MekongChecks", dependencies: ["MekongText", "MekongGlossary"], swiftSettings: swiftSettings),
        .target(
            name: "MekongSegmentation",
            dependencies: ["MekongText", "MekongXML"],
            resources: [.copy("Resources/rules")],
            swiftSettings: swiftSettings
        ),

        // MARK: CLI
        .executableTarget(
            name: "mekong",
            dependencies: [
                "MekongText", "MekongSegmentation", "MekongGlossary", "MekongChecks", "MekongExchange", "MekongTerminology",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        .testTarget(name: "MekongTextTests", dependencies: ["MekongText"], swiftSettings: swiftSettings),
        .testTarget(name: "MekongXMLTests", dependencies: ["MekongXML"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MekongSegmentationTests",
            dependencies: ["MekongSegmentation", "MekongText", "MekongXML"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MekongGlossaryTests",
            dependencies: ["MekongGlossary", "MekongText", "MekongXML"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MekongChecksTests",
            dependencies: ["MekongChecks", "MekongGlossary", "MekongText"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MekongExchangeTests",
            dependencies: ["MekongExchange", "MekongXML", "MekongGlossary", "MekongChecks", "MekongSegmentation", "MekongText"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "mekongTests",
            dependencies: ["mekong"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
