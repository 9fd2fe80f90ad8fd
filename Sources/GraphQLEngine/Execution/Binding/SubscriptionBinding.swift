// Subscription source streams: any `AsyncSequence` of events, turned into the executor's
// `AsyncThrowingStream<any Sendable, any Error>`. The stream pulls from the sequence's
// iterator on demand (`AsyncThrowingStream(unfolding:)`) rather than pumping it from a task
// of its own: a slow client applies backpressure instead of growing a buffer, and the
// iteration runs in the consumer's task, so cancelling the consumer cancels the iteration
// (the source's `next()` sees the cancellation) and dropping the stream releases the
// iterator (which terminates sources such as `AsyncStream`).

extension SubscriptionRegistration {
    static func make<Args, Context, Events, Event>(
        _ coordinate: String, arguments: any ArgumentsDecoder<Args>, events: any EventSequence<Events>,
        event: Event.Type, _ subscribe: @escaping @Sendable (Args, Context, ResolveInfo) async throws -> Events
    ) -> SubscriptionRegistration {
        SubscriptionRegistration(
            coordinate: RegisteredCoordinate(coordinate), eventCases: { ResultConversion.enumCases(of: Event.self) }
        ) { site in
            let decoding = site.decoding
            let coordinate = site.coordinate
            let source: SubscribeResolve = { _, args, context, info in
                let context: Context = try ResolverCasts.context(context, coordinate)
                let sequence = try await subscribe(try arguments.decode(args, decoding, coordinate), context, info)
                return EventStream.make(events.source(of: sequence))
            }
            return (source, eventResolver(Event.self, site))
        }
    }

    /// The field's value for each event: the event itself, converted as a resolver's result
    /// of the event type would be (a Swift enum event for an enum field is its raw value).
    private static func eventResolver<Event>(_ type: Event.Type, _ site: FieldSite) -> FieldResolver {
        let convert = ResultConversion.converter(for: Event.self, fieldType: site.field.type)
        return .sync { event, _, _, _ in
            guard let typed = event as? Event else { return event }
            return convert(typed)
        }
    }
}

/// Makes an `EventSource` of a sequence of type `Events`.
protocol EventSequence<Events>: Sendable {
    associatedtype Events
    func source(of events: Events) -> any EventSource
}

/// An `AsyncSequence` of `Sendable` events.
struct AsyncEventSequence<Events: AsyncSequence>: EventSequence where Events.Element: Sendable {
    func source(of events: Events) -> any EventSource {
        IteratorSource(events.makeAsyncIterator())
    }
}

/// The next event of a subscription, or nil at its end.
protocol EventSource: Sendable {
    func next() async throws -> (any Sendable)?
}

/// An iterator behind a `Sendable` reference.
private final class IteratorSource<Iterator: AsyncIteratorProtocol>: EventSource, @unchecked Sendable
where Iterator.Element: Sendable {
    // @unchecked: the iterator is only used by `next()`, and `AsyncThrowingStream(unfolding:)`
    // calls its closure for one element at a time, from the stream's single consumer.
    private var iterator: Iterator

    init(_ iterator: Iterator) {
        self.iterator = iterator
    }

    func next() async throws -> (any Sendable)? {
        try await iterator.next()
    }
}

/// The executor's stream over an event source.
enum EventStream {
    // Not generic: see FieldCompilation.swift on closures and conformances.
    static func make(_ source: any EventSource) -> AsyncThrowingStream<any Sendable, any Error> {
        AsyncThrowingStream(unfolding: { try await source.next() })
    }
}
