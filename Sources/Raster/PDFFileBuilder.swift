/// The bytes of a PDF file being written, with the offset of every object for the cross-reference table.
struct PDFFileBuilder {
    private(set) var bytes: [UInt8]
    /// Byte offset of each object's `N 0 obj` line, by object number.
    private var offsets: [Int: Int] = [:]

    /// Starts a PDF 1.4 file; the second line's high bytes mark the file as binary for transfer tools.
    init() {
        bytes = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
    }

    mutating func append(_ text: String) {
        bytes += Array(text.utf8)
    }

    mutating func beginObject(_ number: Int) {
        offsets[number] = bytes.count
        append("\(number) 0 obj\n")
    }

    mutating func endObject() {
        append("endobj\n")
    }

    /// A stream object body: `<< entries /Length n >> stream … endstream`.
    mutating func appendStream(dictionary entries: String, _ data: [UInt8]) {
        let separator = entries.isEmpty ? "" : " "
        append("<< \(entries)\(separator)/Length \(data.count) >>\nstream\n")
        bytes += data
        append("\nendstream\n")
    }

    /// Appends the cross-reference table (20-byte entries), trailer and `startxref`, and returns the file.
    mutating func finish(rootObject: Int, infoObject: Int) -> [UInt8] {
        let count = (offsets.keys.max() ?? 0) + 1
        let start = bytes.count
        append("xref\n0 \(count)\n")
        append("0000000000 65535 f \n")
        for number in 1 ..< count {
            if let offset = offsets[number] {
                let digits = String(offset)
                append(String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n")
            } else {
                append("0000000000 65535 f \n")
            }
        }
        append("trailer\n<< /Size \(count) /Root \(rootObject) 0 R /Info \(infoObject) 0 R >>\n")
        append("startxref\n\(start)\n%%EOF\n")
        return bytes
    }
}
