// swift-tools-version: 6.0
// The benchmark lives in its own package so that `swift test` on the main package never
// builds it or needs ICU's headers. Run: cd Benchmarks && swift run -c release mekong-bench
import PackageDescription

let package = Package(
    name: "MekongBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Mekong", path: "..")],
    targets: [
        // Timing, memory and a deterministic generator, shared by the benchmarks.
        .target(name: "BenchSupport"),
        // ICU's sentence BreakIterator behind a header with no ICU types, so that it can sit
        // next to Foundation (whose own ICU clashes with the system headers).
        .target(name: "CICUSeg", linkerSettings: [.linkedLibrary("icuuc")]),
        .executableTarget(
            name: "mekong-bench",
            dependencies: [
                "BenchSupport",
                "CICUSeg",
                .product(name: "MekongSegmentation", package: "Mekong"),
                .product(name: "MekongText", package: "Mekong"),
            ]
        ),
        .executableTarget(
            name: "mekong-glossary-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "MekongGlossary", package: "Mekong"),
                .product(name: "MekongText", package: "Mekong"),
            ]
        ),
        .executableTarget(
            name: "mekong-check-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "MekongChecks", package: "Mekong"),
                .product(name: "MekongGlossary", package: "Mekong"),
                .product(name: "MekongText", package: "Mekong"),
            ]
        ),
        // The C program the issue measured: libxml2's xmlTextWriter called directly.
        .target(
            name: "CTMXBaseline",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2")]
        ),
        .executableTarget(
            name: "mekong-exchange-bench",
            dependencies: [
                "BenchSupport",
                "CTMXBaseline",
                .product(name: "MekongExchange", package: "Mekong"),
                .product(name: "MekongXML", package: "Mekong"),
                .product(name: "MekongSegmentation", package: "Mekong"),
            ]
        ),
        .executableTarget(
            name: "mekong-extract-bench",
            dependencies: [
                "BenchSupport",.product(name: "MekongTerminology", package: "Mekong"), .product(name: "MekongGlossary", package: "Mekong")]
        ),
    ]
)
