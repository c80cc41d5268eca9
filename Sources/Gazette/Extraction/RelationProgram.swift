/// A ``RelationPattern``'s elements as the ``SentenceMatcher`` walks them: plain steps, with the
/// word alternatives and slot types they name kept in arrays beside them.
///
/// The matcher reads an element at every step of its backtracking search. Read out of
/// ``RelationPattern/elements``, an element is an enum whose payloads hold arrays and hash tables,
/// and each read retained and released every one of them (a profile put these copies at about two
/// percent of an import's cycles). A ``Step`` holds only numbers, so reading one copies nothing;
/// the matcher reads the alternatives and types it needs in place, by index.
struct RelationProgram: Sendable {
    /// One element of the pattern, by value.
    enum Step: Sendable {
        /// A slot; `types` indexes ``RelationProgram/slotTypes``.
        case slot(role: RelationPattern.SlotRole, types: Int, list: Bool)
        /// A word element; `phrases` indexes ``RelationProgram/phrases``.
        case words(phrases: Int, optional: Bool)
        case gap(Int)
        case start
        case roleSlot
    }

    let steps: [Step]
    let slotTypes: [RelationPattern.SlotTypes]
    let phrases: [RelationPattern.Phrases]

    init(_ elements: [RelationPattern.Element]) {
        var steps: [Step] = []
        var slotTypes: [RelationPattern.SlotTypes] = []
        var phrases: [RelationPattern.Phrases] = []
        steps.reserveCapacity(elements.count)
        for element in elements {
            switch element {
            case .slot(let role, let types, let list):
                steps.append(.slot(role: role, types: slotTypes.count, list: list))
                slotTypes.append(types)
            case .words(let alternatives, let optional):
                steps.append(.words(phrases: phrases.count, optional: optional))
                phrases.append(alternatives)
            case .gap(let n):
                steps.append(.gap(n))
            case .start:
                steps.append(.start)
            case .roleSlot:
                steps.append(.roleSlot)
            }
        }
        self.steps = steps
        self.slotTypes = slotTypes
        self.phrases = phrases
    }
}
