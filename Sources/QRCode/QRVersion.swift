/// One of the 40 QR code sizes and the facts ISO/IEC 18004 fixes for it: the symbol's width, where
/// the alignment patterns sit, how many codewords it holds and how they split into blocks.
struct QRVersion: Sendable, Hashable, Comparable {
    /// 1…40.
    let number: Int

    /// The version `number`, which must be in 1…40.
    init(_ number: Int) {
        precondition((1...40).contains(number), "QR version must be in 1…40")
        self.number = number
    }

    /// All forty versions, smallest first.
    static let all: [QRVersion] = (1...40).map(QRVersion.init)

    static func < (lhs: QRVersion, rhs: QRVersion) -> Bool { lhs.number < rhs.number }

    /// Modules along a side, without the quiet zone: 21 for version 1, four more per version.
    var size: Int { 17 + 4 * number }

    /// Row and column coordinates of the alignment pattern centres (empty for version 1); patterns
    /// go at every combination of two of them except the three that overlap the finder patterns.
    var alignmentPositions: [Int] {
        guard number > 1 else { return [] }
        let count = number / 7 + 2
        // The patterns are evenly spaced from the last one at size − 7 back towards 6, the step
        // rounded up to an even number (version 32 is the one exception in the standard).
        let step = number == 32 ? 26 : (number * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var positions = [6]
        for i in 0..<(count - 1) {
            positions.insert(size - 7 - i * step, at: 1)
        }
        return positions
    }

    /// Modules left for codewords once the function patterns, format and version information are
    /// placed, remainder bits included.
    var rawDataModules: Int {
        var modules = size * size
        modules -= 3 * 64                      // finder patterns with their separators
        modules -= 2 * (size - 16)             // timing patterns between the separators
        modules -= 31                          // two copies of the format information and the dark module
        let count = alignmentPositions.count
        if count > 0 {
            modules -= 25 * (count * count - 3)          // alignment patterns
            modules += 2 * 5 * (count - 2)              // … whose rows and columns overlap the timing patterns
        }
        if number >= 7 { modules -= 2 * 18 }     // version information
        return modules
    }

    /// Codewords the symbol holds, data and error correction together.
    var totalCodewords: Int { rawDataModules / 8 }

    /// Error correction codewords in each block at `level`.
    func errorCorrectionCodewordsPerBlock(_ level: QRErrorCorrection) -> Int {
        QRVersion.errorCorrectionPerBlock[level.tableIndex][number - 1]
    }

    /// Blocks the codewords are split into at `level`.
    func blockCount(_ level: QRErrorCorrection) -> Int {
        QRVersion.blocks[level.tableIndex][number - 1]
    }

    /// Data codewords the symbol holds at `level`.
    func dataCodewords(_ level: QRErrorCorrection) -> Int {
        totalCodewords - errorCorrectionCodewordsPerBlock(level) * blockCount(level)
    }

    /// Bits of the character count indicator in byte mode: 8 up to version 9, 16 after.
    var byteModeCountBits: Int { number <= 9 ? 8 : 16 }

    /// The most bytes a byte-mode segment can carry at `level`.
    func byteCapacity(_ level: QRErrorCorrection) -> Int {
        (dataCodewords(level) * 8 - 4 - byteModeCountBits) / 8
    }

    /// The smallest version holding `byteCount` bytes in byte mode at `level`, or `nil`.
    static func smallest(holding byteCount: Int, at level: QRErrorCorrection) -> QRVersion? {
        all.first { $0.byteCapacity(level) >= byteCount }
    }

    // MARK: Tables of ISO/IEC 18004 (table 9), rows L, M, Q, H, columns version 1…40.

    private static let errorCorrectionPerBlock: [[Int]] = [
        [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    private static let blocks: [[Int]] = [
        [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]
}
