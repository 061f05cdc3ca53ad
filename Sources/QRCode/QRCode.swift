/// A QR code (ISO/IEC 18004 Model 2) holding a text as its UTF-8 bytes in byte mode.
///
/// The smallest version (1…40) that fits the text at the chosen error correction level is used,
/// and of the eight mask patterns the one with the lowest standard penalty score.
///
/// ```swift
/// let code = try QRCode(text: "Số A001 · Hộ tịch · Quầy 3")
/// let svg = code.svg()
/// ```
public struct QRCode: Sendable, Hashable {
    /// The symbol version, 1…40; the symbol is `17 + 4 × version` modules wide.
    public let version: Int
    /// The error correction level the symbol was made with.
    public let correction: QRErrorCorrection
    /// The data mask pattern applied (0…7), the one with the lowest penalty score.
    public let mask: Int
    /// Row-major, `true` for dark modules.
    private let modules: [Bool]

    /// Modules along a side, without the quiet zone: `17 + 4 × version`.
    public var size: Int { 17 + 4 * version }

    /// Encodes `text` (its UTF-8 bytes, as they are: no Unicode normalisation is applied) in the
    /// smallest version that holds it at `correction`.
    ///
    /// - Throws: ``QRCodeError/textTooLong(byteCount:maximum:correction:)`` when even version 40
    ///   cannot hold it (2953 bytes at L, 2331 at M, 1663 at Q, 1273 at H).
    public init(text: String, correction: QRErrorCorrection = .medium) throws(QRCodeError) {
        try self.init(bytes: Array(text.utf8), correction: correction, mask: nil)
    }

    /// Encodes `bytes`; `mask` forces a mask pattern instead of choosing the best one (for tests).
    init(bytes: [UInt8], correction: QRErrorCorrection, mask forcedMask: QRMask?) throws(QRCodeError) {
        guard let version = QRVersion.smallest(holding: bytes.count, at: correction) else {
            throw .textTooLong(
                byteCount: bytes.count, maximum: QRVersion(40).byteCapacity(correction), correction: correction)
        }
        let codewords = QRCode.codewords(for: bytes, version: version, correction: correction)
        var matrix = QRMatrix(version: version)
        matrix.place(codewords)

        let chosen: QRMask
        if let forcedMask {
            chosen = forcedMask
        } else {
            var best: (mask: QRMask, penalty: Int)?
            for mask in QRMask.all {
                var candidate = matrix
                candidate.apply(mask)
                candidate.drawFormat(QRMatrix.formatBits(correction, mask))
                let penalty = candidate.penalty
                if best == nil || penalty < best!.penalty { best = (mask, penalty) }
            }
            chosen = best!.mask
        }
        matrix.apply(chosen)
        matrix.drawFormat(QRMatrix.formatBits(correction, chosen))

        self.version = version.number
        self.correction = correction
        self.mask = chosen.reference
        self.modules = matrix.modules
    }

    /// Whether the module in column `x`, row `y` (both from 0 at the top-left corner, quiet zone
    /// not included) is dark; coordinates outside the symbol are light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// The final sequence of codewords of `bytes` for `version` at `correction`: the byte-mode
    /// segment with its terminator and padding, split into blocks, each block's Reed–Solomon
    /// codewords appended, data and error correction codewords interleaved block by block.
    static func codewords(for bytes: [UInt8], version: QRVersion, correction: QRErrorCorrection) -> [UInt8] {
        let dataCount = version.dataCodewords(correction)
        var bits = QRBitBuffer()
        bits.append(0b0100, bits: 4)  // byte mode
        bits.append(bytes.count, bits: version.byteModeCountBits)
        for byte in bytes { bits.append(Int(byte), bits: 8) }
        bits.append(0, bits: min(4, dataCount * 8 - bits.count))  // terminator, shortened if no room
        bits.append(0, bits: (8 - bits.count % 8) % 8)
        var data = bits.bytes
        var pad: UInt8 = 0xEC
        while data.count < dataCount {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        assert(data.count == dataCount)

        // Blocks of the first group are one data codeword shorter than those of the second.
        let blockCount = version.blockCount(correction)
        let ecCount = version.errorCorrectionCodewordsPerBlock(correction)
        let shortBlocks = blockCount - version.totalCodewords % blockCount
        let shortLength = version.totalCodewords / blockCount - ecCount
        let code = ReedSolomon(degree: ecCount)
        var dataBlocks: [ArraySlice<UInt8>] = []
        var ecBlocks: [[UInt8]] = []
        var start = 0
        for block in 0..<blockCount {
            let length = shortLength + (block < shortBlocks ? 0 : 1)
            let slice = data[start..<(start + length)]
            dataBlocks.append(slice)
            ecBlocks.append(code.remainder(of: slice))
            start += length
        }

        var result: [UInt8] = []
        result.reserveCapacity(version.totalCodewords)
        for i in 0...shortLength {
            for block in dataBlocks where i < block.count {
                result.append(block[block.startIndex + i])
            }
        }
        for i in 0..<ecCount {
            for block in ecBlocks { result.append(block[i]) }
        }
        assert(result.count == version.totalCodewords)
        return result
    }
}
