import Foundation
import Testing
@testable import Gazette

/// A short, bounded run of the `gazette-fuzz` harness (FuzzHarness.swift, shared with the
/// `gazette-fuzz` target through a symbolic link) inside `make test`: mutated real text through
/// the whole pipeline, no crash and no broken invariant. `make fuzz SECONDS=N` runs it longer.
@Suite struct FuzzTests {
    static let iterations = 600

    static func harness(seed: UInt64) throws -> FuzzHarness {
        let corpus = FuzzHarness.repositoryCorpus(root: TestSupport.repositoryRoot)
        try #require(corpus.count >= 15, "seed and genre texts are missing")
        return FuzzHarness(pipeline: TestSupport.makePipeline(), corpus: corpus, seed: seed)
    }

    @Test func mutatedTextKeepsThePipelineInvariants() throws {
        let harness = try Self.harness(seed: 20_240_101)
        var broken = 0
        for index in 0..<Self.iterations {
            let problems = harness.run(harness.input(index))
            if !problems.isEmpty {
                broken += 1
                if broken <= 5 {
                    Issue.record("input \(index) (replay: gazette-fuzz --seed 20240101 --replay \(index)): \(problems.prefix(3))")
                }
            }
        }
        #expect(broken == 0, "\(broken) of \(Self.iterations) inputs broke an invariant")
    }

    /// The unmutated articles satisfy the invariants too (so a broken one is the mutation's doing).
    @Test func realArticlesKeepThePipelineInvariants() throws {
        let harness = try Self.harness(seed: 1)
        for (i, text) in harness.corpus.enumerated() {
            let problems = harness.run(FuzzHarness.Input(route: .text, text: text, bytes: []))
            #expect(problems.isEmpty, "corpus text \(i): \(problems.prefix(3))")
        }
    }
}
