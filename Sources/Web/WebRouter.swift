import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// The routes of the daemon, for the HTTP listener and the control socket alike.
public enum WebRouter {
    /// Builds the router.
    ///
    /// - Parameters:
    ///   - trustLocal: every request acts as the local administrator (the control socket, whose file
    ///     permissions admit only the daemon's own user).
    ///   - sessionLifetime: seconds a login session lasts.
    ///   - pages: the pages' templates and assets; `nil` serves the API alone (the control socket).
    public static func make(office: Office, trustLocal: Bool, sessionLifetime: Int = 12 * 3600, pages: PageTemplates? = nil) -> Router<OfficeRequestContext> {
        let router = Router(context: OfficeRequestContext.self)
        let pageRoutes = pages.map { PageRoutes(office: office, pages: $0) }
        router.add(middleware: ErrorMiddleware(office: office, pages: pageRoutes))
        router.add(middleware: AuthenticationMiddleware(office: office, trustLocal: trustLocal))
        HealthRoutes(office: office).register(on: router)
        PublicRoutes(office: office).register(on: router)
        EventStreamRoute(office: office).register(on: router)
        ScanStreamRoute(office: office).register(on: router)
        AnnouncementRoutes(office: office).register(on: router)
        SessionRoutes(office: office, sessionLifetime: sessionLifetime).register(on: router)
        CounterRoutes(office: office).register(on: router)
        AdminRoutes(office: office).register(on: router)
        pageRoutes?.register(on: router)
        return router
    }
}
