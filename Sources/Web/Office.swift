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

    public init(engine: QueueEngine, accounts: AccountService, name: String) {
        self.engine = engine
        self.accounts = accounts
        self.name = name
    }

    public var metrics: OfficeMetrics { engine.metrics }
}
