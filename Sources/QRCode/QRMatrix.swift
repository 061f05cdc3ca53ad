/// The square of modules of a QR code while it is being built: which are dark, and which belong to
/// function patterns (finder, separators, timing, alignment, format and version information) and
/// so are neither filled with data nor masked.
struct QRMatrix: Sendable {
    /// Modules along a side.
    let size: Int
    /// Row-major, `true` for dark.
    private(set) var modules: [Bool]
    /// Row-major, `true` for modules of function patterns.
    private(set) var isFunction: [Bool]

    /// The empty matrix of `version` with every function pattern drawn, the version information
    /// included; the format information areas are reserved (drawn light) until `drawFormat`.
    init(version: QRVersion) {
        size = version.size
        modules = [Bool](repeating: false, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)

        // Timing patterns first: the finder patterns and separators overwrite their ends.
        for i in 0..<size {
            setFunction(x: 6, y: i, dark: i % 2 == 0)
            setFunction(x: i, y: 6, dark: i % 2 == 0)
        }
        drawFinder(centreX: 3, centreY: 3)
        drawFinder(centreX: size - 4, centreY: 3)
        drawFinder(centreX: 3, centreY: size - 4)

        let positions = version.alignmentPositions
        let last = positions.count - 1
        for (i, y) in positions.enumerated() {
            for (j, x) in positions.enumerated() {
                // Not on the three finder patterns.
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                drawAlignment(centreX: x, centreY: y)
            }
        }

        drawFormat(0)  // reserves the areas
        if version.number >= 7 { drawVersion(QRMatrix.versionBits(version)) }
    }

    /// Whether the module in column `x`, row `y` is dark.
    subscript(x: Int, y: Int) -> Bool {
        modules[y * size + x]
    }

    private mutating func setFunction(x: Int, y: Int, dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    /// A 7×7 finder pattern with its light separator, clipped to the symbol.
    private mutating func drawFinder(centreX: Int, centreY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centreX + dx, y = centreY + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// A 5×5 alignment pattern: dark centre, light ring, dark ring.
    private mutating func drawAlignment(centreX: Int, centreY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// Writes both copies of the 15 format information bits (bit 0 the least significant) and the
    /// dark module beside the bottom-left finder pattern.
    mutating func drawFormat(_ bits: Int) {
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        // Around the top-left finder: up column 8 for bits 0…7, then left along row 8 for 8…14,
        // stepping over the timing pattern.
        for i in 0...5 { setFunction(x: 8, y: i, dark: bit(i)) }
        setFunction(x: 8, y: 7, dark: bit(6))
        setFunction(x: 8, y: 8, dark: bit(7))
        setFunction(x: 7, y: 8, dark: bit(8))
        for i in 9...14 { setFunction(x: 14 - i, y: 8, dark: bit(i)) }
        // Under the top-right finder, bits 0…7 from the right edge; beside the bottom-left finder,
        // bits 8…14 down to the bottom edge.
        for i in 0...7 { setFunction(x: size - 1 - i, y: 8, dark: bit(i)) }
        for i in 8...14 { setFunction(x: 8, y: size - 15 + i, dark: bit(i)) }
        setFunction(x: 8, y: size - 8, dark: true)
    }

    /// Writes both 6×3 copies of the 18 version information bits, beside the top-right and
    /// bottom-left finder patterns.
    private mutating func drawVersion(_ bits: Int) {
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            let across = size - 11 + i % 3, along = i / 3
            setFunction(x: across, y: along, dark: dark)
            setFunction(x: along, y: across, dark: dark)
        }
    }

    /// The 15 format information bits for `level` and `mask`: five data bits, ten BCH(15,5) check
    /// bits (generator 0x537), XORed with 0x5412 so that they are never all light.
    static func formatBits(_ level: QRErrorCorrection, _ mask: QRMask) -> Int {
        let data = level.formatBits << 3 | mask.reference
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The 18 version information bits: the version in six bits and twelve BCH(18,6) check bits
    /// (generator 0x1F25).
    static func versionBits(_ version: QRVersion) -> Int {
        var remainder = version.number
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return version.number << 12 | remainder
    }

    /// Fills the non-function modules with `codewords`, most significant bit first, in the
    /// standard order: two-module-wide columns from the right edge, alternately upwards and
    /// downwards, the vertical timing pattern's column skipped. Modules left over (the remainder
    /// bits) stay light.
    mutating func place(_ codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upwards = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upwards ? size - 1 - step : step
                for x in stride(from: right, through: right - 1, by: -1) where !isFunction[y * size + x] {
                    if index < bitCount {
                        modules[y * size + x] = (codewords[index >> 3] >> (7 - UInt8(index & 7))) & 1 == 1
                        index += 1
                    }
                }
            }
            right -= 2
        }
        assert(index == bitCount, "codewords do not fill the symbol")
    }

    /// Inverts the non-function modules that `mask` selects; applying it twice undoes it.
    mutating func apply(_ mask: QRMask) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && mask.inverts(x: x, y: y) {
                modules[y * size + x].toggle()
            }
        }
    }

    /// The penalty score of ISO/IEC 18004 §7.8.3; the mask giving the lowest one is used.
    ///
    /// - runs of five or more modules of one colour in a row or column: 3, plus 1 per module beyond 5;
    /// - each 2×2 block of one colour (blocks may overlap): 3;
    /// - each dark-light-dark-dark-dark-light-dark pattern with four light modules before or after it,
    ///   in a row or column, the light surroundings of the symbol counting as light: 40;
    /// - 10 per full 5 % by which the share of dark modules strays from 50 %.
    var penalty: Int {
        modules.withUnsafeBufferPointer { m in
            var score = 0
            for i in 0..<size {
                score += linePenalty(m, start: i * size, stride: 1)  // row i
                score += linePenalty(m, start: i, stride: size)      // column i
            }
            for y in 0..<(size - 1) {
                for x in 0..<(size - 1) {
                    let i = y * size + x
                    let colour = m[i]
                    if m[i + 1] == colour, m[i + size] == colour, m[i + size + 1] == colour { score += 3 }
                }
            }
            var dark = 0
            for module in m where module { dark += 1 }
            let total = size * size
            score += 10 * (abs(dark * 20 - total * 10) / total)
            return score
        }
    }

    /// Rules 1 and 3 along the row or column of `size` modules from `start`, `stride` apart.
    private func linePenalty(_ m: UnsafeBufferPointer<Bool>, start: Int, stride: Int) -> Int {
        var score = 0
        // Rule 1: runs.
        var runColour = m[start], runLength = 1
        // Rule 3: an 11-module window slid over the line with four light modules either side.
        let patternThenLight = 0b1011101_0000, lightThenPattern = 0b0000_1011101
        var window = runColour ? 1 : 0
        for i in 1..<(size + 4) {
            let colour = i < size && m[start + i * stride]
            if i < size {
                if colour == runColour {
                    runLength += 1
                } else {
                    if runLength >= 5 { score += runLength - 2 }
                    runColour = colour
                    runLength = 1
                }
            }
            window = ((window << 1) | (colour ? 1 : 0)) & 0x7FF
            // The window's oldest module is i − 10; before the line starts it is light.
            if i >= 6, window == patternThenLight || window == lightThenPattern { score += 40 }
        }
        if runLength >= 5 { score += runLength - 2 }
        return score
    }
}
