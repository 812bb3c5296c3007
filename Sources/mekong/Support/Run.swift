import ArgumentParser
import Foundation
import MekongJobs
import MekongText

/// How every command ends: one line per diagnostic on stderr, and the exit status of the outcome.
enum Run {
    /// Runs a command body: a ``Diagnostic`` (or several) thrown by the library becomes one line
    /// each on stderr and exit status 2; the body's ``Outcome`` becomes the exit status.
    static func command(_ body: () throws -> Outcome) throws {
        Signals.install()
        let outcome: Outcome
        do {
            outcome = try body()
        } catch let e as ExitCode {
            throw e
        } catch let e as ValidationError {
            throw e
        } catch {
            AtomicWriter.removePendingTemporaryFiles()
            report(error.diagnostics())
            throw ExitCode(Outcome.badInput.rawValue)
        }
        if outcome != .ok { throw ExitCode(outcome.rawValue) }
    }

    /// Prints diagnostics to stderr, one line each.
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        FileHandle.standardError.write(Data(diagnostics.map { $0.description + "\n" }.joined().utf8))
    }

    /// The inputs of a command, with one stderr line per path that names nothing usable.
    static func inputs(_ paths: [String], extensions: Set<String> = ["txt"]) -> ([Input], [Diagnostic]) {
        Input.expand(paths, extensions: extensions)
    }
}

/// SIGINT and SIGTERM: temporary files are removed and the process exits 130 or 143, so an
/// interrupted run leaves every output either old or new and no temporary file behind.
enum Signals {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let installed: Void = {
        for (sig, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                AtomicWriter.removePendingTemporaryFiles()
                _exit(status)
            }
            source.resume()
            sources.append(source)
        }
    }()

    static func install() { _ = installed }
}
