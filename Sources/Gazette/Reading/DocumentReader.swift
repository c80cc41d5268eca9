import Foundation

/// Reads input paths into ``SourceDocument`` values: `.txt`, `.html`/`.htm` and `.jsonl` files,
/// and directories, recursively, in sorted order.
///
/// For example:
///
/// ```swift
/// let reader = DocumentReader()
/// for path in try reader.inputFiles(for: ["seeds/documents"]) {
///     for item in reader.read(file: path) { … }   // one Result per document
/// }
/// ```
public struct DocumentReader: Sendable {
    /// The encoding of `.txt` and `.html` files (JSONL is always UTF-8).
    public var encoding: TextEncoding

    /// Files larger than this are refused, so one stray dump cannot exhaust memory.
    public var maximumFileSize: Int

    /// One document (a `.txt`/`.html` file or a JSONL line) larger than this is refused: no article
    /// is that long, and extracting a stray 50 MB dump as one document would take gigabytes.
    public var maximumDocumentSize: Int

    public init(encoding: TextEncoding = .utf8, maximumFileSize: Int = 256 << 20, maximumDocumentSize: Int = 4 << 20) {
        self.encoding = encoding
        self.maximumFileSize = maximumFileSize
        self.maximumDocumentSize = maximumDocumentSize
    }

    /// File extensions read from directories; a file named explicitly is read whatever its extension.
    public static let extensions: Set<String> = ["txt", "text", "html", "htm", "jsonl", "ndjson"]

