/// How a board's serial line is set: speed, data bits, parity, stop bits (8N1 at 9600 for most).
public struct BoardSerialSettings: Sendable, Hashable, Codable {
    /// Parity of each character.
    public enum Parity: String, Sendable, Hashable, Codable, CaseIterable {
        case none, even, odd
    }

    /// Bits per second: one of ``supportedBauds``.
    public var baud: Int
    /// Data bits, 7 or 8.
    public var dataBits: Int
    /// Parity.
    public var parity: Parity
    /// Stop bits, 1 or 2.
    public var stopBits: Int

    /// The speeds a Linux serial port can be set to here.
    public static let supportedBauds = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200]

    /// Creates settings.
    public init(baud: Int = 9600, dataBits: Int = 8, parity: Parity = .none, stopBits: Int = 1) {
        self.baud = baud
        self.dataBits = dataBits
        self.parity = parity
        self.stopBits = stopBits
    }
}
