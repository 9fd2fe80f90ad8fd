// The `subscription` overloads of `SchemaResolvers`: the source stream of a subscription root
// field, from any `AsyncSequence` of events (see SubscriptionBinding.swift for how it is run).

extension SchemaResolvers {
    /// Registers the source stream of the subscription field at `coordinate`
    /// (`"Subscription.orderStatusChanged"`): each event the sequence produces becomes the
    /// field's value, or the parent of its resolver when `field(_:_:)` registers one for the
    /// same coordinate. Ending the sequence (or throwing) ends the subscription; cancelling
    /// the subscriber cancels the iteration.
    public mutating func subscription<Args: Decodable, Events: AsyncSequence>(
        _ coordinate: String, _ subscribe: @escaping @Sendable (Args, Context, ResolveInfo) async throws -> Events
    ) where Events.Element: Sendable {
        registrations.subscriptions.append(
            .make(
                coordinate, arguments: DecodableArguments<Args>(), events: AsyncEventSequence<Events>(),
                event: Events.Element.self, subscribe))
    }

    /// The same, without the `ResolveInfo`.
    public mutating func subscription<Args: Decodable, Events: AsyncSequence>(
        _ coordinate: String, _ subscribe: @escaping @Sendable (Args, Context) async throws -> Events
    ) where Events.Element: Sendable {
        registrations.subscriptions.append(
            .make(
                coordinate, arguments: DecodableArguments<Args>(), events: AsyncEventSequence<Events>(),
                event: Events.Element.self, SubscriptionAdapters.widen(subscribe)))
    }

    /// The same, for a field without arguments.
    public mutating func subscription<Events: AsyncSequence>(
        _ coordinate: String, _ subscribe: @escaping @Sendable (Context) async throws -> Events
    ) where Events.Element: Sendable {
        registrations.subscriptions.append(
            .make(
                coordinate, arguments: IgnoredArguments(), events: AsyncEventSequence<Events>(),
                event: Events.Element.self, SubscriptionAdapters.widen(subscribe)))
    }
}

/// Widenings of subscription closures (written outside constrained contexts; see
/// FieldCompilation.swift).
enum SubscriptionAdapters {
    static func widen<A, C, S>(_ f: @escaping @Sendable (A, C) async throws -> S)
        -> @Sendable (A, C, ResolveInfo) async throws -> S
    { { a, c, _ in try await f(a, c) } }

    static func widen<C, S>(_ f: @escaping @Sendable (C) async throws -> S)
        -> @Sendable (NoArguments, C, ResolveInfo) async throws -> S
    { { _, c, _ in try await f(c) } }
}
