/// The Swift layer over libcups: destinations, raw jobs, job and printer states.
///
/// Start with ``CupsClient``. Every call opens its own connection to the scheduler and runs libcups's
/// blocking calls on a Dispatch worker thread, never on Swift's cooperative pool (see ``CupsClient``).
public enum Cups {
    /// The MIME type of a raw job: CUPS passes its bytes to the printer untouched (`CUPS_FORMAT_RAW`).
    public static let rawFormat = "application/vnd.cups-raw"

    /// The IPP port CUPS listens on when a server names none.
    public static let defaultPort = 631
}
