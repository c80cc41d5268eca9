/// A named question stored in the `queries` table: what `gazette ask` runs and Datasette shows
/// as a canned query.
public struct CannedQuery: Sendable, Equatable {
    /// One `:name` parameter of the SQL.
    public struct Parameter: Sendable, Equatable, Codable {
        public var name: String
        public var description: String
        /// Used when the caller gives no value; empty means "any" in the stored queries.
        public var `default`: String
    }

    public var name: String
    public var title: String
    public var description: String
    public var sql: String
    public var parameters: [Parameter]
}
