import Foundation
import HTTPTypes
import Hummingbird
import InputDevices
import LedBoards
import Udev
import Logging
import Printing
import QueueCore
import QueueService
import Store
import Voice
import WorkflowLink

/// What the web layer serves: the queue engine, the accounts and the metrics of one office.
public struct Office: Sendable {
    public let engine: QueueEngine
    public let accounts: AccountService
    /// The office's name, as pages and the API show it.
    public let name: String
    /// The devices the office knows of besides its printers.
    public let devices: [DeviceView]
    /// The printers: tickets are printed there, and they are listed with the devices; nil when none.
    public let printers: PrinterPool?
    /// The LED counter boards, listed with the devices; nil when none.
    public let boards: LedBoardService?
    /// The scanners and keypads, listed with the devices; their scans go to the lookup pages. Nil when none.
    public let inputs: InputDeviceService?
    /// What is plugged in and matches a model, configured or not (udev); nil when not followed.
    public let present: PresentDevices?
    /// The language tickets are printed in (`vi` or `en`).
    public let printLanguage: String
    /// Where dossier lookups go (the workflow link); nil when the office has no workflow core.
    public let dossiers: (any DossierDirectory)?
    /// Keeps one address from flooding the workflow core with lookups.
    let lookupThrottle: AddressThrottle
    /// New announcement sounds made per address: far above a hall TV's one per call.
    let audioThrottle = AddressThrottle(limit: 60, window: 60)
    /// The sound of announcements, for display pages; nil without phrases.
    public let announcementAudio: AnnouncementAudio?
    /// The announcer speaking calls on this machine; nil when `announcements.enabled` is false.
    public let announcer: AnnouncerService?

    public init(
        engine: QueueEngine, accounts: AccountService, name: String, devices: [DeviceView] = [],
        printers: PrinterPool? = nil, boards: LedBoardService? = nil, inputs: InputDeviceService? = nil, present: PresentDevices? = nil, printLanguage: String = "vi",
        dossiers: (any DossierDirectory)? = nil, lookupsPerMinute: Int = 30,
        announcementAudio: AnnouncementAudio? = nil, announcer: AnnouncerService? = nil
    ) {
        self.announcementAudio = announcementAudio
        self.announcer = announcer
        self.engine = engine
        self.accounts = accounts
        self.name = name
        self.devices = devices
        self.printers = printers
        self.boards = boards
        self.inputs = inputs
        self.present = present
        self.printLanguage = printLanguage
        self.dossiers = dossiers
        self.lookupThrottle = AddressThrottle(limit: lookupsPerMinute, window: 60)
    }

    public var metrics: OfficeMetrics { engine.metrics }

    /// Every device: the printers as last read, the boards as last driven, the scanners and keypads, what is
    /// plugged in but not configured, then the others.
    public func allDevices() async -> [DeviceView] {
        let printers = await printers?.snapshots() ?? []
        let boards = await boards?.snapshots() ?? []
        let inputs = inputs?.snapshots() ?? []
        // A board or input plugged in and matching a model, that the configuration does not name.
        let configured = Set(boards.map(\.path) + inputs.map(\.path))
        let unconfigured = (present?.list() ?? []).filter { device in !configured.contains { device.device.isNamed($0) } }
        return printers.map(DeviceView.init) + boards.map(DeviceView.init) + inputs.map(DeviceView.init)
            + unconfigured.map(DeviceView.init) + devices
    }
}
