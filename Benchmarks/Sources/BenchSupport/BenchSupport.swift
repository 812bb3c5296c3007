import Foundation

/// A duration in seconds.
public func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

/// The process's peak resident set so far, in MB (Linux reports KiB).
public func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// A small deterministic generator (xorshift), so that every run makes the same corpus.
public struct Rng {
    public var seed: UInt64
    public init(seed: UInt64 = 0x9E37_79B9_7F4A_7C15) { self.seed = seed }
    public mutating func next(_ n: Int) -> Int {
        seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
        return Int(seed % UInt64(n))
    }
}
