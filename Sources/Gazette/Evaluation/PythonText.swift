import Foundation

/// Python's text forms, so that `gazette eval` prints exactly what `score.py` prints:
/// `repr` of strings and tuples, `str` of values, `round(x, 3)` and `{x:.2f}`.
enum PythonText {
    /// `str(value)`; nil stands for `None`.
    static func str(_ value: String?) -> String { value ?? "None" }

    /// `repr(value)` of a string or `None`: single quotes unless the text holds one and no double quote.
    static func repr(_ value: String?) -> String {
        guard let value else { return "None" }
        let quote: Unicode.Scalar = value.contains("'") && !value.contains("\"") ? "\"" : "'"
        var out = String.UnicodeScalarView([quote])
        for scalar in value.unicodeScalars {
            switch scalar {
            case quote, "\\":
                out.append("\\")
                out.append(scalar)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default:
                if isPrintable(scalar) {
                    out.append(scalar)
                } else {
                    let v = scalar.value
                    let escape =
                        v <= 0xFF
                        ? String(format: "\\x%02x", v)
                        : v <= 0xFFFF ? String(format: "\\u%04x", v) : String(format: "\\U%08x", v)
                    out.append(contentsOf: escape.unicodeScalars)
                }
            }
        }
        out.append(quote)
        return String(out)
    }

    /// `repr` of an optional integer (a gold entity index).
    static func repr(_ value: Int?) -> String { value.map { String($0) } ?? "None" }

    /// `repr` of a tuple whose parts are already `repr`'d.
    static func tuple(_ parts: [String]) -> String { "(" + parts.joined(separator: ", ") + ")" }

    /// `repr(float)`, or `None`: the shortest text that reads back as the same number ("1.0", "0.857").
    static func repr(_ value: Double?) -> String {
        guard let value else { return "None" }
        return value.description
    }

    /// `round(x, 3)`: correctly rounded to three decimals, as Python does (halves to even on the exact value).
    static func round3(_ value: Double) -> Double {
        Double(String(format: "%.3f", value)) ?? value
    }

    /// `f"{x:.2f}"`.
    static func fixed2(_ value: Double) -> String { String(format: "%.2f", value) }

    /// `f"{text:width}"`: left-aligned, padded with spaces to `width` code points, never cut.
    static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.unicodeScalars.count))
    }

    /// Python's `<` on strings: code point order.
    static func less(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// `str.startswith` on code points.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.unicodeScalars.starts(with: prefix.unicodeScalars)
    }

    /// `str.isprintable()` for one character.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
