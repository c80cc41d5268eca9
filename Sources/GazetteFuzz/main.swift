import Foundation
import Gazette

// gazette-fuzz: the seeded mutation fuzzer of FuzzHarness.swift as a command.
//
//   gazette-fuzz --seconds 60 [--seed 1]       run for a minute
//   gazette-fuzz --iterations 5000 --seed 7    run a fixed number of inputs
//   gazette-fuzz --seed 7 --replay 1234        run (and print) one input again
//   options: --rules DIR --reference DIR (default: the repository's seeds/)
//
// Prints the number of executions; on a crash the signal handler names the input to replay.

let usage = "usage: gazette-fuzz [--seconds N | --iterations N] [--seed S] [--replay I] [--rules DIR] [--reference DIR]"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("gazette-fuzz: \(message)\n\(usage)\n".utf8))
    exit(64)
}

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard ["--seconds", "--iterations", "--seed", "--replay", "--rules", "--reference"].contains(flag) else {
        if flag == "--help" || flag == "-h" { print(usage); exit(0) }
        fail("unknown option \(flag)")
    }
    guard let value = arguments.popFirst() else { fail("\(flag) needs a value") }
    options[flag] = value
}

let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url = url.deletingLastPathComponent()
    }
    return url
}()
let rulesURL = options["--rules"].map { URL(fileURLWithPath: $0) } ?? repositoryRoot.appendingPathComponent("seeds/rules")
let referenceURL = options["--reference"].map { URL(fileURLWithPath: $0) } ?? repositoryRoot.appendingPathComponent("seeds/reference")
guard let seed = UInt64(options["--seed"] ?? "1") else { fail("--seed must be a non-negative integer") }
let seconds = options["--seconds"].map { Double($0) ?? -1 }
let iterations = options["--iterations"].map { Int($0) ?? -1 }
if let seconds, seconds < 0 { fail("--seconds must be a number") }
if let iterations, iterations < 0 { fail("--iterations must be a number") }

let rules: RuleSet
do {
    rules = try RuleSet(rulesDirectory: rulesURL, referenceDirectory: referenceURL)
} catch {
    fail("\(error)")
}
let corpus = FuzzHarness.repositoryCorpus(root: repositoryRoot)
guard !corpus.isEmpty else { fail("no seed texts under \(repositoryRoot.path)") }
let harness = FuzzHarness(pipeline: Pipeline.standard(rules: rules), corpus: corpus, seed: seed)

/// The input being run, for the crash handler (written only by the one fuzzing thread).
nonisolated(unsafe) var currentInput = 0
nonisolated(unsafe) var currentSeed = seed

func onCrash(_ signal: Int32) {
    // Async-signal-safe: format the numbers by hand and write(2) them.
    func digits(_ value: UInt64) -> [UInt8] {
        var v = value
        var out: [UInt8] = []
        repeat { out.insert(UInt8(48 + v % 10), at: 0); v /= 10 } while v > 0
        return out
    }
    let message = Array("\ngazette-fuzz: crashed on input ".utf8) + digits(UInt64(currentInput))
        + Array("; replay with: gazette-fuzz --seed ".utf8) + digits(currentSeed) + Array(" --replay ".utf8)
        + digits(UInt64(currentInput)) + [10]
    message.withUnsafeBufferPointer { _ = write(2, $0.baseAddress, $0.count) }
    Foundation.signal(signal, SIG_DFL)
    raise(signal)
}
for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] { signal(sig, onCrash) }

if let replay = options["--replay"] {
    guard let index = Int(replay) else { fail("--replay must be an input number") }
    currentInput = index
    let input = harness.input(index)
    print("route: \(input.route.rawValue)")
    print(input.route == .windows1252 ? "bytes: \(input.bytes)" : "text: \(input.text.debugDescription)")
    let problems = harness.run(input)
    print(problems.isEmpty ? "ok" : problems.joined(separator: "\n"))
    exit(problems.isEmpty ? 0 : 1)
}

let started = Date()
let limitSeconds = seconds ?? (iterations == nil ? 10 : .infinity)
let limitIterations = iterations ?? .max
var executions = 0
var failures = 0
while executions < limitIterations && Date().timeIntervalSince(started) < limitSeconds {
    currentInput = executions
    let problems = harness.run(harness.input(executions))
    if !problems.isEmpty {
        failures += 1
        print("input \(executions) (replay with --seed \(seed) --replay \(executions)):\n  " + problems.prefix(5).joined(separator: "\n  "))
    }
    executions += 1
}
let elapsed = Date().timeIntervalSince(started)
print("\(executions) executions in \(String(format: "%.1f", elapsed)) s (seed \(seed)), \(failures) with broken invariants, no crash")
exit(failures == 0 ? 0 : 1)