    /// Expands paths into the files to read: a file as given, a directory recursively (hidden
    /// entries skipped), each sorted so that imports are reproducible.
    ///
    /// - Throws: ``GazetteError/missingPath(_:)`` naming the first path that does not exist.
    public func inputFiles(for paths: [String]) throws(GazetteError) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missingPath(path) }
            guard isDirectory.boolValue else { files.append(path); continue }
            guard let found = FolderWalk.files(under: path, extensions: DocumentReader.extensions) else {
                throw .unreadable(path: path, reason: "cannot list directory")
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }

    /// Reads one file: one result for a text or HTML file, one per non-blank line for JSONL.
    public func read(file path: String) -> [Result<SourceDocument, GazetteError>] {
        let ext = PathText.fileExtension(path).lowercased()
        let isJSONL = ext == "jsonl" || ext == "ndjson"
        if !isJSONL && encoding == .utf8, let text = readUTF8Text(path) {
            return [text.map { document(text: $0, path: path, ext: ext) }]
        }
        let bytes: [UInt8]
        do {
            bytes = try readBytes(path, oneDocument: !isJSONL)
        } catch {
            return [.failure(error)]
        }
        let name = PathText.lastComponent(path)
        let key = DocumentReader.sourceKey(for: path)
        if bytes.isEmpty { return [.failure(.emptyDocument(path))] }
        if TextEncoding.looksBinary(bytes) { return [.failure(.binaryFile(path))] }
        if isJSONL {
            return readJSONLines(bytes, path: path, key: key, name: name)
        }
        let text: String
        do {
            text = try encoding.decode(bytes, path: path)
        } catch {
            return [.failure(error)]
        }
        return [.success(document(text: text, path: path, ext: ext))]
    }

    /// The document of a file's text: an HTML page's visible text, title and date, or the text.
    func document(text: String, path: String, ext: String) -> SourceDocument {
        let name = PathText.lastComponent(path)
        let key = DocumentReader.sourceKey(for: path)
        if ext == "html" || ext == "htm" || DocumentReader.looksLikeHTML(text) {
            let html = HTMLText(html: text)
            return SourceDocument(sourceKey: key, name: name, path: path, format: .html,
                                  text: html.text, title: html.title, published: html.published)
        }
        return SourceDocument(sourceKey: key, name: name, path: path, format: .text, text: text)
    }

    /// A UTF-8 file (not JSON Lines) read straight into its text (``FileBytes/readString``), with
    /// the general path's checks and messages in its order: unreadable or too large, empty,
    /// binary, not UTF-8 (naming the first bad byte); a byte-order mark is dropped. Nil when the
    /// file grew while read: the general path reads it again.
    func readUTF8Text(_ path: String) -> Result<String, GazetteError>? {
        enum Refusal: Error { case empty, binary, invalid(Int) }
        let text: String?
        do {
            text = try FileBytes.readString(path, limit: min(maximumFileSize, maximumDocumentSize)) { size in
                size > maximumFileSize
                    ? "file is \(size >> 20) MiB, over the \(maximumFileSize >> 20) MiB limit"
                    : DocumentReader.tooLong(size, limit: maximumDocumentSize)
            } take: { bytes in
                let read = UnsafeBufferPointer(bytes)
                if read.isEmpty { throw Refusal.empty }
                if TextEncoding.looksBinary(read) { throw Refusal.binary }
                if let bad = TextEncoding.firstInvalidUTF8Offset(read) { throw Refusal.invalid(bad) }
                // A byte-order mark carries no text.
                guard read.count >= 3, read[0] == 0xEF, read[1] == 0xBB, read[2] == 0xBF, let base = bytes.baseAddress else {
                    return read.count
                }
                memmove(base, base + 3, read.count - 3)
                return read.count - 3
            }
        } catch let failure as FileBytes.Failure {
            return .failure(.unreadable(path: path, reason: failure.reason))
        } catch Refusal.empty {
            return .failure(.emptyDocument(path))
        } catch Refusal.binary {
            return .failure(.binaryFile(path))
        } catch Refusal.invalid(let bad) {
            return .failure(.invalidEncoding(path: path, encoding: encoding.rawValue, byteOffset: bad))
        } catch {
            return .failure(.unreadable(path: path, reason: "\(error)"))
        }
        return text.map { .success($0) }
    }

    /// Starts reading a file into the page cache and returns at once (``Importer`` calls it for
    /// files a little ahead of the ones being extracted).
    @Sendable public static func readAhead(_ path: String) {
        FileBytes.readAhead(path)
    }

    /// The file's bytes; `oneDocument` applies ``maximumDocumentSize`` before anything is read.
    func readBytes(_ path: String, oneDocument: Bool) throws(GazetteError) -> [UInt8] {
        let limit = oneDocument ? min(maximumFileSize, maximumDocumentSize) : maximumFileSize
        do {
            return try FileBytes.read(path, limit: limit) { size in
                size > maximumFileSize
                    ? "file is \(size >> 20) MiB, over the \(maximumFileSize >> 20) MiB limit"
                    : DocumentReader.tooLong(size, limit: maximumDocumentSize)
            }
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
    }

    func readJSONLines(_ bytes: [UInt8], path: String, key: String, name: String) -> [Result<SourceDocument, GazetteError>] {
        var results: [Result<SourceDocument, GazetteError>] = []
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            if line.count > maximumDocumentSize {
                results.append(.failure(.malformedJSONLine(path: path, line: lineNumber,
                                                           reason: DocumentReader.tooLong(line.count, limit: maximumDocumentSize))))
                continue
            }
            if let bad = TextEncoding.firstInvalidUTF8Offset(Array(line)) {
                results.append(.failure(.malformedJSONLine(path: path, line: lineNumber, reason: "not valid UTF-8 at byte \(bad)")))
                continue
            }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(line))
            } catch {
                results.append(.failure(.malformedJSONLine(path: path, line: lineNumber, reason: "not valid JSON")))
                continue
            }
            guard let fields = object as? [String: Any] else {
                results.append(.failure(.malformedJSONLine(path: path, line: lineNumber, reason: "not a JSON object")))
                continue
            }
            guard let text = fields["text"] as? String, !text.isEmpty else {
                results.append(.failure(.malformedJSONLine(path: path, line: lineNumber, reason: "no \"text\" string field")))
                continue
            }
            let url = fields["url"] as? String
            let lineKey = url ?? "\(key)#\(lineNumber)"
            let lineName = url.flatMap { URL(string: $0)?.lastPathComponent }.flatMap { $0.isEmpty || $0 == "/" ? nil : $0 }
                ?? "\(name)#\(lineNumber)"
            var published = fields["published"] as? String
            if let p = published { published = PartialDate(iso: String(p.prefix(10))) != nil ? String(p.prefix(10)) : PartialDate(iso: p)?.iso }
            let isHTML = DocumentReader.looksLikeHTML(text)
            let body = isHTML ? HTMLText(html: text).text : text
            results.append(.success(SourceDocument(
                sourceKey: lineKey, name: lineName, path: "\(path):\(lineNumber)", format: isHTML ? .html : .text,
                text: body, title: (fields["title"] as? String).map(Self.withoutNUL), published: published,
                url: url.map(Self.withoutNUL), source: (fields["source"] as? String).map(Self.withoutNUL))))
        }
        if results.isEmpty { results.append(.failure(.emptyDocument(path))) }
        return results
    }

    static func tooLong(_ size: Int, limit: Int) -> String {
        let mib = { (n: Int) in n >= 1 << 20 ? "\(n >> 20) MiB" : "\(n >> 10) KiB" }
        return "the document is \(mib(size)), over the \(mib(limit)) limit for one article; split it into articles"
    }

    /// SQLite stores text up to its first NUL: drop them from metadata fields rather than lose the rest.
    static func withoutNUL(_ s: String) -> String {
        s.contains("\u{0}") ? s.replacingOccurrences(of: "\u{0}", with: "") : s
    }

    /// A stable identity for a file: its standardized absolute path.
    static func sourceKey(for path: String) -> String {
        PathText.standardized(path, directory: FileManager.default.currentDirectoryPath)
    }

    /// True when a text starts like an HTML document, whatever the file is called.
    static func looksLikeHTML(_ text: String) -> Bool {
        // Every form starts with "<" after the leading whitespace: other texts are ruled out by
        // their first characters, without lower-casing 512 of them.
        var i = text.startIndex
        var skipped = 0
        while i < text.endIndex, skipped < 512, text[i].isWhitespace {
            text.formIndex(after: &i)
            skipped += 1
        }
        guard i < text.endIndex, skipped < 512, text[i] == "<" else { return false }
        let head = text.prefix(512).drop(while: { $0.isWhitespace }).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<?xml") && head.contains("<html")
    }
}
