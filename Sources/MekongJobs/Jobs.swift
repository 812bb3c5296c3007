public import Foundation
public import MekongGlossary
public import MekongText

/// The layer where commands meet the library.
///
/// Each `mekong` command is: parse arguments → one job from this module → a report value the
/// command renders (text, JSON, JSON Lines) and maps to an exit status. A job reads its inputs
/// once, goes on past a bad input (recording it as a failure: one ``Diagnostic``), writes only
/// through ``AtomicWriter``, streams what can be large through a callback, and never prints or
/// exits. Its report says what happened; ``Outcome`` says what that means for the exit status.
public enum Outcome: Int32, Sendable, Comparable {
    /// Everything was read and nothing was found: exit status 0.
    case ok = 0
    /// Findings (errors in names, invalid files, untranslated segments): exit status 1.
    case findings = 1
    /// Bad input or usage: a file missing or unreadable, invalid UTF-8, malformed XML: exit 2.
    case badInput = 2

    /// Orders by gravity, `.ok` < `.findings` < `.badInput`: several outcomes combine as their `max()`.
    public static func < (a: Outcome, b: Outcome) -> Bool { a.rawValue < b.rawValue }

    /// `.badInput` when there are failures, else `.findings` when `found`, else `.ok`.
    public static func of(failures: [Diagnostic], found: Bool) -> Outcome {
        !failures.isEmpty ? .badInput : found ? .findings : .ok
    }
}

/// Where the glossary is: `--glossary DIR`, else `MEKONG_GLOSSARY` from the environment, else
/// `./glossary`. A folder that does not exist is an error (a typo must not look like an empty
/// glossary), except for the commands that create it.
public struct GlossaryLocation: Sendable {
    /// The folder.
    public var directory: String

    /// - Parameters:
    ///   - option: the `--glossary` value, if given.
    ///   - environment: the process environment (for `MEKONG_GLOSSARY`).
    public init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        directory = option ?? environment["MEKONG_GLOSSARY"].flatMap { $0.isEmpty ? nil : $0 } ?? "glossary"
        cache = GlossaryCache.forGlossary(in: directory, environment: environment)
    }

    /// The store over ``directory``.
    public var store: GlossaryStore { GlossaryStore(directory: directory) }

    /// Where a large glossary's compiled copy is kept (``GlossaryCache/forGlossary(in:environment:)``:
    /// `$MEKONG_CACHE_DIR`, `$XDG_CACHE_HOME/mekong` or `~/.cache/mekong`; none with `MEKONG_CACHE=off`).
    public var cache: GlossaryCache?

    /// Loads the glossary (through ``cache``, when there is one).
    /// - Throws: ``Diagnostic`` `no-such-folder`, or ``Diagnostics`` for bad rows.
    public func load() throws -> Glossary { try store.load(cache: cache) }
}

/// Runs `body` for each input, collecting the diagnostics of the inputs that fail instead of
/// stopping (unless `failFast`), so one bad file in a batch does not lose the others' output.
/// An error wrapped in ``Stop`` (the output itself failed) ends the batch at once.
/// - Returns: the failures, in input order.
func forEachInput(_ inputs: [Input], failFast: Bool = false, _ body: (Input) throws -> Void) throws -> [Diagnostic] {
    var failures: [Diagnostic] = []
    for input in inputs {
        do {
            try body(input)
        } catch let stop as Stop {
            throw stop.underlying
        } catch {
            if failFast { throw error }
            failures += error.diagnostics(file: input.description)
        }
    }
    return failures
}

/// An error of the job's output (a full disk, a closed pipe), as opposed to a bad input: it
/// stops the whole batch.
struct Stop: Error {
    var underlying: Error
}

/// Calls `body`, wrapping what it throws in ``Stop``.
@inline(__always)
func output<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch { throw Stop(underlying: error) }
}
