import ArgumentParser
import Foundation
import Gazette

extension GazetteCommand {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extract",
            abstract: "Run the whole pipeline on one document and print what it finds, writing no database.",
            discussion: """
                Reads a .txt, .html or .jsonl file (the first line of JSONL), or standard input with "-". \
                --format json prints one object with the keys document, sentences, entities, facts, \
                events and dates; the field names follow the public SQL interface.

                Example:
                  gazette extract seeds/documents/000_edaaab7c5554935a.txt --format json
                  echo "Clariant has set up a joint venture in Dalian." | gazette extract --published 2021-03-01 -
                """)

        @OptionGroup(title: "Rules") var rules: RulesOptions
        @OptionGroup(title: "Output") var output: OutputOptions

        @Option(help: ArgumentHelp("Publication date relative dates resolve against (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
        var published: String?

        @Option(help: "Language of the text, en or de (default: detected).")
        var language: Language?

        @Argument(help: ArgumentHelp("The document, or - for standard input.", valueName: "file"))
        var file: String

        func validate() throws {
            if let published, PartialDate(iso: published) == nil {
                throw ValidationError("--published must be YYYY, YYYY-MM or YYYY-MM-DD, not '\(published)'.")
            }
        }

        func run() throws {
            let source: SourceDocument
            if file == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                let text = try TextEncoding.utf8.decode([UInt8](data), path: "<stdin>")
                source = SourceDocument(sourceKey: "<stdin>", name: "<stdin>", path: "<stdin>", format: .text, text: text)
            } else {
                let reader = DocumentReader()
                guard let first = reader.read(file: try reader.inputFiles(for: [file]).first ?? file).first else {
                    throw GazetteError.emptyDocument(file)
                }
                source = try first.get()
            }
            let doc = try rules.pipeline().extract(source, language: language, published: published.flatMap(PartialDate.init(iso:)))
            switch output.format {
            case .json, .jsonl:
                print(doc.jsonText())
            case .table, .csv:
                ExtractPrinter(doc: doc, format: output.format).print()
            }
        }
    }
}

extension Language: ExpressibleByArgument {}

/// Prints an extraction as one titled table per section.
struct ExtractPrinter {
    var doc: ExtractedDocument
    var format: OutputFormat

    func print() {
        let object = doc.jsonObject()
        let writer = RowWriter(format)
        let meta = doc.metadata
        Swift.print("document: \(meta.name)  language=\(meta.language.rawValue) published=\(meta.published ?? "-") "
                    + "dateline=\(meta.dateline ?? "-") source=\(meta.source ?? "-") title=\(meta.title ?? "-")")
        let sections: [(String, [String])] = [
            ("entities", ["name", "type", "subtype", "country", "country_source", "region", "mentions"]),
            ("facts", ["subject", "predicate", "object", "attributes", "rule", "sentence"]),
            ("events", ["event_type", "date_start", "date_end", "place", "participants", "rule"]),
            ("dates", ["text", "start", "end", "date_start", "date_end", "date_precision"]),
        ]
        for (key, columns) in sections {
            let items = object[key] as? [[String: Any]] ?? []
            Swift.print("\n\(key) (\(items.count))")
            let rows = items.map { item in columns.map { column -> ResultTable.Value in
                ExtractPrinter.value(item[column])
            } }
            writer.write(ResultTable(columns: columns, rows: rows))
        }
    }

    static func value(_ any: Any?) -> ResultTable.Value {
        switch any {
        case nil: return .null
        case let s as String: return .text(s)
        case let i as Int: return .integer(Int64(i))
        case let d as Double: return .real(d)
        case let other?:
            if other is NSNull { return .null }
            if JSONSerialization.isValidJSONObject(other), let data = try? JSONSerialization.data(withJSONObject: other, options: [.sortedKeys]) {
                return .text(String(decoding: data, as: UTF8.self))
            }
            return .text("\(other)")
        }
    }
}
