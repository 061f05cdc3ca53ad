import Foundation
import QRCode
import Raster

/// Lays a ``PrintDocument`` out on sheets of paper (an A5 receipt on the office printer): text drawn with
/// FreeType at the page's resolution, wrapped inside the margins, QR codes, rules; `@cut` starts a new
/// sheet, and text that does not fit goes on to the next. The pages become a PDF with
/// ``PDFDocumentWriter``.
public struct PageRenderer: Sendable {
    /// The sheet.
    public let pageSize: PageSize
    /// Dots per inch the pages are drawn at.
    public let dpi: Int
    /// The margin on every side, in millimetres.
    public let marginMM: Double
    private let regular: FontRasterizer
    private let bold: FontRasterizer

    /// A renderer for `pageSize` at `dpi` with `marginMM` margins.
    public init(
        pageSize: PageSize = .a5, dpi: Int = 150, marginMM: Double = 12,
        fontPath: String = FontRasterizer.defaultFontPath, boldFontPath: String = FontRasterizer.defaultBoldFontPath
    ) throws(RasterError) {
        self.pageSize = pageSize
        self.dpi = dpi
        self.marginMM = marginMM
        regular = try FontRasterizer.shared(fontPath: fontPath)
        bold = try FontRasterizer.shared(fontPath: boldFontPath)
    }

    /// The pixel height of size-1 text: 11 points.
    var baseHeight: Int { max(8, dpi * 11 / 72) }

    /// The sheets for `document`, each exactly the page's size in pixels.
    public func pages(for document: PrintDocument) throws(PrintRenderError) -> [MonochromeBitmap] {
        let (width, height) = pageSize.pixelSize(dpi: dpi)
        let margin = Int((marginMM / 25.4 * Double(dpi)).rounded())
        let inner = width - 2 * margin
        var pages: [MonochromeBitmap] = []
        var page = MonochromeBitmap(width: width, height: height)
        var y = margin
        var used = false
        func newPage() {
            pages.append(page)
            page = MonochromeBitmap(width: width, height: height)
            y = margin
            used = false
        }
        func place(_ bitmap: MonochromeBitmap, alignment: TextAlignment) {
            if y + bitmap.height > height - margin, used { newPage() }
            let x = switch alignment {
            case .left: margin
            case .center: margin + max(0, (inner - bitmap.width) / 2)
            case .right: margin + max(0, inner - bitmap.width)
            }
            page.blit(bitmap, atX: x, y: y)
            y += bitmap.height
            used = true
        }
        for block in document.blocks {
            switch block {
            case .text(let text, let style):
                let font = style.bold ? bold : regular
                do {
                    for line in try font.wrap(text, pixelHeight: baseHeight * style.size, maxWidth: inner) {
                        place(try font.render(line, pixelHeight: baseHeight * style.size), alignment: style.alignment)
                    }
                } catch {
                    throw .raster(error)
                }
            case .blank(let style):
                y += baseHeight * style.size
            case .feed(let lines):
                y += baseHeight * lines
            case .rule:
                var rule = MonochromeBitmap(width: inner, height: baseHeight)
                for x in 0..<inner {
                    rule[x, baseHeight / 2] = true
                    rule[x, baseHeight / 2 + 1] = true
                }
                place(rule, alignment: .left)
            case .qrCode(let text, let style):
                let symbol: QRCode
                do {
                    symbol = try QRCode(text: text, correction: .medium)
                } catch {
                    throw .qrCode("\(error)")
                }
                // About 25 mm across, as a phone reads it easily off paper.
                let module = max(2, Int(25 / 25.4 * Double(dpi)) / (symbol.size + 8))
                let side = (symbol.size + 8) * module
                var image = MonochromeBitmap(width: side, height: side)
                for row in 0..<symbol.size {
                    for column in 0..<symbol.size where symbol.isDark(x: column, y: row) {
                        for dy in 0..<module {
                            for dx in 0..<module { image[(column + 4) * module + dx, (row + 4) * module + dy] = true }
                        }
                    }
                }
                place(image, alignment: style.alignment)
            case .cut:
                if used { newPage() }
            }
        }
        if used || pages.isEmpty { pages.append(page) }
        return pages
    }
}
