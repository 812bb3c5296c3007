// swift-tools-version: 5.4
// libFuzzer targets over the library modules, in their own package so that `swift test` on the
// main package never builds them. Run through ../scripts/fuzz.sh (it builds with
// `-sanitize=fuzzer,address`). Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an
// executable's `main` (`--defsym main=<target>_main`), which clashes with libFuzzer's own `main`.
import PackageDescription

let package = Package(
    name: "MekongFuzz",
    dependencies: [.package(name: "Mekong", path: "..")],
    targets: [
        // The scratch folder, invariant checks and paths shared by the targets.
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "segment",
            dependencies: [
                "FuzzSupport",
                .product(name: "MekongSegmentation", package: "Mekong"),
                .product(name: "MekongText", package: "Mekong"),
            ]
        ),
        .executableTarget(
            name: "glossary-tsv",
            dependencies: [
                "FuzzSupport",
                .product(name: "MekongGlossary", package: "Mekong"),
                .product(name: "MekongText", package: "Mekong"),
            ]
        ),
        .executableTarget(
            name: "csv",
            dependencies: [
                "FuzzSupport",
                .product(name: "MekongGlossary", package: "Mekong"),
                .product(name: "MekongText", package: "Mekong"),
            ]
        ),
        .executableTarget(
            name: "xml",
            dependencies: [
                "FuzzSupport",
                .product(name: "MekongExchange", package: "Mekong"),
                .product(name: "MekongGlossary", package: "Mekong"),
                .product(name: "MekongText", package: "Mekong"),
            ]
        ),
        .executableTarget(
            name: "srx",
            dependencies: [
                "FuzzSupport",
                .product(name: "MekongSegmentation", package: "Mekong"),
                .product(name: "MekongText", package: "Mekong"),
            ]
        ),
        .executableTarget(
            name: "check",
            dependencies: [
                "FuzzSupport",
                .product(name: "MekongChecks", package: "Mekong"),
                .product(name: "MekongGlossary", package: "Mekong"),
                .product(name: "MekongText", package: "Mekong"),
            ]
        ),
    ]
)
