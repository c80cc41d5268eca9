import Foundation

/// The document files under a folder, found with `opendir`/`readdir`: what
/// `FileManager.enumerator(atPath:)` and a name test per entry found, in about a fifth of the time.
///
/// Why: the listing runs before the first document is read, serial at the start of every import.
/// The enumerator, bridging each name through `NSString` for its last component and extension,
/// took 0.25 s for the 45,000 files of a 100 MB corpus (about 87,000 instructions a file).
///
/// The same files as before (`FolderWalkTests` compares the two on a tree with hidden entries,
/// links, upper-case extensions and nested folders), with one difference: a folder whose name
/// has a document extension ("notes.txt/") is walked into, where the enumerator's name test took
/// it for a file that could then not be read. Hidden entries (a name starting with ".") and what
/// they hold are left out; a link to a folder is not followed (the enumerator does not follow
/// one either), a link to a file is listed. A subfolder that cannot be opened is passed over, as
/// the enumerator passes over one.
enum FolderWalk {
    /// The paths of the files under `folder` whose extension (compared lower-cased) is in
    /// `extensions`, each `folder` joined to its path below it as `NSString.appendingPathComponent`
    /// joins them, in no particular order; nil when `folder` itself cannot be opened.
    static func files(under folder: String, extensions: Set<String>) -> [String]? {
        guard let top = opendir(folder) else { return nil }
        var found: [String] = []
        // Folders still to read, by their path below `folder`, each opened only when its turn
        // comes: one handle open at a time, however many subfolders a folder has.
        var pending: [String] = []
        var next: OpaquePointer? = top
        var relative = ""
        while let handle = next {
            while let entry = readdir(handle) {
                let (name, kind) = withUnsafePointer(to: entry.pointee.d_name) { raw in
                    raw.withMemoryRebound(to: CChar.self, capacity: 256) { (String(cString: $0), entry.pointee.d_type) }
                }
                guard let first = name.utf8.first, first != UInt8(ascii: ".") else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                if isFolder(kind: kind, path: joined(folder, path)) {
                    pending.append(path)
                } else if extensions.contains(PathText.fileExtension(name).lowercased()) {
                    found.append(joined(folder, path))
                }
            }
            closedir(handle)
            next = nil
            while next == nil, let path = pending.popLast() {
                next = opendir(joined(folder, path))
                relative = path
            }
        }
        return found
    }

    /// `folder` and a path below it, joined as `NSString.appendingPathComponent` joins them
    /// (one trailing slash of `folder` is not doubled).
    static func joined(_ folder: String, _ relative: String) -> String {
        if folder.isEmpty { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// Whether an entry is a folder, not following a link: from `readdir`'s type where the file
    /// system gives one, else from `lstat`.
    private static func isFolder(kind: UInt8, path: String) -> Bool {
        if kind == UInt8(DT_DIR) { return true }
        guard kind == UInt8(DT_UNKNOWN) else { return false }
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
