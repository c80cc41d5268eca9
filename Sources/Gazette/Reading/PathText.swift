import Foundation

/// The parts of a file path the reader needs for every file, without Foundation's path types.
///
/// `NSString.lastPathComponent`, `.pathExtension` and `URL.standardizedFileURL` each bridge or
/// parse the whole path: together about 75,000 instructions a file, 1.4 % of an import's
/// extraction. These read the path's bytes once. They agree with Foundation on every path
/// (tests compare them); a path they cannot settle cheaply (`.` or `..` components, repeated or
/// trailing slashes) goes to Foundation.
enum PathText {
    /// The file name: what follows the last `/` ("a/b/report.html" → "report.html").
    static func lastComponent(_ path: String) -> String {
        guard isPlain(path) else { return (path as NSString).lastPathComponent }
        // The last slash's byte offset, found over the bytes in place where they are contiguous.
        let utf8 = path.utf8
        let slash: Int? = utf8.withContiguousStorageIfAvailable { $0.lastIndex(of: UInt8(ascii: "/")) }
            ?? utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.distance(from: utf8.startIndex, to: $0) }
        guard let slash else { return path }
        return String(path[utf8.index(utf8.startIndex, offsetBy: slash + 1)...])
    }

    /// The extension of the file name, without its dot ("report.HTML" → "HTML"); empty when the
    /// name has no dot or only a leading one (".profile").
    static func fileExtension(_ path: String) -> String {
        guard isPlain(path) else { return (path as NSString).pathExtension }
        let name = lastComponent(path)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else { return "" }
        return String(name[name.utf8.index(after: dot)...])
    }

    /// The absolute path without `.` and `..` components, as `URL.standardizedFileURL.path`
    /// gives it; a relative path is taken from `directory` (the working directory).
    static func standardized(_ path: String, directory: @autoclosure () -> String) -> String {
        guard isPlain(path) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        if path.utf8.first == UInt8(ascii: "/") { return path }
        let base = directory()
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    /// Non-empty, with no empty, `.` or `..` component and no trailing slash: the path's
    /// components are its text between slashes as they stand.
    static func isPlain(_ path: String) -> Bool {
        // Over the bytes in place: stepping the UTF-8 view cost about 20 instructions a byte, and
        // the reader asks four times a file.
        path.utf8.withContiguousStorageIfAvailable(isPlain(bytes:)) ?? isPlain(bytes: path.utf8)
    }

    static func isPlain<Bytes: Sequence<UInt8>>(bytes path: Bytes) -> Bool {
        var componentLength = 0
        var dotsOnly = true
        var first = true
        for byte in path {
            if byte == UInt8(ascii: "/") {
                if !first || componentLength > 0 {
                    if componentLength == 0 || (dotsOnly && componentLength <= 2) { return false }
                }
                first = false
                componentLength = 0
                dotsOnly = true
            } else {
                componentLength += 1
                if byte != UInt8(ascii: ".") { dotsOnly = false }
            }
        }
        return componentLength > 0 && !(dotsOnly && componentLength <= 2)
    }
}
