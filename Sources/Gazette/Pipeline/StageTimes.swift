import Foundation

/// A stage of an import, for the per-stage time table (`gazette import --timings`, `make bench`).
public enum Stage: Int, CaseIterable, Sendable, Codable {
    case read, normalize, sentences, tokens, dates, mentions, resolution, relations, events, write

    public var name: String { String(describing: self) }
}

/// Seconds spent in each ``Stage``, summed over documents (and over worker threads when
/// extraction runs in parallel, so the extraction stages can add up to more than the wall time).
public struct StageTimes: Sendable, Equatable {
    public private(set) var seconds: [Double] = Array(repeating: 0, count: Stage.allCases.count)

    public init() {}

    public subscript(stage: Stage) -> Double {
        get { seconds[stage.rawValue] }
        set { seconds[stage.rawValue] = newValue }
    }

    /// Adds another document's (or worker's) times.
    public static func += (lhs: inout StageTimes, rhs: StageTimes) {
        for i in lhs.seconds.indices { lhs.seconds[i] += rhs.seconds[i] }
    }

    /// Runs `body`, adding its duration to `stage`.
    @inline(__always)
    public mutating func time<T, E: Error>(_ stage: Stage, _ body: () throws(E) -> T) throws(E) -> T {
        let start = StageTimes.now()
        defer { seconds[stage.rawValue] += StageTimes.now() - start }
        return try body()
    }

    /// A monotonic clock in seconds; cheap enough to call a few times per document.
    @inline(__always)
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
