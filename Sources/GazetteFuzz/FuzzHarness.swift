import Foundation
import Gazette

/// A seeded random-mutation fuzzer over the whole extraction pipeline: reading (HTML, encodings)
/// → normalize → sentences → mentions → relations → events → dates, checking after each run
/// that every offset lies inside the text and cuts out the text it claims.
///
/// The same file is compiled into `gazette-fuzz` and into the test target (a short bounded run in
/// `make test`), so it uses only the public API. Input `i` of a run depends only on the seed and
/// `i`, so any crash is replayed with `gazette-fuzz --seed S --replay i`.
struct FuzzHarness {
    let pipeline: Pipeline
    /// Real text the mutations start from.
    let corpus: [String]
    let seed: UInt64

    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// One fuzz input: the text, and how it reaches the pipeline.
    struct Input {
        enum Route: String { case text, html, windows1252 }
        var route: Route
        var text: String
        var bytes: [UInt8]
    }

    /// Pieces inserted by mutations: punctuation, brackets, quotes, digits, dates, abbreviations,
    /// markup, and Unicode that trips naive code (combining marks, ZWJ emoji, RTL, BOM, NBSP).
    static let pieces: [String] = [
        ".", "!", "?", "...", "…", ",", ";", ":", "(", ")", "[", "]", "{", "}", "«", "»", "„", "“", "”", "\"", "'", "’", "‘",
        "-", "–", "—", "/", "\\", "&", "%", "#", "@", "*", "0", "7", "42", "1999", "2024", "31.", "12.", "3.5", "1,000", "5 Mio.",
        "Nov. 17, 2017", "17. November 2017", "vom 11. bis 13.", "2023-10-26", "Q3", "z. B.", "Nr.", "Dr.", "Mr.", "Inc.", "GmbH",
        "Co. KG", "Ltd.", "U.S.", "e.V.", "\n", "\n\n", "\r\n", "\t", "\u{0C}", " ", "   ", "\u{00A0}", "\u{200B}", "\u{200D}", "\u{FEFF}",
        "\u{202E}", "\u{0301}", "e\u{0301}", "🇨🇳", "👩‍👩‍👧", "北京", "长春市", "ß", "İ", "ǅ", "Ⅻ", "١٢٣", "\u{10FFFF}", "\u{FFFD}",
        "<p>", "</p>", "<br>", "<div>", "<script>", "&amp;", "&#0;", "&#x110000;", "&#xD800;", "&", "<!--", "-->", "PANJIN, China --",
        "/PRNewswire/ --", "joint venture", "Joint Venture", "signed an agreement with", "in Shenyang", "Siemens AG", "the city of",
    ]

    init(pipeline: Pipeline, corpus: [String], seed: UInt64) {
        self.pipeline = pipeline
        self.corpus = corpus.filter { !$0.isEmpty }
        self.seed = seed
    }

    /// The texts under the repository's `seeds/documents` and test genre fixtures.
    static func repositoryCorpus(root: URL) -> [String] {
        var texts: [String] = []
        for folder in ["seeds/documents", "Tests/GazetteTests/Fixtures/genre", "Tests/GazetteTests/Fixtures/articles"] {
            let url = root.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            for name in names where name.hasSuffix(".txt") || name.hasSuffix(".html") {
                if let text = try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
            }
        }
        return texts
    }

    // MARK: - Inputs

