/// A USB vendor and product id, written in profile files as four hex digits each (`"04b8"`).
public struct USBDeviceID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The vendor id (idVendor).
    public var vendor: UInt16
    /// The product id (idProduct).
    public var product: UInt16

    /// Creates an id.
    public init(vendor: UInt16, product: UInt16) {
        self.vendor = vendor
        self.product = product
    }

    private enum CodingKeys: String, CodingKey { case vendor, product }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        vendor = try Self.hex(container, .vendor)
        product = try Self.hex(container, .product)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.text(vendor), forKey: .vendor)
        try container.encode(Self.text(product), forKey: .product)
    }

    public var description: String { "\(Self.text(vendor)):\(Self.text(product))" }

    private static func hex(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> UInt16 {
        let string = try container.decode(String.self, forKey: key)
        guard string.count == 4, let value = UInt16(string, radix: 16) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\"\(string)\" is not four hex digits"
            )
        }
        return value
    }

    private static func text(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
