/// One thing a kiosk or a clerk asks of the queue.
public enum QueueOperation: Sendable, Hashable {
    /// Take a ticket for a service (id or code), maybe in a priority group.
    case issue(service: String, priority: String?, kiosk: String?)
    case open(counter: Int)
    case pause(counter: Int)
    case close(counter: Int)
    /// Finish the counter's current ticket, if any, and call the next one.
    case next(counter: Int)
    case recall(counter: Int)
    case start(counter: Int)
    case done(counter: Int, dossier: String?, rating: Int?)
    case noShow(counter: Int)
    case transfer(counter: Int, to: TransferTarget)
    /// Note that a kiosk looked a dossier up (`dossier.looked_up`, the code only; DOMAIN.md, "Privacy").
    case recordLookup(code: String)
    /// Tell the displays a dossier's result is ready for collection (`dossier.ready`, from the workflow
    /// core's `display.notice`); the name must already be masked.
    case announceReady(code: String, applicantMasked: String, counter: Int?)
    /// A device changed: a fault, a recovery, connected or disconnected (`device.*`). `device` is its stable
    /// id (a CUPS queue, a board's stable path), `kind` what it is (`printer`, `display_board`).
    case recordDevice(device: String, kind: String, change: DeviceChange)
    /// Only let time pass: opens or closes the day when its hour has come.
    case tick
}
