import Foundation
import Testing

@testable import MekongText

@Suite struct OrderedPipelineTests {
    /// Jobs that finish out of order (the later ones sooner) are handed back in order.
    @Test(arguments: [1, 2, 4]) func resultsComeBackInTheOrderOfTheJobs(threads: Int) throws {
        var next = 0
        var delivered: [Int] = []
        try OrderedPipeline.run(
            threads: threads,
            next: { () -> Int? in
                defer { next += 1 }
                return next < 200 ? next : nil
            },
            work: { (k: Int) -> Int in
                usleep(UInt32((7 - k % 7) * 100))
                return k * k
            },
            deliver: { delivered.append($0) })
        #expect(delivered == (0..<200).map { $0 * $0 })
    }

    /// What `deliver` or `next` throws ends the run at once, without waiting forever for a
    /// job that was never started, and nothing is delivered after it.
    @Test func anErrorEndsTheRun() {
        struct Full: Error {}
        for failAt in [0, 1, 5, 50] {
            var next = 0
            var delivered = 0
            #expect(throws: Full.self) {
                try OrderedPipeline.run(
                    threads: 2,
                    next: { () -> Int? in
                        defer { next += 1 }
                        return next
                    }, work: { $0 },
                    deliver: { k in
                        if k == failAt { throw Full() }
                        delivered += 1
                    })
            }
            #expect(delivered == failAt)
            next = 0
            #expect(throws: Full.self) {
                try OrderedPipeline.run(
                    threads: 2,
                    next: { () -> Int? in
                        defer { next += 1 }
                        if next == failAt { throw Full() }
                        return next
                    }, work: { $0 }, deliver: { _ in })
            }
        }
    }
}
