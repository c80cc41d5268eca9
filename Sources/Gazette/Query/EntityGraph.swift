import Foundation

/// Entities and the relationships between them: an entity's neighbourhood (`gazette graph`) or
/// the whole knowledge base (`gazette export --format graphml`).
public struct EntityGraph: Sendable, Equatable {
    /// One entity.
    public struct Node: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var type: String
        public var subtype: String?
        public var country: String?
        public var region: String?
        public var latitude: Double?
        public var longitude: Double?
        /// Steps from the centre (0 for the centre itself, 0 for every node of a whole graph).
        public var depth: Int
    }

    /// One relationship.
    public struct Edge: Sendable, Equatable {
        public var id: Int64
        public var source: Int64
        public var target: Int64
        public var predicate: String
        public var attributes: String
        public var confidence: Double
        /// Supporting sentences.
        public var evidence: Int
        public var symmetric: Bool { RelationPredicate(rawValue: predicate)?.isSymmetric ?? false }
    }

    public var title: String
    public var nodes: [Node]
    public var edges: [Edge]

    // MARK: - DOT

    /// Graphviz DOT text: nodes shaped and coloured by type, edges labelled by predicate (with a
    /// role), symmetric ones without arrowheads.
    ///
    /// For example: `digraph "Panjin" { … n12 -> n5 [label="has_joint_venture_in"]; }`.
    public func dot() -> String {
        var out = "digraph \(EntityGraph.quoted(title)) {\n"
        out += "  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        for node in nodes {
            let (shape, colour) = EntityGraph.style(node.type)
            let details = [node.subtype ?? node.type, node.country].compactMap { $0 }.joined(separator: ", ")
            let pen = node.depth == 0 ? ", penwidth=2" : ""
            out += "  n\(node.id) [label=\(EntityGraph.quoted(node.name + "\n" + details)), shape=\(shape), fillcolor=\"\(colour)\"\(pen)];\n"
        }
        for edge in edges {
            var label = edge.predicate
            if let role = EntityGraph.role(edge.attributes) { label += " (\(role))" }
            let direction = edge.symmetric ? ", dir=none" : ""
            out += "  n\(edge.source) -> n\(edge.target) [label=\(EntityGraph.quoted(label))\(direction)];\n"
        }
        return out + "}\n"
    }

    static func style(_ type: String) -> (shape: String, colour: String) {
        switch type {
        case "organization": return ("box", "#cfe2f3")
        case "person": return ("oval", "#fce5cd")
        case "place": return ("ellipse", "#d9ead3")
        case "zone": return ("hexagon", "#fff2cc")
        case "facility": return ("component", "#ead1dc")
        default: return ("note", "#eeeeee")
        }
    }

    static func role(_ attributes: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(attributes.utf8)) as? [String: Any] else { return nil }
        return object["role"] as? String
    }

    /// A DOT string literal: quotes and backslashes escaped, newlines as `\n`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r", "\0": continue
            default: out.append(c)
            }
        }
        return out + "\""
    }
}
