/// Reed–Solomon error correction codewords over GF(2⁸) as QR codes use them.
///
/// The field is built on the primitive polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D) with α = 2, and the
/// generator polynomial of degree n is (x − α⁰)(x − α¹)…(x − αⁿ⁻¹).
struct ReedSolomon: Sendable {
    /// αⁱ for i in 0..<255, repeated once more so that sums of two logarithms need no reduction.
    static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for i in 0..<255 {
            table[i] = UInt8(value)
            table[i + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// log_α(v) for v in 1...255; entry 0 is unused.
    static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for i in 0..<255 { table[Int(exponents[i])] = i }
        return table
    }()

    /// The product of two field elements.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exponents[logarithms[Int(a)] + logarithms[Int(b)]]
    }

    /// The generator's coefficients below its leading 1, highest power first: `degree` of them.
    let generator: [UInt8]

    /// The number of error correction codewords this code appends to a block.
    var degree: Int { generator.count }

    /// A code producing `degree` error correction codewords (1…255).
    init(degree: Int) {
        precondition((1...255).contains(degree), "Reed–Solomon degree out of range")
        // Coefficients highest power first, starting from the polynomial 1.
        var poly: [UInt8] = [1]
        for i in 0..<degree {
            // Multiply by (x + αⁱ); in GF(2⁸) subtraction is addition.
            let root = ReedSolomon.exponents[i]
            var next = [UInt8](repeating: 0, count: poly.count + 1)
            for (j, coefficient) in poly.enumerated() {
                next[j] ^= coefficient
                next[j + 1] ^= ReedSolomon.multiply(coefficient, root)
            }
            poly = next
        }
        generator = Array(poly.dropFirst())
    }

    /// The error correction codewords of `data`: the remainder of data(x)·xⁿ divided by the generator.
    func remainder(of data: some Sequence<UInt8>) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        let generatorLogs = generator.map { ReedSolomon.logarithms[Int($0)] }
        for byte in data {
            let factor = byte ^ result[0]
            result.removeFirst()
            result.append(0)
            if factor == 0 { continue }
            let factorLog = ReedSolomon.logarithms[Int(factor)]
            for j in 0..<degree where generator[j] != 0 {
                result[j] ^= ReedSolomon.exponents[factorLog + generatorLogs[j]]
            }
        }
        return result
    }
}
