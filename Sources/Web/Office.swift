import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// What the web layer serves: the queue engine, the accounts and the metrics of one office.
public struct Office: Sendable {
    public let engine: QueueEngine
    public let accounts: AccountService
    /// The office's name, as pages and the API show it.
    public let name: String
    /// The devices the office knows of (today: those its configuration names).
    public let devices: [DeviceView]

    public init(engine: QueueEngine, accounts: AccountService, name: String, devices: [DeviceView] = []) {
        self.engine = engine
        self.accounts = accounts
        self.name = name
        self.devices = devices
    }

    public var metrics: OfficeMetrics { engine.metrics }
}
