/// Turns bytes back into ``EscPosCommand`` values: for tests, and for checking what a printer received.
///
/// It knows the commands ``EscPosEncoder`` writes. Anything else is reported as an
/// ``EscPosParseProblem`` with its offset; the parser skips the prefix and command byte of an unknown
/// sequence and goes on, so one odd command does not hide the rest of a ticket.
public struct EscPosParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// Parses everything in `bytes`.
    public func parse(_ bytes: [UInt8]) -> EscPosParseResult {
        var cursor = Cursor(bytes: bytes)
        var result = EscPosParseResult()
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty { result.commands.append(.text(text)); text = [] }
        }
        while cursor.position < bytes.count {
            let start = cursor.position
            let byte = bytes[start]
            if byte >= 0x20 && byte != 0x7F {
                text.append(byte)
                cursor.position += 1
                continue
            }
            flushText()
            switch step(&cursor) {
            case .command(let command): result.commands.append(command)
            case .problem(let kind, let message):
                result.problems.append(EscPosParseProblem(kind: kind, offset: start, message: message))
            }
        }
        flushText()
        return result
    }

    /// Parses `bytes` and fails on the first problem.
    /// - Throws: the first ``EscPosParseProblem``.
    public func parseStrictly(_ bytes: [UInt8]) throws(EscPosParseProblem) -> [EscPosCommand] {
        let result = parse(bytes)
        if let first = result.problems.first { throw first }
        return result.commands
    }

    private enum Step {
        case command(EscPosCommand)
        case problem(EscPosParseProblem.Kind, String)
    }

    private struct Cursor {
        let bytes: [UInt8]
        var position = 0
        /// Takes `count` bytes, or nil (consuming the rest) when the input is shorter.
        mutating func take(_ count: Int) -> [UInt8]? {
            guard position + count <= bytes.count else { position = bytes.count; return nil }
            defer { position += count }
            return Array(bytes[position..<position + count])
        }
    }

    private func step(_ cursor: inout Cursor) -> Step {
        let first = cursor.take(1)![0]
        switch first {
        case EscPos.lf: return .command(.lineFeed)
        case EscPos.esc: return escape(&cursor)
        case EscPos.gs: return groupSeparator(&cursor)
        default: return .problem(.unknown, "stray control byte 0x\(hex(first))")
        }
    }

    private func escape(_ cursor: inout Cursor) -> Step {
        guard let function = cursor.take(1)?[0] else { return .problem(.truncated, "ESC at end of input") }
        if function == 0x40 { return .command(.initialize) }
        guard [0x74, 0x61, 0x45, 0x64].contains(function) else {
            return .problem(.unknown, "unknown command ESC 0x\(hex(function))")
        }
        guard let n = cursor.take(1)?[0] else {
            return .problem(.truncated, "ESC 0x\(hex(function)) without its parameter")
        }
        switch function {
        case 0x74: return .command(.selectCodePage(n))
        case 0x61:
            guard let j = EscPosJustification(rawValue: n >= 0x30 ? n - 0x30 : n) else {
                return .problem(.unsupportedParameter, "ESC a \(n) is not left, centre or right")
            }
            return .command(.justification(j))
        case 0x45: return .command(.emphasis(n & 1 == 1))
        default: return .command(.feed(lines: n))
        }
    }

    private func groupSeparator(_ cursor: inout Cursor) -> Step {
        guard let function = cursor.take(1)?[0] else { return .problem(.truncated, "GS at end of input") }
        switch function {
        case 0x21:
            guard let n = cursor.take(1)?[0] else { return .problem(.truncated, "GS ! without its parameter") }
            guard n & 0x88 == 0 else { return .problem(.unsupportedParameter, "GS ! 0x\(hex(n)) is beyond 8×8") }
            return .command(.characterSize(width: (n >> 4) + 1, height: (n & 0x07) + 1))
        case 0x28: return qrFunction(&cursor)
        case 0x6B: return barcode(&cursor)
        case 0x76: return raster(&cursor)
        case 0x56: return cut(&cursor)
        default: return .problem(.unknown, "unknown command GS 0x\(hex(function))")
        }
    }

    private func qrFunction(_ cursor: inout Cursor) -> Step {
        guard let head = cursor.take(3) else { return .problem(.truncated, "GS ( without its header") }
        guard head[0] == 0x6B else { return .problem(.unknown, "unknown command GS ( 0x\(hex(head[0]))") }
        let length = Int(head[1]) | Int(head[2]) << 8
        guard let body = cursor.take(length) else {
            return .problem(.truncated, "GS ( k announces \(length) bytes but the input ends first")
        }
        guard length >= 2, body[0] == 0x31 else {
            return .problem(.unsupportedParameter, "GS ( k for a symbol other than QR (cn 0x\(hex(body.first ?? 0)))")
        }
        let parameters = Array(body.dropFirst(2))
        switch (body[1], parameters) {
        case (0x41, [0x32, 0x00]), (0x41, [0x32]): return .command(.qrSelectModel2)
        case (0x43, let p) where p.count == 1: return .command(.qrModuleSize(p[0]))
        case (0x45, let p) where p.count == 1:
            guard let level = EscPosQRErrorLevel(rawValue: p[0]) else {
                return .problem(.unsupportedParameter, "QR error level 0x\(hex(p[0])) is not 0x30…0x33")
            }
            return .command(.qrErrorLevel(level))
        case (0x50, let p) where p.first == 0x30: return .command(.qrStore(Array(p.dropFirst())))
        case (0x51, [0x30]): return .command(.qrPrint)
        default:
            return .problem(.unsupportedParameter, "QR function 0x\(hex(body[1])) with \(parameters.count) parameter bytes")
        }
    }

    private func barcode(_ cursor: inout Cursor) -> Step {
        guard let head = cursor.take(2) else { return .problem(.truncated, "GS k without system and length") }
        guard head[0] == 73 else { return .problem(.unsupportedParameter, "barcode system \(head[0]) is not Code 128 (73)") }
        guard let data = cursor.take(Int(head[1])) else {
            return .problem(.truncated, "Code 128 announces \(head[1]) bytes but the input ends first")
        }
        return .command(.code128(data))
    }

    private func raster(_ cursor: inout Cursor) -> Step {
        guard let head = cursor.take(6) else { return .problem(.truncated, "GS v without its header") }
        guard head[0] == 0x30, head[1] == 0 || head[1] == 0x30 else {
            return .problem(.unsupportedParameter, "GS v 0x\(hex(head[0])) mode \(head[1]) is not the normal raster image")
        }
        let width = Int(head[2]) | Int(head[3]) << 8, height = Int(head[4]) | Int(head[5]) << 8
        guard let data = cursor.take(width * height) else {
            return .problem(.truncated, "raster image \(width) × \(height) needs \(width * height) bytes but the input ends first")
        }
        return .command(.rasterImage(widthBytes: width, height: height, data: data))
    }

    private func cut(_ cursor: inout Cursor) -> Step {
        guard let m = cursor.take(1)?[0] else { return .problem(.truncated, "GS V without its mode") }
        switch m {
        case 0, 0x30: return .command(.cut(.full))
        case 1, 0x31: return .command(.cut(.partial))
        case 65, 66:
            guard let n = cursor.take(1)?[0] else { return .problem(.truncated, "GS V \(m) without its feed") }
            return .command(.feedAndCut(m == 65 ? .full : .partial, feed: n))
        default: return .problem(.unsupportedParameter, "GS V mode \(m) is not a known cut")
        }
    }
}
