import ArgumentParser
import Foundation
import MekongText

@main
struct Mekong: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mekong",
        abstract: "Tools for translating news between French, Vietnamese and Lao.",
        version: MekongInfo.version,
        subcommands: [
            Segment.self, Check.self, Consistency.self, Glossary.self, Prepare.self, Import.self, Merge.self,
            Memory.self, Export.self, Validate.self, Report.self,
        ]
    )

    /// Like ArgumentParser's `main()`, but usage errors exit with status 2 (our convention:
    /// 0 ok, 1 findings, 2 bad input or usage) instead of 64.
    static func main() {
        Lifetime.keepLargeValuesUntilExit()  // the glossary, its index, a memory: not freed just to exit
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
