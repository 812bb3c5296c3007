import ArgumentParser
import Foundation
import MekongGlossary
import MekongSegmentation
import MekongText
import MekongXML

/// Turns library errors into one line on stderr and exit status 2 (bad input).
enum CLIErrors {
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as InputError {
            fail(error.description)
        } catch let error as SRXError {
            fail(error.description)
        } catch let error as XMLError {
            fail(error.description)
        } catch let error as GlossaryError {
            fail(error.description)
        } catch let error as GlossaryErrors {
            fail(error.description)
        }
    }

    private static func fail(_ message: String) -> Never {
        OutputSink.removePendingTemporaryFiles()
        FileHandle.standardError.write(Data("\(message)\n".utf8))
        Foundation.exit(2)
    }
}
