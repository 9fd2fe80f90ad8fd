import Foundation

/// The response media types of GraphQL over HTTP, and the negotiation of `Accept`.
enum ResponseMediaType: Sendable {
    /// `application/graphql-response+json`: request errors are `4xx`, with no `data`.
    case graphQLResponse
    /// `application/json` (legacy): every GraphQL response is `200`.
    case json
    /// `text/event-stream` (GraphQL over SSE).
    case eventStream
    /// `text/html` (a browser: the playground).
    case html

    var contentType: String {
        switch self {
        case .graphQLResponse: "application/graphql-response+json; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .eventStream: "text/event-stream; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        }
    }

    /// The best type the `Accept` header allows (nil: none acceptable, a `406`). A missing
    /// header, `*/*` and `application/*` mean `application/json`; on equal quality,
    /// `application/graphql-response+json` wins, then JSON, then the others.
    static func negotiate(_ accept: String?, allowed: [ResponseMediaType]) -> ResponseMediaType? {
        guard let accept, !accept.allSatisfy(\.isWhitespace) else {
            return allowed.contains(.json) ? .json : allowed.first
        }
        var best: (type: ResponseMediaType, quality: Double, rank: Int)? = nil
        for part in accept.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let range = pieces.first else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            // A charset other than UTF-8 is not something we can answer in.
            if let charset = pieces.dropFirst().first(where: { $0.hasPrefix("charset=") }),
                charset != "charset=utf-8"
            {
                continue
            }
            guard quality > 0 else { continue }
            let candidates: [ResponseMediaType]
            switch range {
            case "application/graphql-response+json": candidates = [.graphQLResponse]
            case "application/json": candidates = [.json]
            case "text/event-stream": candidates = [.eventStream]
            case "text/html": candidates = [.html]
            case "*/*", "application/*": candidates = [.json]
            default: candidates = []
            }
            for type in candidates {
                guard let rank = allowed.firstIndex(of: type) else { continue }
                if best == nil || quality > best!.quality || (quality == best!.quality && rank < best!.rank) {
                    best = (type, quality, rank)
                }
            }
        }
        return best?.type
    }
}
