import Foundation

/// Writes PDF 1.4 documents with one 1-bit picture per page — forms and receipts rendered by the
/// caller at a chosen dpi — each stretched to fill its page.
///
/// Each page's bitmap becomes an image mask (`/ImageMask true`, `/Decode [1 0]`: bit 1 paints black)
/// in a `/FlateDecode` stream of stored zlib blocks. The document info carries the title (as UTF-16BE
/// with a byte-order mark, so Vietnamese survives) and `/Producer (motcua)`.
public struct PDFDocumentWriter: Sendable {
    /// The `/Producer` written into every document.
    public static let producer = "motcua"

    /// The size of every page.
    public var pageSize: PageSize
    /// The document title shown by PDF viewers, or `nil` for none.
    public var title: String?

    /// A writer for pages of `pageSize` (A5 by default) with an optional `title`.
    public init(pageSize: PageSize = .a5, title: String? = nil) {
        self.pageSize = pageSize
        self.title = title
    }

    /// The PDF file holding `pages`, one page per bitmap, in order.
    ///
    /// - Throws: ``RasterError/noPages`` for an empty list, ``RasterError/emptyBitmap(width:height:)``
    ///   for a page bitmap without pixels, ``RasterError/invalidPageSize(width:height:)`` for a page
    ///   size that is not positive and finite.
    public func document(pages: [MonochromeBitmap]) throws(RasterError) -> Data {
        guard !pages.isEmpty else { throw .noPages }
        guard pageSize.width.isFinite, pageSize.height.isFinite, pageSize.width > 0, pageSize.height > 0 else {
            throw .invalidPageSize(width: pageSize.width, height: pageSize.height)
        }
        if let empty = pages.first(where: { $0.width == 0 || $0.height == 0 }) {
            throw .emptyBitmap(width: empty.width, height: empty.height)
        }

        // Objects: 1 catalog, 2 page tree, 3 info, then per page: page, content stream, image.
        let pageObject = { (index: Int) in 4 + index * 3 }
        var file = PDFFileBuilder()
        file.beginObject(1)
        file.append("<< /Type /Catalog /Pages 2 0 R >>\n")
        file.endObject()

        file.beginObject(2)
        let kids = pages.indices.map { "\(pageObject($0)) 0 R" }.joined(separator: " ")
        file.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>\n")
        file.endObject()

        file.beginObject(3)
        var info = "<< /Producer (\(Self.producer))"
        if let title { info += " /Title \(Self.textString(title))" }
        file.append(info + " >>\n")
        file.endObject()

        let width = Self.number(pageSize.width), height = Self.number(pageSize.height)
        for (index, bitmap) in pages.enumerated() {
            let page = pageObject(index)
            file.beginObject(page)
            file.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)]"
                    + " /Resources << /XObject << /Im1 \(page + 2) 0 R >> >> /Contents \(page + 1) 0 R >>\n")
            file.endObject()

            // Scale the unit square the image occupies to the whole page, then paint the mask in black.
            let content = Array("q\n0 g\n\(width) 0 0 \(height) 0 0 cm\n/Im1 Do\nQ\n".utf8)
            file.beginObject(page + 1)
            file.appendStream(dictionary: "", content)
            file.endObject()

            file.beginObject(page + 2)
            file.appendStream(
                dictionary: "/Type /XObject /Subtype /Image /Width \(bitmap.width) /Height \(bitmap.height)"
                    + " /ImageMask true /BitsPerComponent 1 /Decode [1 0] /Filter /FlateDecode",
                ZlibStoredStream.wrap(bitmap.packedBytes))
            file.endObject()
        }
        return Data(file.finish(rootObject: 1, infoObject: 3))
    }

    /// A PDF text string: UTF-16BE with a byte-order mark, as hex, of the NFC form of `text`.
    static func textString(_ text: String) -> String {
        let units = text.precomposedStringWithCanonicalMapping.utf16
        return "<FEFF" + units.map { unit in
            let hex = String(unit, radix: 16, uppercase: true)
            return String(repeating: "0", count: 4 - hex.count) + hex
        }.joined() + ">"
    }

    /// A PDF real number: at most two decimals, no exponent, no trailing zeros.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(whole).\(digits)"
    }
}
