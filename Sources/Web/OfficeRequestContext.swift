import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// The request context of every route: who is asking, if anyone.
public struct OfficeRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The account behind the session cookie or bearer token, or the local administrator on the control socket.
    public var user: UserAccount?
    /// The session or bearer token presented.
    public var token: String?

    /// The client's IP address (nil on the control socket).
    public var clientAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are small JSON objects.
    public var maxUploadSize: Int { 64 * 1024 }

    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The account, or 401; 403 while it must change its one-time password.
    public func requireUser(allowingPasswordChange: Bool = false) throws -> UserAccount {
        guard let user else { throw APIError.unauthorized }
        if user.mustChangePassword && !allowingPasswordChange { throw APIError.passwordChangeRequired }
        return user
    }

    /// An account that may work counter `number`.
    public func requireCounter(_ number: Int) throws -> UserAccount {
        let user = try requireUser()
        guard user.mayWork(counter: number) else { throw APIError.forbidden }
        return user
    }

    /// An administrator.
    public func requireAdmin() throws -> UserAccount {
        let user = try requireUser()
        guard user.role == .admin else { throw APIError.forbidden }
        return user
    }
}
