@testable import QRCode
import Testing

/// Facts of ISO/IEC 18004 checked on the modules themselves, without a decoder.
@Suite("QR code structure")
struct QRCodeStructureTests {
    /// Codes of versions 1, 2, 7, 10, 24 and 40 at level M.
    static let samples: [QRCode] = [0, 20, 122, 213, 900, 2331].map { try! QRCode(text: TestText.bytes($0)) }

    @Test("the symbol is 17 + 4 × version modules wide")
    func size() {
        #expect(Self.samples.map(\.version) == [1, 2, 7, 10, 24, 40])
        for code in Self.samples {
            #expect(code.size == 17 + 4 * code.version)
            #expect(code.isDark(x: code.size - 1, y: 0))        // top-right finder corner
            #expect(!code.isDark(x: code.size, y: 0))           // outside: light
            #expect(!code.isDark(x: -1, y: -1))
        }
    }

    @Test("finder patterns with light separators sit in three corners")
    func finders() {
        for code in Self.samples {
            let n = code.size
            for (left, top) in [(0, 0), (n - 7, 0), (0, n - 7)] {
                for dy in 0..<7 {
                    for dx in 0..<7 {
                        let ring = max(abs(dx - 3), abs(dy - 3))
                        #expect(code.isDark(x: left + dx, y: top + dy) == (ring != 2),
                                "version \(code.version) finder at (\(left), \(top)) module (\(dx), \(dy))")
                    }
                }
                // The separator: the row and column of light modules between the finder and the rest.
                let separatorX = left == 0 ? 7 : n - 8, separatorY = top == 0 ? 7 : n - 8
                for i in 0..<8 {
                    #expect(!code.isDark(x: separatorX, y: top == 0 ? i : n - 1 - i))
                    #expect(!code.isDark(x: left == 0 ? i : n - 1 - i, y: separatorY))
                }
            }
            #expect(code.isDark(x: 8, y: n - 8), "the dark module")
        }
    }

    @Test("timing patterns alternate dark and light between the finders")
    func timing() {
        for code in Self.samples {
            for i in 8..<(code.size - 8) {
                #expect(code.isDark(x: i, y: 6) == (i % 2 == 0), "row 6, column \(i), version \(code.version)")
                #expect(code.isDark(x: 6, y: i) == (i % 2 == 0), "column 6, row \(i), version \(code.version)")
            }
        }
    }

    @Test("alignment patterns at the standard positions")
    func alignment() {
        #expect(QRVersion(1).alignmentPositions == [])
        #expect(QRVersion(2).alignmentPositions == [6, 18])
        #expect(QRVersion(7).alignmentPositions == [6, 22, 38])
        #expect(QRVersion(10).alignmentPositions == [6, 28, 50])
        #expect(QRVersion(15).alignmentPositions == [6, 26, 48, 70])
        #expect(QRVersion(32).alignmentPositions == [6, 34, 60, 86, 112, 138])
        #expect(QRVersion(36).alignmentPositions == [6, 24, 50, 76, 102, 128, 154])
        #expect(QRVersion(40).alignmentPositions == [6, 30, 58, 86, 114, 142, 170])
        for code in Self.samples where code.version > 1 {
            let positions = QRVersion(code.version).alignmentPositions
            for y in positions {
                for x in positions where !(x == 6 && y == 6) && !(x == 6 && y == positions.last) && !(y == 6 && x == positions.last) {
                    for dy in -2...2 {
                        for dx in -2...2 {
                            #expect(code.isDark(x: x + dx, y: y + dy) == (max(abs(dx), abs(dy)) != 1))
                        }
                    }
                }
            }
        }
    }

    @Test("format information: known values and two agreeing copies")
    func format() {
        #expect(QRMatrix.formatBits(.medium, QRMask(0)) == 0b101010000010010)
        #expect(QRMatrix.formatBits(.low, QRMask(0)) == 0b111011111000100)
        #expect(QRMatrix.formatBits(.low, QRMask(4)) == 0b110011000101111)
        #expect(QRMatrix.formatBits(.quartile, QRMask(0)) == 0b011010101011111)
        #expect(QRMatrix.formatBits(.high, QRMask(0)) == 0b001011010001001)
        for code in Self.samples + [try! QRCode(text: "A001", correction: .high)] {
            let n = code.size
            func bit(_ dark: Bool, _ i: Int) -> Int { dark ? 1 << i : 0 }
            var first = 0, second = 0
            // Bit 14 first: along row 8 from the left edge, then up column 8, skipping the timing pattern.
            let firstPositions = [(0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (7, 8), (8, 8),
                                  (8, 7), (8, 5), (8, 4), (8, 3), (8, 2), (8, 1), (8, 0)]
            for (k, (x, y)) in firstPositions.enumerated() { first |= bit(code.isDark(x: x, y: y), 14 - k) }
            // Bit 14 first: up column 8 from the bottom edge, then along row 8 to the right edge.
            for k in 0..<7 { second |= bit(code.isDark(x: 8, y: n - 1 - k), 14 - k) }
            for k in 0..<8 { second |= bit(code.isDark(x: n - 8 + k, y: 8), 7 - k) }
            #expect(first == second)
            #expect(first == QRMatrix.formatBits(code.correction, QRMask(code.mask)))
        }
    }

    @Test("version information from version 7: known values and both copies")
    func versionInformation() {
        #expect(QRMatrix.versionBits(QRVersion(7)) == 0x07C94)
        #expect(QRMatrix.versionBits(QRVersion(8)) == 0x085BC)
        #expect(QRMatrix.versionBits(QRVersion(40)) == 0x28C69)
        for code in Self.samples where code.version >= 7 {
            let n = code.size
            var topRight = 0, bottomLeft = 0
            for i in 0..<18 {
                if code.isDark(x: n - 11 + i % 3, y: i / 3) { topRight |= 1 << i }
                if code.isDark(x: i / 3, y: n - 11 + i % 3) { bottomLeft |= 1 << i }
            }
            #expect(topRight == QRMatrix.versionBits(QRVersion(code.version)))
            #expect(bottomLeft == topRight)
        }
    }

    @Test("capacities match ISO/IEC 18004 table 7")
    func capacities() {
        let dataCodewords: [[Int]] = [  // versions 1…10, L M Q H
            [19, 16, 13, 9], [34, 28, 22, 16], [55, 44, 34, 26], [80, 64, 48, 36], [108, 86, 62, 46],
            [136, 108, 76, 60], [156, 124, 88, 66], [194, 154, 110, 86], [232, 182, 132, 100], [274, 216, 154, 122],
        ]
        for (index, row) in dataCodewords.enumerated() {
            #expect(QRErrorCorrection.allCases.map { QRVersion(index + 1).dataCodewords($0) } == row,
                    "version \(index + 1)")
        }
        #expect([1, 7, 10, 40].map { QRVersion($0).totalCodewords } == [26, 196, 346, 3706])
        #expect(QRErrorCorrection.allCases.map { QRVersion(40).byteCapacity($0) } == [2953, 2331, 1663, 1273])
        #expect(QRErrorCorrection.allCases.map { QRVersion(1).byteCapacity($0) } == [17, 14, 11, 7])
        #expect(QRErrorCorrection.allCases.map { QRVersion(10).byteCapacity($0) } == [271, 213, 151, 119])
    }

    @Test("the module count formula agrees with the modules left free by the function patterns",
          arguments: 1...40)
    func rawModules(version: Int) {
        let matrix = QRMatrix(version: QRVersion(version))
        #expect(matrix.isFunction.filter { !$0 }.count == QRVersion(version).rawDataModules)
    }

    @Test("capacity grows with the version and shrinks with the level")
    func monotonic() {
        for level in QRErrorCorrection.allCases {
            let capacities = QRVersion.all.map { $0.byteCapacity(level) }
            #expect(zip(capacities, capacities.dropFirst()).allSatisfy { $0 < $1 })
        }
        for version in QRVersion.all {
            let capacities = QRErrorCorrection.allCases.map { version.byteCapacity($0) }
            #expect(zip(capacities, capacities.dropFirst()).allSatisfy { $0 > $1 })
        }
    }

    @Test("Reed–Solomon codewords of known examples")
    func reedSolomon() {
        // ISO/IEC 18004 annex: "01234567" as 1-M.
        let numeric: [UInt8] = [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17]
        #expect(ReedSolomon(degree: 10).remainder(of: numeric) == [165, 36, 212, 193, 237, 54, 199, 135, 44, 85])
        // "HELLO WORLD" as 1-M.
        let hello: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(ReedSolomon(degree: 10).remainder(of: hello) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test("GF(256) multiplication: α⁸ = 0x1D and every non-zero element has an inverse")
    func galoisField() {
        #expect(ReedSolomon.exponents[8] == 0x1D)
        #expect(Set(ReedSolomon.exponents[0..<255]).count == 255)
        for a in 1...255 {
            let inverse = ReedSolomon.exponents[255 - ReedSolomon.logarithms[a]]
            #expect(ReedSolomon.multiply(UInt8(a), inverse) == 1)
        }
    }

    @Test("byte-mode data codewords: mode, count, bytes, terminator, padding")
    func dataCodewords() {
        // "A001" in 1-M: 0100 00000100 01000001 00110000 00110000 00110001 0000, then 0xEC 0x11 …
        let codewords = QRCode.codewords(for: Array("A001".utf8), version: QRVersion(1), correction: .medium)
        #expect(Array(codewords.prefix(16)) == [0x40, 0x44, 0x13, 0x03, 0x03, 0x10, 0xEC, 0x11, 0xEC, 0x11,
                                                 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
        #expect(codewords.count == 26)
    }

    @Test("the penalty score agrees with a plain reading of the rules, and the lowest wins",
          arguments: [TestText.ticket, TestText.bytes(150)])
    func penalty(text: String) throws {
        let bytes = Array(text.utf8)
        let version = try #require(QRVersion.smallest(holding: bytes.count, at: .medium))
        var plain = QRMatrix(version: version)
        plain.place(QRCode.codewords(for: bytes, version: version, correction: .medium))
        var scores: [Int] = []
        for mask in QRMask.all {
            var matrix = plain
            matrix.apply(mask)
            matrix.drawFormat(QRMatrix.formatBits(.medium, mask))
            let grid = (0..<matrix.size).map { y in (0..<matrix.size).map { x in matrix[x, y] } }
            #expect(matrix.penalty == Self.referencePenalty(grid), "mask \(mask.reference)")
            scores.append(Self.referencePenalty(grid))
        }
        let code = try QRCode(text: text)
        #expect(code.mask == scores.firstIndex(of: scores.min()!))
    }

    /// ISO/IEC 18004 §7.8.3 read literally, slowly.
    static func referencePenalty(_ grid: [[Bool]]) -> Int {
        let n = grid.count
        let lines = grid + (0..<n).map { x in (0..<n).map { y in grid[y][x] } }
        var score = 0
        for line in lines {
            var start = 0
            while start < n {
                var end = start
                while end < n, line[end] == line[start] { end += 1 }
                if end - start >= 5 { score += 3 + (end - start - 5) }
                start = end
            }
            let light = [Bool](repeating: false, count: 4)
            let finder = [true, false, true, true, true, false, true]
            let padded = light + line + light
            for s in 0...(padded.count - 11) {
                let window = Array(padded[s..<(s + 11)])
                if window == finder + light { score += 40 }
                if window == light + finder { score += 40 }
            }
        }
        for y in 0..<(n - 1) {
            for x in 0..<(n - 1) where Set([grid[y][x], grid[y][x + 1], grid[y + 1][x], grid[y + 1][x + 1]]).count == 1 {
                score += 3
            }
        }
        let dark = grid.joined().filter { $0 }.count
        let percent = Double(dark) * 100 / Double(n * n)
        score += 10 * Int((abs(percent - 50) / 5).rounded(.down))
        return score
    }

    @Test("the chosen mask is deterministic")
    func deterministic() throws {
        let a = try QRCode(text: TestText.ticket), b = try QRCode(text: TestText.ticket)
        #expect(a == b)
        #expect((0...7).contains(a.mask))
    }
}
