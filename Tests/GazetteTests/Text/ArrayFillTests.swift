import Testing
@testable import Gazette

/// `Array(filled:count:)`, which allocates through the specialized path, makes the array
/// `Array(repeating:count:)` makes, for the element types the tables use.
@Suite struct ArrayFillTests {
    @Test func filledEqualsRepeating() {
        for count in [0, 1, 7, 8, 64, 1_000] {
            #expect([Int](filled: -1, count: count) == [Int](repeating: -1, count: count))
            #expect([UInt64](filled: 0, count: count) == [UInt64](repeating: 0, count: count))
            #expect([Bool](filled: true, count: count) == [Bool](repeating: true, count: count))
            #expect([String](filled: "x", count: count) == [String](repeating: "x", count: count))
            #expect([Int](filled: 0, count: count).capacity >= count)
        }
    }
}
