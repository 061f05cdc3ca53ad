import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// A priority group the kiosk offers.
struct PriorityGroupView: Encodable, Sendable {
    let code: String
    let name: String
    let nameEn: String?

    enum CodingKeys: String, CodingKey {
        case code, name
        case nameEn = "name_en"
    }

    init(_ group: PriorityGroup) {
        code = group.code
        name = group.name
        nameEn = group.nameEn
    }
}
