import Foundation

/// Renders DOT with Graphviz's `dot` program, when it is installed.
public enum Graphviz {
    /// The `dot` executable on `PATH`, or nil.
    public static func executable() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent("dot")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// SVG text of a DOT graph.
    ///
    /// - Throws: ``GazetteError/invalidArgument(_:)`` saying how to install Graphviz when `dot`
    ///   is missing, or quoting its error when it fails.
    public static func svg(fromDOT dot: String) throws(GazetteError) -> String {
        guard let executable = executable() else {
            throw .invalidArgument("Graphviz is not installed (no `dot` on PATH); install it with `apt-get install graphviz`, or use --format dot and render it elsewhere")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
            // Write in the background: a large graph could fill the pipe while `dot` waits for us to read.
            let data = Data(dot.utf8)
            let writer = input.fileHandleForWriting
            let thread = Thread {
                writer.write(data)
                try? writer.close()
            }
            thread.start()
            let svg = output.fileHandleForReading.readDataToEndOfFile()
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw GazetteError.invalidArgument("dot failed: \(String(decoding: message, as: UTF8.self))")
            }
            return String(decoding: svg, as: UTF8.self)
        } catch let error as GazetteError {
            throw error
        } catch {
            throw .invalidArgument("cannot run \(executable.path): \(error)")
        }
    }
}
