extension EntityGraph {
    /// GraphML for Gephi, yEd or networkx (`networkx.read_graphml`): node attributes name, type,
    /// subtype, country, region, latitude, longitude; edge attributes predicate, attributes,
    /// confidence, evidence. Written in pieces through `write`, so a large graph is never one string.
    public func writeGraphML(_ write: (String) throws -> Void) rethrows {
        try write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="name" for="node" attr.name="name" attr.type="string"/>
              <key id="type" for="node" attr.name="type" attr.type="string"/>
              <key id="subtype" for="node" attr.name="subtype" attr.type="string"/>
              <key id="country" for="node" attr.name="country" attr.type="string"/>
              <key id="region" for="node" attr.name="region" attr.type="string"/>
              <key id="latitude" for="node" attr.name="latitude" attr.type="double"/>
              <key id="longitude" for="node" attr.name="longitude" attr.type="double"/>
              <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
              <key id="attributes" for="edge" attr.name="attributes" attr.type="string"/>
              <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
              <key id="evidence" for="edge" attr.name="evidence" attr.type="int"/>
              <graph id=\(EntityGraph.attribute(title)) edgedefault="directed">

            """)
        for node in nodes {
            var data = [("name", node.name), ("type", node.type)]
            for (key, value) in [("subtype", node.subtype), ("country", node.country), ("region", node.region)] {
                if let value { data.append((key, value)) }
            }
            if let latitude = node.latitude { data.append(("latitude", String(latitude))) }
            if let longitude = node.longitude { data.append(("longitude", String(longitude))) }
            try write("    <node id=\"n\(node.id)\">" + data.map { EntityGraph.data($0.0, $0.1) }.joined() + "</node>\n")
        }
        for edge in edges {
            let data = [("predicate", edge.predicate), ("attributes", edge.attributes),
                        ("confidence", String(edge.confidence)), ("evidence", String(edge.evidence))]
            try write("    <edge id=\"e\(edge.id)\" source=\"n\(edge.source)\" target=\"n\(edge.target)\">"
                + data.map { EntityGraph.data($0.0, $0.1) }.joined() + "</edge>\n")
        }
        try write("  </graph>\n</graphml>\n")
    }

    static func data(_ key: String, _ value: String) -> String {
        "<data key=\"\(key)\">\(escaped(value))</data>"
    }

    static func attribute(_ value: String) -> String {
        "\"" + escaped(value) + "\""
    }

    /// XML text: markup characters escaped, characters XML 1.0 forbids (NUL, most controls) dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
