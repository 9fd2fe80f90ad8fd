import Dispatch
import Foundation
import HummingbirdBcrypt

/// bcrypt hashing off Swift's cooperative thread pool: one hash at cost 10 takes tens of
/// milliseconds of CPU, which would stall every other request sharing that thread.
struct PasswordHasher: Sendable {
    let cost: UInt8
    /// A real hash of a random password, verified against when the account does not exist,
    /// so that a sign-in with an unknown email takes as long as one with a wrong password.
    let decoyHash: String

    private static let queue = DispatchQueue(label: "marketplace.bcrypt", attributes: .concurrent)

    init(cost: UInt8) {
        self.cost = cost
        self.decoyHash = Bcrypt.hash(OpaqueToken.generate(), cost: cost)
    }

    func hash(_ password: String) async -> String {
        let cost = self.cost
        return await Self.offload { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; with no hash (no such account), checks the decoy
    /// and answers false.
    func verify(_ password: String, hash: String?) async -> Bool {
        let decoy = decoyHash
        return await Self.offload {
            guard let hash else {
                _ = Bcrypt.verify(password, hash: decoy)
                return false
            }
            return Bcrypt.verify(password, hash: hash)
        }
    }

    private static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
