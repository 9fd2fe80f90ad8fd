import Foundation

/// The money rules of checkout: the platform's fee and how long an unpaid order holds its
/// tickets. From `PLATFORM_FEE_BPS` and `CHECKOUT_HOLD_MINUTES`.
public struct CommerceConfiguration: Sendable, Equatable {
    /// The platform's share of each item, in basis points (1000 = 10%).
    public var platformFeeBPS: Int
    /// How long an unpaid order holds what it bought.
    public var holdMinutes: Int

    public init(platformFeeBPS: Int = 1000, holdMinutes: Int = 30) {
        self.platformFeeBPS = platformFeeBPS
        self.holdMinutes = holdMinutes
    }

    /// Reads the variables; unset ones keep the defaults, malformed ones are errors (a
    /// typo must not silently charge the default fee).
    public init(environment: [String: String]) throws(CommerceConfigurationError) {
        self.init()
        if let raw = environment["PLATFORM_FEE_BPS"], !raw.isEmpty {
            guard let bps = Int(raw), (0...10_000).contains(bps) else { throw .invalid("PLATFORM_FEE_BPS", raw) }
            platformFeeBPS = bps
        }
        if let raw = environment["CHECKOUT_HOLD_MINUTES"], !raw.isEmpty {
            guard let minutes = Int(raw), (1...24 * 60).contains(minutes) else { throw .invalid("CHECKOUT_HOLD_MINUTES", raw) }
            holdMinutes = minutes
        }
    }

    var holdDuration: TimeInterval { TimeInterval(holdMinutes * 60) }

    /// The fee on `cents`, rounded half up to a whole cent (integer arithmetic: no float
    /// ever touches money).
    public func platformFee(on cents: Int64) -> Int64 {
        (cents * Int64(platformFeeBPS) + 5_000) / 10_000
    }
}

public enum CommerceConfigurationError: Error, Equatable, CustomStringConvertible {
    case invalid(String, String)
    public var description: String {
        switch self {
        case .invalid(let name, let value): "\(name)=\(value) is not valid (PLATFORM_FEE_BPS: 0 to 10000; CHECKOUT_HOLD_MINUTES: 1 to 1440)"
        }
    }
}
