import Foundation
import Testing
@testable import Gazette

extension Reliability {
    /// A folder of a few thousand files, most of them bad, imported with `--skip-bad` by the real
    /// binary: the good ones land, each bad one is reported with its path and reason, and memory
    /// stays bounded (a 50 MB dump is refused before it is read).
    @Suite struct BadInputAtScaleTests {
        /// A bad input and the words its report line must contain.
        struct Bad {
            var path: String
            var reason: String
        }

        static let peakMemoryLimitKiB = 500 * 1024

        @Test func skipBadImportsTheGoodAndReportsEachBadOne() throws {
            let directory = try TestSupport.makeTemporaryDirectory()
            defer { TestSupport.removeTemporary(directory) }
            let mess = directory.appendingPathComponent("mess")
            var good = 0
            var bad: [Bad] = []
            var rng = ReliabilitySupport.SplitMix(seed: 7)
            let cities = ReliabilitySupport.cities
            let firms = ReliabilitySupport.firms

            // Good: short articles in nested folders, names with spaces and non-ASCII.
            let folders = ["", "sub folder/", "Bericht über Köln/", "报告/", "a/b/c/d/e/"]
            for i in 0..<150 {
                let city = cities.randomElement(using: &rng)!
                let firm = firms.randomElement(using: &rng)!
                let text = "\(city.uppercased()), China, March \(i % 28 + 1), 2021 -- \(firm) opened a plant in \(city) "
                    + "with \(i + 10) employees. The city of \(city) signed agreement number \(i) with \(firm).\n"
                let names = ["note \(i).txt", "Meldung Nr. \(i) – Köln.txt", "新闻 \(i).txt", "it's \(i); ok.txt", "p\(i).html"]
                let name = folders[i % folders.count] + names[i % names.count]
                try TestSupport.write(name.hasSuffix(".html") ? "<html><body><p>\(text)</p></body></html>" : text, to: name, in: mess)
                good += 1
            }
            // Bad: empty, whitespace-only, binary, invalid UTF-8, markup or boilerplate only.
            for i in 0..<2_000 {
                let url: URL
                switch i % 5 {
                case 0:
                    url = try TestSupport.write([], to: "empty/empty \(i).txt", in: mess)
                    bad.append(Bad(path: url.path, reason: "the document is empty"))
                case 1:
                    url = try TestSupport.write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + (0..<200).map { UInt8($0) },
                                                to: "binary/image \(i).txt", in: mess)
                    bad.append(Bad(path: url.path, reason: "looks like a binary file"))
                case 2:
                    url = try TestSupport.write(Array("Die Stadt K".utf8) + [0xF6] + Array("ln unterzeichnete \(i).".utf8),
                                                to: "latin1/seite \(i).txt", in: mess)
                    bad.append(Bad(path: url.path, reason: "not valid utf-8 (first bad byte at offset 11)"))
                case 3:
                    url = try TestSupport.write("  \n\t\n \r\n", to: "blank/blank \(i).txt", in: mess)
                    bad.append(Bad(path: url.path, reason: "the document is empty"))
                default:
                    url = try TestSupport.write("<html><head><title>x</title><script>var a = \(i);</script></head><body><div></div></body></html>",
                                                to: "markup/only markup \(i).html", in: mess)
                    bad.append(Bad(path: url.path, reason: "the document is empty"))
                }
            }
            // JSONL with good and malformed lines.
            var lines: [String] = []
            var jsonlBad: [(Int, String)] = []
            for i in 0..<200 {
                let city = cities[i % cities.count]
                switch i % 4 {
                case 0: lines.append(#"{"text": "\#(city) hosted trade fair number \#(i) with 300 exhibitors.", "url": "https://news.test/\#(i)"}"#); good += 1
                case 1: lines.append(#"{"text": "unterminated \#(i)"#); jsonlBad.append((i + 1, "not valid JSON"))
                case 2: lines.append("[\"an array\", \(i)]"); jsonlBad.append((i + 1, "not a JSON object"))
                default: lines.append(#"{"title": "no text \#(i)"}"#); jsonlBad.append((i + 1, "no \"text\" string field"))
                }
            }
            let jsonl = try TestSupport.write(lines.joined(separator: "\n") + "\n", to: "feeds/feed 1.jsonl", in: mess)
            for (line, reason) in jsonlBad { bad.append(Bad(path: "\(jsonl.path):\(line)", reason: "malformed JSONL line: \(reason)")) }
            // Deeply nested HTML: 100,000 levels, one good sentence inside.
            let depth = 100_000
            let nested = "<html><body>" + String(repeating: "<div><span>", count: depth)
                + "HARBIN, China, May 5, 2022 -- Harbin opened a deep port for Nordchemie."
                + String(repeating: "</span></div>", count: depth) + "</body></html>"
            try TestSupport.write(nested, to: "deep/nested.html", in: mess)
            good += 1
            // A 50 MB text dump, refused before it is read.
            let huge = mess.appendingPathComponent("dumps/huge dump.txt")
            try FileManager.default.createDirectory(at: huge.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
            let handle = try FileHandle(forWritingTo: huge)
            let block = Data(String(repeating: "Dalian signed a memorandum with Nordchemie on a new plant. ", count: 17_500).utf8)
            for _ in 0..<50 { handle.write(block) }
            try handle.close()
            defer { try? FileManager.default.removeItem(at: huge) }
            let hugeSize = try #require(try FileManager.default.attributesOfItem(atPath: huge.path)[.size] as? Int)
            #expect(hugeSize >= 50_000_000)
            bad.append(Bad(path: huge.path, reason: "the document is \(hugeSize >> 20) MiB, over the 4 MiB limit for one article"))

            let db = directory.appendingPathComponent("kb.db").path
            let rss = directory.appendingPathComponent("rss.txt")
            let timeTool = "/usr/bin/time"
            let measured = FileManager.default.isExecutableFile(atPath: timeTool)
            let child = try ReliabilitySupport.gazette(["import", "--db", db, "--quiet", "--skip-bad", mess.path],
                                                       prefix: measured ? [timeTool, "-v", "-o", rss.path] : [])
            #expect(child.status == 0, "\(child.stderr.prefix(2_000))")
            #expect(child.stdout.contains("documents (\(good) added, \(bad.count) skipped)"), "\(child.stdout)")

            // Each bad input is reported once, with its path and reason.
            let reported = child.stderr.split(separator: "\n").map(String.init)
            #expect(reported.count == bad.count, "\(reported.count) report lines for \(bad.count) bad inputs")
            let lineByPath = Dictionary(reported.map { line -> (String, String) in
                let body = line.hasPrefix("skipped ") ? String(line.dropFirst(8)) : line
                let path = body.components(separatedBy: ": ").first ?? body
                return (path, body)
            }, uniquingKeysWith: { a, _ in a })
            var missing = 0
            for item in bad {
                guard let line = lineByPath[item.path] else {
                    missing += 1
                    if missing <= 5 { Issue.record("not reported: \(item.path)") }
                    continue
                }
                #expect(line.lowercased().contains(item.reason.lowercased()), "\(line) — expected \(item.reason)")
            }
            #expect(missing == 0)

            let state = try ReliabilitySupport.state(of: db)
            #expect(state.documents == good)
            #expect(try ReliabilitySupport.integrity(of: db) == "ok")
            let store = try Store(path: db, readOnly: true)
            #expect(try TestSupport.integer(store, "SELECT count(*) FROM document WHERE name = ?", ["新闻 2.txt"]) == 1)
            #expect(try TestSupport.integer(store, "SELECT count(*) FROM document WHERE name = ?", ["Meldung Nr. 1 – Köln.txt"]) == 1)
            #expect(try TestSupport.integer(store, "SELECT count(*) FROM document WHERE text LIKE '%deep port%'") == 1)

            if measured {
                let report = try String(contentsOf: rss, encoding: .utf8)
                let line = report.split(separator: "\n").first { $0.contains("Maximum resident set size") }
                let kib = line.flatMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
                let peak = try #require(kib, "no peak RSS in /usr/bin/time output: \(report)")
                #expect(peak < Self.peakMemoryLimitKiB, "peak RSS \(peak / 1024) MiB")
                BadInputAtScaleTests.note("\(good + bad.count) inputs, peak RSS \(peak / 1024) MiB")
            } else {
                BadInputAtScaleTests.note("/usr/bin/time is missing (apt-get install time); peak memory not measured")
            }
        }

        /// A line for the test log, on standard error: the CLI tests capture standard output
        /// while they run a command, in the same process, and a line printed there meanwhile
        /// went into a command's output (`CommandTests` failed on it once).
        static func note(_ line: String) {
            FileHandle.standardError.write(Data("BadInputAtScaleTests: \(line)\n".utf8))
        }
    }
}
