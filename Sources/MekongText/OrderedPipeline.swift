import Foundation

/// Work done on other threads, handed back in the order it was given.
///
/// The caller's thread reads jobs (`next`), other threads do them (`work`), and the caller's
/// thread receives each result (`deliver`) in the order of the jobs, so output is the same as
/// a loop doing one job after the other. At most `window` jobs are read ahead, so memory stays
/// bounded by the jobs' sizes, not the input's. With `threads` 1 it is that loop, on the
/// caller's thread.
public enum OrderedPipeline {
    /// The threads a pipeline uses by default: the processors this process may run on, or
    /// `MEKONG_THREADS` when it is set to a positive number.
    public static var defaultThreads: Int {
        if let s = ProcessInfo.processInfo.environment["MEKONG_THREADS"], let n = Int(s), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Runs every job `next` returns, until it returns `nil`.
    ///
    /// What `next` or `deliver` throws ends the run (jobs already started finish first, and
    /// their results are dropped) and is rethrown.
    /// - Parameters:
    ///   - threads: how many jobs run at once.
    ///   - window: how many jobs may be read and not yet delivered (at least `threads`).
    public static func run<Job: Sendable, Result: Sendable>(
        threads: Int, window: Int? = nil, next: () throws -> Job?, work: @escaping @Sendable (Job) -> Result,
        deliver: (Result) throws -> Void
    ) throws {
        if threads <= 1 {
            while let job = try next() { try deliver(work(job)) }
            return
        }
        let limit = max(window ?? 2 * threads, threads)
        let queue = DispatchQueue(label: "mekong.pipeline", attributes: .concurrent)
        let running = DispatchSemaphore(value: threads)
        var pending: [Slot<Result>] = []
        pending.reserveCapacity(limit)
        var first = 0  // pending[first...] are not delivered yet
        defer { for slot in pending[first...] { slot.wait() } }
        func deliverFirst() throws {
            let slot = pending[first]
            slot.wait()
            first += 1
            if first == pending.count {
                pending.removeAll(keepingCapacity: true)
                first = 0
            }
            try deliver(slot.take())
        }
        while let job = try next() {
            if pending.count - first >= limit { try deliverFirst() }
            // Hand on what is done while the workers are busy, then wait for one to be free.
            while first < pending.count, pending[first].isDone { try deliverFirst() }
            let slot = Slot<Result>()
            running.wait()
            pending.append(slot)
            queue.async {
                slot.put(work(job))
                running.signal()
            }
        }
        while first < pending.count { try deliverFirst() }
    }

    /// One job's result: written once by the worker, read once by the caller after `done`.
    private final class Slot<Result>: @unchecked Sendable {
        private let condition = NSCondition()
        private var result: Result?
        private var done = false

        func put(_ value: Result) {
            condition.lock()
            result = value
            done = true
            condition.signal()
            condition.unlock()
        }

        var isDone: Bool {
            condition.lock()
            defer { condition.unlock() }
            return done
        }

        func wait() {
            condition.lock()
            while !done { condition.wait() }
            condition.unlock()
        }

        func take() -> Result {
            condition.lock()
            defer {
                result = nil
                condition.unlock()
            }
            return result!
        }
    }
}
