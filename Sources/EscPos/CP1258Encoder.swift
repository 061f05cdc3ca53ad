import Foundation

/// Encodes text in Windows-1258 (Epson "WPC1258") the way glibc `iconv -t CP1258` does.
///
/// The text is normalised to NFC first. A character that Windows-1258 has as one byte (ASCII,
/// à á â ã… the Latin-1 letters it kept, ă đ ơ ư and their capitals) becomes that byte; any other
/// toned letter is decomposed into a base letter the code page has plus one combining tone mark
/// (0xCC grave, 0xD2 hook above, 0xDE tilde, 0xEC acute, 0xF2 dot below): "ấ" → â + acute = `E2 EC`,
/// "ặ" → ă + dot below = `E3 F2`. Checked letter by letter against the system's iconv in the tests.
public struct CP1258Encoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// The Windows-1258 bytes of `text`.
    /// - Throws: ``VietnameseEncodingError`` naming the first character with no bytes in Windows-1258.
    public func encode(_ text: String) throws(VietnameseEncodingError) -> [UInt8] {
        var out: [UInt8] = []
        for (position, character) in text.precomposedStringWithCanonicalMapping.enumerated() {
            for scalar in character.unicodeScalars {
                guard let bytes = Self.bytes(for: scalar) else {
                    throw VietnameseEncodingError(
                        codePage: .wpc1258, character: character, position: position,
                        reason: "no byte for it and no decomposition into a Windows-1258 letter and tone mark"
                    )
                }
                out += bytes
            }
        }
        return out
    }

    /// One byte when Windows-1258 has the scalar, else base + combining mark, else nil.
    static func bytes(for scalar: Unicode.Scalar) -> [UInt8]? {
        if let byte = single(scalar) { return [byte] }
        // The tone mark is not always last in canonical order: ặ is a + dot below (220) + breve (230).
        var parts = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard parts.count >= 2, let toneIndex = parts.lastIndex(where: { single($0) != nil && $0.value >= 0x300 }),
              let mark = single(parts.remove(at: toneIndex)) else { return nil }
        var base = String.UnicodeScalarView()
        base.append(contentsOf: parts)
        let composed = Array(String(base).precomposedStringWithCanonicalMapping.unicodeScalars)
        guard composed.count == 1, let baseByte = single(composed[0]) else { return nil }
        return [baseByte, mark]
    }

    private static func single(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value < 0x80 ? UInt8(scalar.value) : CP1258Table.byteForScalar[scalar.value]
    }
}
