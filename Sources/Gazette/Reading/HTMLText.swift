/// Turns an HTML page into plain text: the visible text with block elements as line breaks,
/// `<title>`, and the publication date from common meta tags.
///
/// A single forward scan with no recursion, so deeply nested or broken markup cannot overflow
/// the stack; unknown entities are kept as written.
public struct HTMLText: Sendable {
    public var text: String
    public var title: String?
    public var published: String?

    /// Meta tags that carry a publication date, by `name`/`property`/`itemprop` value (lower-case).
    static let dateMetaNames: Set<String> = [
        "article:published_time", "og:published_time", "date", "pubdate", "publishdate", "dc.date",
        "dc.date.issued", "dcterms.created", "datepublished", "sailthru.date", "parsely-pub-date",
    ]
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
        "article", "header", "footer", "blockquote", "pre", "hr", "dt", "dd", "figcaption", "nav", "aside", "main",
    ]
    static let hiddenElements: Set<String> = ["script", "style", "noscript", "template", "svg", "head"]

    public init(html: String) {
        let s = [Unicode.Scalar](scalarsOf: html)
        var out = String.UnicodeScalarView()
        var title: String?
        var published: String?
        var i = 0
        var hiddenUntil: String?      // inside <script> etc.: skip to its closing tag
        var inTitle = false
        var titleText = String.UnicodeScalarView()
        while i < s.count {
            let c = s[i]
            if c == "<" {
                // Comments and declarations.
                if HTMLText.matches(s, i, "<!--") {
                    i = HTMLText.find(s, from: i + 4, "-->").map { $0 + 3 } ?? s.count
                    continue
                }
                guard let close = HTMLText.findScalar(s, from: i + 1, ">") else { break }
                let tag = HTMLText.parseTag(s[(i + 1)..<close])
                i = close + 1
                if let hidden = hiddenUntil {
                    if tag.closing && tag.name == hidden { hiddenUntil = nil }
                    if tag.name == "title" { inTitle = !tag.closing }
                    if tag.name == "meta", published == nil { published = HTMLText.metaDate(tag.attributes) }
                    continue
                }
                if tag.name == "title" { inTitle = !tag.closing; continue }
                if tag.name == "meta", published == nil { published = HTMLText.metaDate(tag.attributes) }
                if !tag.closing && HTMLText.hiddenElements.contains(tag.name) && !tag.selfClosing {
                    hiddenUntil = tag.name
                    continue
                }
                if HTMLText.blockElements.contains(tag.name) { out.append("\n"); if tag.name == "p" { out.append("\n") } }
                continue
            }
            var scalar = c
            var advance = 1
            if c == "&", let (decoded, length) = HTMLText.entity(s, at: i) {
                scalar = decoded
                advance = length
            }
            if inTitle {
                titleText.append(scalar)
            } else if hiddenUntil == nil {
                out.append(scalar)
            }
            i += advance
        }
        let t = String(titleText).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        title = t.isEmpty ? nil : t
        self.text = String(out)
        self.title = title
        self.published = published
    }

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [String: String]
    }

    static func parseTag(_ body: ArraySlice<Unicode.Scalar>) -> Tag {
        var i = body.startIndex
        var closing = false
        if i < body.endIndex, body[i] == "/" { closing = true; i += 1 }
        var name = String.UnicodeScalarView()
        while i < body.endIndex, body[i].properties.isAlphabetic || ("0"..."9").contains(body[i]) {
            name.append(body[i]); i += 1
        }
        var attributes: [String: String] = [:]
        let selfClosing = body.last == "/"
        // Attributes matter only on <meta>; skip the work elsewhere.
        if String(name).lowercased() == "meta" {
            while i < body.endIndex {
                while i < body.endIndex, body[i].properties.isWhitespace || body[i] == "/" { i += 1 }
                var key = String.UnicodeScalarView()
                while i < body.endIndex, body[i] != "=", !body[i].properties.isWhitespace, body[i] != "/" {
                    key.append(body[i]); i += 1
                }
                var value = String.UnicodeScalarView()
                if i < body.endIndex, body[i] == "=" {
                    i += 1
                    if i < body.endIndex, body[i] == "\"" || body[i] == "'" {
                        let quote = body[i]; i += 1
                        while i < body.endIndex, body[i] != quote { value.append(body[i]); i += 1 }
                        i += 1
                    } else {
                        while i < body.endIndex, !body[i].properties.isWhitespace { value.append(body[i]); i += 1 }
                    }
                }
                if !key.isEmpty { attributes[String(key).lowercased()] = String(value) }
            }
        }
        return Tag(name: String(name).lowercased(), closing: closing, selfClosing: selfClosing, attributes: attributes)
    }

    static func metaDate(_ attributes: [String: String]) -> String? {
        let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"] ?? "").lowercased()
        guard dateMetaNames.contains(key), let content = attributes["content"] else { return nil }
        // Keep the ISO date part of a timestamp such as 2021-03-03T08:00:00Z.
        let date = String(content.prefix(10))
        return PartialDate(iso: date) != nil ? date : nil
    }

    static let namedEntities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "auml": "ä", "ouml": "ö",
        "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "eacute": "é", "egrave": "è",
        "copy": "©", "reg": "®", "euro": "€", "middot": "·", "bull": "•",
    ]

    static func entity(_ s: [Unicode.Scalar], at i: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        var body = String.UnicodeScalarView()
        while j < s.count, j - i <= 10, s[j] != ";" { body.append(s[j]); j += 1 }
        guard j < s.count, s[j] == ";", !body.isEmpty else { return nil }
        let name = String(body)
        let length = j - i + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let v = value, v != 0, let scalar = Unicode.Scalar(v) else { return nil }
            return (scalar, length)
        }
        return namedEntities[name].map { ($0, length) }
    }

    static func matches(_ s: [Unicode.Scalar], _ i: Int, _ literal: String) -> Bool {
        var k = i
        for u in literal.unicodeScalars {
            guard k < s.count, s[k] == u else { return false }
            k += 1
        }
        return true
    }

    static func find(_ s: [Unicode.Scalar], from: Int, _ literal: String) -> Int? {
        var i = from
        while i < s.count {
            if matches(s, i, literal) { return i }
            i += 1
        }
        return nil
    }

    static func findScalar(_ s: [Unicode.Scalar], from: Int, _ scalar: Unicode.Scalar) -> Int? {
        var i = from
        while i < s.count {
            if s[i] == scalar { return i }
            i += 1
        }
        return nil
    }
}
