import Foundation

/// Large values a short-lived process would only free to exit: the `mekong` executable hands
/// them here so that the glossary index, the name matcher or a memory of a million units is not
/// taken apart object by object (a tenth of a `glossary find` with 100,000 concepts) just
/// before the process ends. Off unless the executable turns it on: a library user, a test
/// process or a server keeps ordinary lifetimes.
public enum Lifetime {
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()
    nonisolated(unsafe) private static var enabled = false

    /// Turns keeping on, for the rest of the process (call it once, at start-up).
    public static func keepLargeValuesUntilExit() { enabled = true }

    /// Keeps `value` alive until the process exits, when turned on; otherwise does nothing.
    public static func keepUntilExit(_ value: Any) {
        guard enabled else { return }
        lock.lock()
        kept.append(value)
        lock.unlock()
    }
}
