import Foundation

extension ExtractedDocument {
    /// The document as `gazette extract --format json` prints it: keys `document`, `sentences`,
    /// `entities`, `facts`, `events` and `dates`, with field names of the public SQL interface.
    public func jsonObject() -> [String: Any] {
        let m = metadata
        let names = Dictionary(entities.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        func sentenceFields(_ position: Int) -> [String: Any] {
            guard sentences.indices.contains(position) else { return [:] }
            let s = sentences[position]
            return ["sentence": s.text, "start": s.start, "end": s.end]
        }
        var mentionCounts: [String: Int] = [:]
        for mention in mentions { if let key = mention.entityKey { mentionCounts[key, default: 0] += 1 } }
        return [
            "document": [
                "name": m.name, "title": orNull(m.title), "published": orNull(m.published), "dateline": orNull(m.dateline),
                "source": orNull(m.source), "language": m.language.rawValue, "sha256": m.sha256, "url": orNull(m.url),
            ],
            "sentences": sentences.map { ["position": $0.position, "start": $0.start, "end": $0.end, "text": $0.text] },
            "entities": entities.map { e -> [String: Any] in
                [
                    "name": e.name, "type": e.type.rawValue, "subtype": orNull(e.subtype), "country": orNull(e.country),
                    "country_source": orNull(e.countrySource?.rawValue), "region": orNull(e.region),
                    "aliases": e.aliases.filter { $0 != e.name }, "mentions": mentionCounts[e.key] ?? 0, "key": e.key,
                ]
            },
            "mentions": mentions.map { m -> [String: Any] in
                ["text": m.text, "start": m.start, "end": m.end, "type": m.type.rawValue, "subtype": orNull(m.subtype),
                 "entity": orNull(m.entityKey.flatMap { names[$0] }), "rule": m.rule]
            },
            "facts": facts.map { f -> [String: Any] in
                ["subject": names[f.subject] ?? f.subject, "predicate": f.predicate.rawValue,
                 "object": names[f.object] ?? f.object, "attributes": f.attributes,
                 "confidence": Confidence.combine([f.rulePrecision]), "rule": f.rule]
                    .merging(sentenceFields(f.sentence)) { a, _ in a }
            },
            "events": events.map { e -> [String: Any] in
                ["event_type": e.type.rawValue, "date_start": orNull(e.dateStart?.iso), "date_end": orNull(e.dateEnd?.iso),
                 "date_precision": orNull(e.precision?.rawValue), "place": orNull(e.place.flatMap { names[$0] }),
                 "participants": e.participants.map { ["name": names[$0.entity] ?? $0.entity, "role": $0.role.rawValue] },
                 "rule": e.rule]
                    .merging(sentenceFields(e.sentence)) { a, _ in a }
            },
            "dates": dates.map { d -> [String: Any] in
                ["text": d.text, "start": d.start, "end": d.end, "date_start": d.dateStart.iso,
                 "date_end": orNull(d.dateEnd?.iso), "date_precision": d.precision.rawValue, "rule": d.rule]
            },
        ]
    }

    /// `NSNull` for a missing value, so that JSON shows `null`.
    func orNull(_ value: Any?) -> Any {
        value ?? NSNull()
    }

    /// ``jsonObject()`` as pretty-printed JSON text with sorted keys.
    public func jsonText() -> String {
        let data = (try? JSONSerialization.data(withJSONObject: jsonObject(), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
