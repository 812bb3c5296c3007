import ArgumentParser

@main
struct Mekong: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mekong",
        abstract: "Tools for translating news between French, Vietnamese and Lao.",
        version: "0.1.0",
        subcommands: [Segment.self]
    )
}
