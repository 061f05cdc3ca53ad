extension CupsError {
    /// A stable code: the IPP status keyword libcups reported, or `client-connection-failed` when the
    /// scheduler could not be reached at all.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The keyword, e.g. `client-error-not-found`.
        public var rawValue: String

        /// A code from its keyword.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The printer or job does not exist (IPP `client-error-not-found`).
        public static let notFound = Code(rawValue: "client-error-not-found")
        /// The queue rejects jobs (`cupsreject`; IPP `server-error-not-accepting-jobs`).
        public static let notAcceptingJobs = Code(rawValue: "server-error-not-accepting-jobs")
        /// The scheduler refused for lack of rights (IPP `client-error-not-authorized`).
        public static let notAuthorized = Code(rawValue: "client-error-not-authorized")
        /// The scheduler could not be reached or the connection broke.
        public static let connectionFailed = Code(rawValue: "client-connection-failed")

        /// The keyword.
        public var description: String { rawValue }
    }
}
