extension CupsError {
    /// What a ``CupsClient`` was doing when it failed.
    public enum Operation: String, Sendable, Hashable, CustomStringConvertible {
        /// Opening the connection to the scheduler.
        case connect
        /// Listing the destinations (CUPS-Get-Printers).
        case listDestinations
        /// Creating a job and sending its document.
        case submitJob
        /// Reading a job's attributes (Get-Job-Attributes).
        case readJob
        /// Reading a printer's attributes (Get-Printer-Attributes).
        case readPrinter
        /// Cancelling a job.
        case cancelJob

        /// The operation as a verb phrase ("submit a raw job").
        public var description: String {
            switch self {
            case .connect: "connect to the scheduler"
            case .listDestinations: "list the destinations"
            case .submitJob: "submit a raw job"
            case .readJob: "read the job's state"
            case .readPrinter: "read the printer's state"
            case .cancelJob: "cancel the job"
            }
        }
    }
}
