#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes through the POSIX calls, and a hint to the kernel to read a file ahead.
///
/// `FileHandle` took two seeks, a `Data` and a copy into `[UInt8]` per file; this is one `open`,
/// one `fstat` and `read` straight into the array's storage.
enum FileBytes {
    /// Why a file could not be read, in words for ``GazetteError/unreadable(path:reason:)``.
    struct Failure: Error {
        var reason: String
    }

    /// The open descriptor of `path` and the file's size, refusing a directory and a file whose
    /// size is over `limit` (the message comes from `tooLarge`). The caller closes it.
    private static func openForReading(_ path: String, limit: Int,
                                       tooLarge: (Int) -> String) throws(Failure) -> (fd: Int32, size: Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw Failure(reason: errno == EACCES ? "permission denied" : "cannot open (\(describe(errno)))")
        }
        var status = stat()
        let failure: Failure?
        if fstat(fd, &status) != 0 {
            failure = Failure(reason: describe(errno))
        } else if (status.st_mode & S_IFMT) == S_IFDIR {
            failure = Failure(reason: "is a directory")
        } else if Int(status.st_size) > limit {
            failure = Failure(reason: tooLarge(Int(status.st_size)))
        } else {
            failure = nil
        }
        if let failure {
            close(fd)
            throw failure
        }
        return (fd, Int(status.st_size))
    }

    /// Reads the whole file, refusing it before reading when its size is over `limit`
    /// (the message comes from `tooLarge`).
    static func read(_ path: String, limit: Int, tooLarge: (Int) -> String) throws(Failure) -> [UInt8] {
        let (fd, size) = try openForReading(path, limit: limit, tooLarge: tooLarge)
        defer { close(fd) }
        // The size is a hint: a file that grows or shrinks while read is read to its end.
        var bytes = [UInt8](repeating: 0, count: max(size, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { throw Failure(reason: tooLarge(count)) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                readSome(fd, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: describe(errno))
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// The file read straight into a new string's storage: no byte array is made and copied
    /// again (a document-sized allocation, zeroed, was 7,000 instructions a file). `take` gets the
    /// file's bytes in place and returns how many of them, moved to the front, are the text; the
    /// string then checks them as UTF-8, as `String(decoding:as:)` would, and what `take` throws
    /// is thrown. Nil when the file turns out longer than its size said (it grew while read): the
    /// caller reads it again with ``read(_:limit:tooLarge:)``.
    static func readString(_ path: String, limit: Int, tooLarge: (Int) -> String,
                           take: (UnsafeMutableBufferPointer<UInt8>) throws -> Int) throws -> String? {
        let (fd, size) = try openForReading(path, limit: limit, tooLarge: tooLarge)
        defer { close(fd) }
        var grew = false
        let text = try String(unsafeUninitializedCapacity: max(size, 0)) { buffer in
            var count = 0
            while count < buffer.count {
                let got = readSome(fd, buffer.baseAddress.map { UnsafeMutableRawPointer($0 + count) }, buffer.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    throw Failure(reason: describe(errno))
                }
                if got == 0 { break }
                count += got
            }
            if count == buffer.count {
                var probe: UInt8 = 0
                if readSome(fd, &probe, 1) != 0 { grew = true; return 0 }
            }
            return try take(UnsafeMutableBufferPointer(rebasing: buffer[..<count]))
        }
        return grew ? nil : text
    }

    /// Asks the kernel to start reading the file into the page cache, without waiting for it:
    /// the workers then find it there instead of waiting on the disk one small file at a time.
    /// Errors are ignored; the real read reports them.
    static func readAhead(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED)
        close(fd)
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// `read(2)`, named apart from ``FileBytes/read(_:limit:tooLarge:)``.
private func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
