import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A small client for Stripe's HTTP API over AsyncHTTPClient: form-encoded requests,
/// `Idempotency-Key` on every POST, a timeout per attempt, retries with backoff for the
/// failures that may pass, and typed errors (`StripeError`).
///
/// Call `shutdown()` before the process ends when the client created its own `HTTPClient`.
public final class StripeClient: Sendable, CustomStringConvertible {
    /// The API version every request pins, so that Stripe's answers keep the shape the
    /// models expect whatever the account's default version is.
    public static let apiVersion = "2024-06-20"
    /// Answers larger than this are refused (Stripe's objects are a few kilobytes).
    static let maxResponseBytes = 8 * 1024 * 1024

    public let configuration: StripeConfiguration
    private let httpClient: HTTPClient
    private let ownsHTTPClient: Bool
    private let logger: Logger

    /// - Parameter httpClient: a shared client to use (its owner shuts it down); nil: the
    ///   Stripe client makes its own, with the configured connect timeout, and `shutdown()`
    ///   closes it.
    public init(
        configuration: StripeConfiguration, httpClient: HTTPClient? = nil, logger: Logger = Logger(label: "stripe")
    ) {
        self.configuration = configuration
        self.logger = logger
        if let httpClient {
            self.httpClient = httpClient
            self.ownsHTTPClient = false
        } else {
            var settings = HTTPClient.Configuration(
                timeout: .init(
                    connect: configuration.connectTimeout.timeAmount, read: configuration.requestTimeout.timeAmount))
            // Stripe's API never redirects; following one would resend the Authorization header.
            settings.redirectConfiguration = .disallow
            self.httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: settings)
            self.ownsHTTPClient = true
        }
    }

    /// Closes the client's own connections (nothing when the `HTTPClient` was given).
    public func shutdown() async throws {
        if ownsHTTPClient { try await httpClient.shutdown() }
    }

    public var description: String { "StripeClient(\(configuration))" }

    // MARK: Calls

    /// POSTs `params` to `path` (`/v1/refunds`) and decodes the answer.
    /// - Parameter idempotencyKey: the caller's key for this operation (derive it from the
    ///   order or the event, so a repeated operation is one at Stripe); nil: a random one, which
    ///   still makes this call's own retries safe.
    public func post<Result: Decodable>(
        _ path: String, params: StripeParam = [:], idempotencyKey: String? = nil, timeout: Duration? = nil,
        as type: Result.Type = Result.self
    ) async throws -> Result {
        let request = makeRequest(method: .POST, path: path, params: params, idempotencyKey: idempotencyKey)
        return try decode(type, from: try await send(request, timeout: timeout))
    }

    /// GETs `path` with `query` (`expand[0]=…`) and decodes the answer.
    public func get<Result: Decodable>(
        _ path: String, query: StripeParam = [:], timeout: Duration? = nil, as type: Result.Type = Result.self
    ) async throws -> Result {
        let request = makeRequest(method: .GET, path: path, params: query, idempotencyKey: nil)
        return try decode(type, from: try await send(request, timeout: timeout))
    }

    /// The request for a call, headers included (exposed for tests and logs).
    public func makeRequest(
        method: HTTPMethod, path: String, params: StripeParam, idempotencyKey: String?
    ) -> StripeRequest {
        let form = method == .POST ? StripeForm.encode(params) : StripeForm.encodeQuery(params)
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: "Bearer \(configuration.secretKey)")
        headers.add(name: "Stripe-Version", value: Self.apiVersion)
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "User-Agent", value: "marketplace-stripe/1.0")
        if method == .POST {
            headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            headers.add(name: "Idempotency-Key", value: idempotencyKey ?? UUID().uuidString)
            return StripeRequest(
                method: method, path: path, url: configuration.url(path: path), headers: headers, body: form)
        }
        return StripeRequest(
            method: method, path: path, url: configuration.url(path: path, query: form), headers: headers, body: "")
    }

    /// Sends `request`, retrying what may pass on a second try; returns the 2xx body.
    public func send(_ request: StripeRequest, timeout: Duration? = nil) async throws -> [UInt8] {
        let timeout = timeout ?? configuration.requestTimeout
        var retry = 0
        while true {
            let failure: StripeError
            let retriable: Bool
            do {
                let (status, headers, body) = try await attempt(request, timeout: timeout)
                if (200..<300).contains(status) { return body }
                failure =
                    StripeError.decodeAPIError(status: status, body: body, redacting: configuration.secretKey)
                    ?? .api(
                        type: "api_error", code: nil, declineCode: nil, message: snippet(body), param: nil,
                        status: status)
                retriable = StripeRetryPolicy.shouldRetry(status: status, headers: headers, errorCode: failure.code)
            } catch is CancellationError {
                throw CancellationError()
            } catch let error as StripeError {
                failure = error
                retriable = true  // only .timeout comes from attempt()
            } catch {
                failure = StripeRetryPolicy.isTimeout(error) ? .timeout : .network(underlying: error)
                retriable = StripeRetryPolicy.shouldRetry(error)
            }
            guard retriable, retry < configuration.maxRetries else { throw failure }
            retry += 1
            let delay = StripeRetryPolicy.delay(
                retry: retry, base: configuration.retryBaseDelay, maximum: configuration.retryMaxDelay)
            logger.debug(
                "Stripe call failed; retrying",
                metadata: [
                    "stripe.request": "\(request)", "stripe.error": "\(failure)", "stripe.retry": "\(retry)",
                    "stripe.delay": "\(delay)",
                ])
            try await Task.sleep(for: delay)
        }
    }

    /// One attempt, with the whole exchange (answer head and body) bounded by `timeout`:
    /// AsyncHTTPClient's deadline stops at the head, so a server that stalls mid-body would
    /// otherwise hold the call forever.
    private func attempt(_ request: StripeRequest, timeout: Duration) async throws -> (Int, HTTPHeaders, [UInt8]) {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = request.method
        outgoing.headers = request.headers
        if request.method == .POST { outgoing.body = .bytes(ByteBuffer(string: request.body)) }
        let client = httpClient
        let prepared = outgoing
        return try await withThrowingTaskGroup(of: (Int, HTTPHeaders, [UInt8]).self) { group in
            group.addTask {
                let response = try await client.execute(prepared, timeout: timeout.timeAmount)
                let buffer = try await response.body.collect(upTo: Self.maxResponseBytes)
                return (Int(response.status.code), response.headers, Array(buffer.readableBytesView))
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw StripeError.timeout
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw StripeError.timeout }
            return first
        }
    }

    /// The start of a body that is not a Stripe error object (a proxy's or a test server's page).
    private func snippet(_ body: [UInt8]) -> String? {
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : StripeError.redact(text, secret: configuration.secretKey)
    }

    private func decode<Result: Decodable>(_ type: Result.Type, from body: [UInt8]) throws -> Result {
        do {
            return try JSONDecoder().decode(type, from: Data(body))
        } catch {
            throw StripeError.decoding("\(type): \(StripeError.redact("\(error)", secret: configuration.secretKey))")
        }
    }
}
