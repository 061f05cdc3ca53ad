import Foundation
import EscPos
import QRCode
import Raster

/// Draws what a printer would print for a list of ESC/POS commands: the picture the tests save as PNG
/// and look at, and the check that what reached a printer reads as it should.
///
/// Raster images are placed dot for dot; text in the printer's own font is drawn with DejaVu Sans Mono
/// in the font A cell (12 × 24 dots, magnified), bytes outside ASCII as `?` (the preview does not know
/// the printer's code page glyphs); QR codes stored with `GS ( k` are drawn from their data; a cut is a
/// dashed line.
public struct EscPosPreview: Sendable {
    /// Dots across the paper.
    public let width: Int
    private let font: FontRasterizer

    /// The monospaced font text commands are drawn in.
    public static let monospaceFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"

    /// A preview of paper `width` dots wide.
    public init(width: Int, fontPath: String = monospaceFontPath) throws(RasterError) {
        self.width = width
        font = try FontRasterizer.shared(fontPath: fontPath)
    }

    /// The picture for `commands`.
    public func draw(_ commands: [EscPosCommand]) throws(RasterError) -> MonochromeBitmap {
        var pieces: [(bitmap: MonochromeBitmap, x: Int, y: Int)] = []
        var y = 0
        var alignment = TextAlignment.left
        var size = 1
        var pending: [UInt8] = []
        var qrData: [UInt8] = []
        var qrModule = 3
        let cell = EscPosRenderer.dotsPerLine

        func place(_ bitmap: MonochromeBitmap) {
            let x = switch alignment {
            case .left: 0
            case .center: max(0, (width - bitmap.width) / 2)
            case .right: max(0, width - bitmap.width)
            }
            pieces.append((bitmap, x, y))
            y += bitmap.height
        }
        func flushLine() throws(RasterError) {
            let text = String(decoding: pending.map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
            pending = []
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                y += cell * size
                return
            }
            // Drawn in a cell of 24 dots, then magnified as GS ! does.
            let line = try font.render(text, pixelHeight: 20)
            var boxed = MonochromeBitmap(width: min(width, line.width), height: cell)
            boxed.blit(line, atX: 0, y: (cell - line.height) / 2)
            place(size > 1 ? boxed.scaled(by: size) : boxed)
        }

        for command in commands {
            switch command {
            case .initialize:
                alignment = .left
                size = 1
            case .justification(let value):
                alignment = switch value {
                case .left: .left
                case .center: .center
                case .right: .right
                }
            case .characterSize(let w, _): size = Int(w)
            case .text(let bytes): pending += bytes
            case .lineFeed: try flushLine()
            case .feed(let lines):
                if !pending.isEmpty { try flushLine() }
                y += Int(lines) * cell
            case .rasterImage(let widthBytes, let height, let data):
                if let image = try? MonochromeBitmap(width: widthBytes * 8, height: height, packedBytes: data) {
                    pieces.append((image, 0, y))
                    y += height
                }
            case .qrModuleSize(let module): qrModule = Int(module)
            case .qrStore(let data): qrData = data
            case .qrPrint:
                if let symbol = try? QRCode(text: String(decoding: qrData, as: UTF8.self), correction: .medium) {
                    var image = MonochromeBitmap(width: symbol.size * qrModule, height: symbol.size * qrModule)
                    for row in 0..<symbol.size {
                        for column in 0..<symbol.size where symbol.isDark(x: column, y: row) {
                            for dy in 0..<qrModule {
                                for dx in 0..<qrModule { image[column * qrModule + dx, row * qrModule + dy] = true }
                            }
                        }
                    }
                    place(image)
                }
            case .cut, .feedAndCut:
                if !pending.isEmpty { try flushLine() }
                y += cell
                var dashes = MonochromeBitmap(width: width, height: 2)
                for x in 0..<width where (x / 8) % 2 == 0 {
                    dashes[x, 0] = true
                    dashes[x, 1] = true
                }
                pieces.append((dashes, 0, y))
                y += 2 + cell
            case .selectCodePage, .emphasis, .qrSelectModel2, .qrErrorLevel, .code128:
                break
            }
        }
        if !pending.isEmpty { try flushLine() }
        var paper = MonochromeBitmap(width: width, height: max(1, y))
        for piece in pieces { paper.blit(piece.bitmap, atX: piece.x, y: piece.y) }
        return paper
    }
}
