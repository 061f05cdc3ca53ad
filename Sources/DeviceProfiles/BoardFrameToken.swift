/// One piece of a board's frame, written in its profile as a string:
///
/// | written | sent |
/// |---|---|
/// | `"0x02"` | that byte |
/// | `"address"` | the board's address (from the configuration) as one byte |
/// | `"address-ascii"` | the address as two ASCII digits, `"07"` |
/// | `"text"` | the number, fitted to the board's characters, in ASCII |
/// | `"xor"` | the XOR of every byte after the first one up to here |
/// | `"sum8"` | the sum modulo 256 of every byte after the first one up to here |
public enum BoardFrameToken: Sendable, Hashable {
    case byte(UInt8)
    case address
    case addressASCII
    case text
    case xorChecksum
    case sum8Checksum

    /// The token written as `text`, or nil when it is none of the forms above.
    public init?(_ text: String) {
        switch text {
        case "address": self = .address
        case "address-ascii": self = .addressASCII
        case "text": self = .text
        case "xor": self = .xorChecksum
        case "sum8": self = .sum8Checksum
        default:
            guard text.count == 4, text.hasPrefix("0x"), let value = UInt8(text.dropFirst(2), radix: 16) else { return nil }
            self = .byte(value)
        }
    }
}