    /// Input number `index` of this run (the same for the same seed and index).
    func input(_ index: Int) -> Input {
        var rng = SplitMix(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD6E8_FEB8_6659_FD93))
        let source = Array(corpus[Int.random(in: 0..<corpus.count, using: &rng)].unicodeScalars)
        // Mostly a window of a few sentences (fast); sometimes a whole article.
        var scalars: [Unicode.Scalar]
        if Int.random(in: 0..<20, using: &rng) == 0 || source.count < 400 {
            scalars = source
        } else {
            let length = Int.random(in: 120...900, using: &rng)
            let start = Int.random(in: 0...(source.count - min(length, source.count)), using: &rng)
            scalars = Array(source[start..<min(source.count, start + length)])
        }
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            mutate(&scalars, using: &rng)
        }
        let text = String(String.UnicodeScalarView(scalars))
        switch Int.random(in: 0..<8, using: &rng) {
        case 0, 1:
            return Input(route: .html, text: "<html><head><title>T</title></head><body><p>" + text + "</p></body></html>", bytes: [])
        case 2:
            var bytes = Array(text.utf8)
            for _ in 0..<Int.random(in: 1...6, using: &rng) where !bytes.isEmpty {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
            }
            return Input(route: .windows1252, text: "", bytes: bytes)
        default:
            return Input(route: .text, text: text, bytes: [])
        }
    }

    func mutate(_ s: inout [Unicode.Scalar], using rng: inout SplitMix) {
        let n = s.count
        let at = Int.random(in: 0...n, using: &rng)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0, 1, 2:   // insert a piece
            let piece = Self.pieces.randomElement(using: &rng)!
            s.insert(contentsOf: piece.unicodeScalars, at: at)
        case 3:         // flip bits of one scalar (staying a valid scalar)
            guard n > 0 else { return }
            let i = Int.random(in: 0..<n, using: &rng)
            let flipped = s[i].value ^ (UInt32(1) << UInt32.random(in: 0..<16, using: &rng))
            s[i] = Unicode.Scalar(flipped) ?? "\u{FFFD}"
        case 4:         // truncate
            if Bool.random(using: &rng) { s.removeSubrange(at..<n) } else { s.removeSubrange(0..<at) }
        case 5:         // delete a range
            let end = min(n, at + Int.random(in: 1...40, using: &rng))
            s.removeSubrange(at..<end)
        case 6:         // duplicate a range
            let end = min(n, at + Int.random(in: 1...200, using: &rng))
            s.insert(contentsOf: Array(s[at..<end]), at: Int.random(in: 0...n, using: &rng))
        case 7:         // splice in a piece of another article
            let other = Array(corpus.randomElement(using: &rng)!.unicodeScalars)
            let start = Int.random(in: 0..<max(1, other.count), using: &rng)
            let end = min(other.count, start + Int.random(in: 1...300, using: &rng))
            if start < end { s.insert(contentsOf: other[start..<end], at: at) }
        case 8:         // a long run of one character
            let c = Self.pieces.randomElement(using: &rng)!.unicodeScalars.first ?? "."
            s.insert(contentsOf: Array(repeating: c, count: Int.random(in: 2...300, using: &rng)), at: at)
        default:        // upper-case a range
            let end = min(n, at + Int.random(in: 1...60, using: &rng))
            let upper = String(String.UnicodeScalarView(s[at..<end])).uppercased()
            s.replaceSubrange(at..<end, with: Array(upper.unicodeScalars))
        }
    }

    // MARK: - Running

    /// Runs one input through the pipeline; the invariant violations found (empty when fine).
    func run(_ input: Input) -> [String] {
        let text: String
        var format = SourceDocument.Format.text
        switch input.route {
        case .text:
            text = input.text
        case .html:
            text = HTMLText(html: input.text).text
            format = .html
        case .windows1252:
            text = (try? TextEncoding.windows1252.decode(input.bytes, path: "fuzz")) ?? ""
            if let utf8 = try? TextEncoding.utf8.decode(input.bytes, path: "fuzz"), utf8.isEmpty != input.bytes.isEmpty {
                return ["utf-8 decoding of \(input.bytes.count) bytes gave an empty text"]
            }
        }
        let source = SourceDocument(sourceKey: "fuzz", name: "fuzz.txt", path: "fuzz", format: format, text: text)
        do {
            return Self.violations(of: try pipeline.extract(source))
        } catch .emptyDocument {
            return []
        } catch {
            return ["unexpected error: \(error)"]
        }
    }

    /// Offsets inside the text, slices equal to the texts they claim, references that resolve.
    static func violations(of doc: ExtractedDocument) -> [String] {
        let scalars = Array(doc.text.unicodeScalars)
        let n = scalars.count
        var problems: [String] = []
        func slice(_ start: Int, _ end: Int) -> String? {
            guard start >= 0, start <= end, end <= n else { return nil }
            return String(String.UnicodeScalarView(scalars[start..<end]))
        }
        func inRange(_ start: Int, _ end: Int) -> Bool { start >= 0 && start <= end && end <= n }

        for (i, sentence) in doc.sentences.enumerated() {
            if sentence.position != i { problems.append("sentence \(i) has position \(sentence.position)") }
            if slice(sentence.start, sentence.end) != sentence.text {
                problems.append("sentence \(i) \(sentence.start)..<\(sentence.end) does not cut out its text \(sentence.text.debugDescription)")
            }
            if i > 0 && sentence.start < doc.sentences[i - 1].end { problems.append("sentence \(i) overlaps the one before") }
        }
        let keys = Set(doc.entities.map(\.key))
        if keys.count != doc.entities.count { problems.append("entity keys are not unique") }
        for mention in doc.mentions {
            guard doc.sentences.indices.contains(mention.sentence) else {
                problems.append("mention \(mention.text.debugDescription) names sentence \(mention.sentence) of \(doc.sentences.count)")
                continue
            }
            if slice(mention.start, mention.end) != mention.text {
                problems.append("mention \(mention.start)..<\(mention.end) does not cut out \(mention.text.debugDescription)")
            }
            let sentence = doc.sentences[mention.sentence]
            if mention.start < sentence.start || mention.end > sentence.end {
                problems.append("mention \(mention.text.debugDescription) lies outside its sentence \(mention.sentence)")
            }
            if let key = mention.entityKey, !keys.contains(key) { problems.append("mention names unknown entity \(key)") }
        }
        for fact in doc.facts {
            if !keys.contains(fact.subject) || !keys.contains(fact.object) {
                problems.append("fact \(fact.rule) names an unknown entity: \(fact.subject) / \(fact.object)")
            }
            if !doc.sentences.indices.contains(fact.sentence) { problems.append("fact \(fact.rule) names sentence \(fact.sentence)") }
            if !inRange(fact.matchStart, fact.matchEnd) { problems.append("fact \(fact.rule) match \(fact.matchStart)..<\(fact.matchEnd) of \(n)") }
        }
        for event in doc.events {
            if !doc.sentences.indices.contains(event.sentence) { problems.append("event \(event.rule) names sentence \(event.sentence)") }
            if !inRange(event.matchStart, event.matchEnd) { problems.append("event \(event.rule) match \(event.matchStart)..<\(event.matchEnd) of \(n)") }
            if let place = event.place, !keys.contains(place) { problems.append("event \(event.rule) place \(place) unknown") }
            for participant in event.participants where !keys.contains(participant.entity) {
                problems.append("event \(event.rule) participant \(participant.entity) unknown")
            }
            for evidence in event.evidence where !inRange(evidence.matchStart, evidence.matchEnd) {
                problems.append("event evidence \(evidence.rule) \(evidence.matchStart)..<\(evidence.matchEnd) of \(n)")
            }
            if let start = event.dateStart, let end = event.dateEnd, end < start { problems.append("event \(event.rule) ends before it starts") }
        }
        for date in doc.dates {
            if slice(date.start, date.end) != date.text {
                problems.append("date \(date.start)..<\(date.end) does not cut out \(date.text.debugDescription)")
            }
        }
        return problems
    }
}
