import PostgresNIO

/// Composes one `PostgresQuery` from static SQL fragments and bound values, for queries
/// whose shape depends on input (optional filters, a choice of sort).
///
/// Why this is safe: `append` accepts only `StaticString`, so every character of SQL text
/// is a literal in our source code; a value reaches the statement only through `bind`,
/// which adds it to `PostgresBindings` and writes its placeholder (`$1`, `$2`, ...; the
/// number is ours). User data is never part of the SQL text, so it cannot change the
/// statement's meaning, whatever it contains.
public struct SQLBuilder: Sendable {
    private var sql = ""
    private var bindings = PostgresBindings()

    public init() {}

    public init(_ fragment: StaticString) {
        append(fragment)
    }

    /// Appends static SQL text.
    public mutating func append(_ fragment: StaticString) {
        sql += fragment.description
    }

    /// Binds `value` and appends its placeholder, followed by `cast` (such as `"::numeric"`)
    /// when the parameter's type must be other than the Swift value's.
    public mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value, cast: StaticString = "") {
        bindings.append(value)
        sql += "$\(bindings.count)"
        sql += cast.description
    }

    /// Appends `fragment` and binds `value` right after it: `append("AND l.kind = ", kind)`.
    public mutating func append<Value: PostgresDynamicTypeEncodable>(
        _ fragment: StaticString, _ value: Value, cast: StaticString = ""
    ) {
        append(fragment)
        bind(value, cast: cast)
    }

    /// The statement, ready for `PostgresClient.query`.
    public var query: PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}
