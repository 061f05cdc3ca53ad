/// Turns ``EscPosCommand`` values into the bytes a printer receives, checking each value's range.
public struct EscPosEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// The bytes of `commands`, in order.
    /// - Throws: ``EscPosEncodingError`` naming the first command with a value out of range.
    public func encode(_ commands: [EscPosCommand]) throws(EscPosEncodingError) -> [UInt8] {
        var out: [UInt8] = []
        for (index, command) in commands.enumerated() {
            try append(command, index: index, to: &out)
        }
        return out
    }

    /// The bytes of one command.
    public func encode(_ command: EscPosCommand) throws(EscPosEncodingError) -> [UInt8] {
        try encode([command])
    }

    private func append(_ command: EscPosCommand, index: Int, to out: inout [UInt8]) throws(EscPosEncodingError) {
        func fail(_ code: EscPosEncodingError.Code, _ message: String) -> EscPosEncodingError {
            EscPosEncodingError(code: code, commandIndex: index, message: message)
        }
        let esc = EscPos.esc, gs = EscPos.gs
        switch command {
        case .initialize:
            out += [esc, 0x40]
        case .selectCodePage(let n):
            out += [esc, 0x74, n]
        case .text(let bytes):
            if let offset = bytes.firstIndex(where: { $0 < 0x20 || $0 == 0x7F }) {
                throw fail(.controlByteInText, "text byte \(offset) is control byte 0x\(hex(bytes[offset])); use .lineFeed for new lines")
            }
            out += bytes
        case .lineFeed:
            out.append(EscPos.lf)
        case .justification(let j):
            out += [esc, 0x61, j.rawValue]
        case .emphasis(let on):
            out += [esc, 0x45, on ? 1 : 0]
        case .characterSize(let width, let height):
            guard (1...8).contains(width), (1...8).contains(height) else {
                throw fail(.outOfRange, "character size \(width)×\(height) is outside 1…8 × 1…8")
            }
            out += [gs, 0x21, (width - 1) << 4 | (height - 1)]
        case .qrSelectModel2:
            out += qr(function: 0x41, [0x32, 0x00])
        case .qrModuleSize(let n):
            guard (1...16).contains(n) else { throw fail(.outOfRange, "QR module size \(n) is outside 1…16 dots") }
            out += qr(function: 0x43, [n])
        case .qrErrorLevel(let level):
            out += qr(function: 0x45, [level.rawValue])
        case .qrStore(let data):
            guard (1...7089).contains(data.count) else {
                throw fail(.outOfRange, "QR data of \(data.count) bytes is outside 1…7089")
            }
            out += qr(function: 0x50, [0x30] + data)
        case .qrPrint:
            out += qr(function: 0x51, [0x30])
        case .code128(let data):
            guard (2...255).contains(data.count) else {
                throw fail(.outOfRange, "Code 128 data of \(data.count) bytes is outside 2…255 (code set selector included)")
            }
            out += [gs, 0x6B, 73, UInt8(data.count)] + data
        case .rasterImage(let widthBytes, let height, let data):
            guard (1...0xFFFF).contains(widthBytes), (1...0x0FFF).contains(height) else {
                throw fail(.outOfRange, "raster image \(widthBytes) bytes × \(height) dots is outside 1…65535 × 1…4095")
            }
            guard data.count == widthBytes * height else {
                throw fail(.rasterSizeMismatch, "raster image of \(widthBytes) × \(height) needs \(widthBytes * height) bytes, got \(data.count)")
            }
            out += [gs, 0x76, 0x30, 0x00] + le16(widthBytes) + le16(height) + data
        case .cut(let cut):
            out += [gs, 0x56, cut == .full ? 0 : 1]
        case .feedAndCut(let cut, let feed):
            out += [gs, 0x56, cut == .full ? 65 : 66, feed]
        case .feed(let lines):
            out += [esc, 0x64, lines]
        }
    }

    /// `GS ( k pL pH cn=49 fn parameters…` for the QR code functions.
    private func qr(function: UInt8, _ parameters: [UInt8]) -> [UInt8] {
        [EscPos.gs, 0x28, 0x6B] + le16(parameters.count + 2) + [0x31, function] + parameters
    }

    private func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
}

func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
