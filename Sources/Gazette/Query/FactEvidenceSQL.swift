extension Store {
    /// The `FROM` clause of a fact with its evidence: the relationship, its two entities as
    /// `subject` and `object`, and each supporting `fact_evidence` row with its `document` and
    /// `sentence`. The `facts` view (migration 0002) joins the same way; `export` and `why` select
    /// more columns than the view has, so they share this clause instead.
    static let factEvidenceFrom = """
        FROM relationship
        JOIN entity AS subject ON subject.id = relationship.subject_id
        JOIN entity AS object ON object.id = relationship.object_id
        JOIN fact_evidence ON fact_evidence.relationship_id = relationship.id
        JOIN document ON document.id = fact_evidence.document_id
        JOIN sentence ON sentence.id = fact_evidence.sentence_id
        """
}
