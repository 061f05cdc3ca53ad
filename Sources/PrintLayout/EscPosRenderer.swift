import Foundation
import DeviceProfiles
import EscPos
import QRCode
import Raster

/// Lays a ``PrintDocument`` out on one printer model and gives the ESC/POS commands for it.
///
/// Text that is plain ASCII goes as text in the printer's own font. Vietnamese goes through the model's
/// code page only when its profile says that has been seen to work (WPC1258 with decomposed tone marks,
/// or TCVN-3); otherwise, and for every model shipped today, it is drawn with FreeType in DejaVu Sans and
/// sent as a 1-bit raster image (`GS v 0`) exactly the printable width, so it prints the same everywhere.
/// QR codes go as `GS ( k` when the model has it, else as raster.
public struct EscPosRenderer: Sendable {
    /// The printer model.
    public let profile: PrinterProfile
    private let regular: FontRasterizer
    private let bold: FontRasterizer

    /// The font A cell is 12 × 24 dots on every shipped model: a raster line of size 1 is 24 dots high.
    public static let dotsPerLine = 24
    /// The tallest raster band sent in one `GS v 0` command (printers with small buffers choke on more).
    public static let maxBandHeight = 240

    /// A renderer for `profile`, drawing text with the two fonts (DejaVu Sans and its bold by default).
    public init(
        profile: PrinterProfile,
        fontPath: String = FontRasterizer.defaultFontPath, boldFontPath: String = FontRasterizer.defaultBoldFontPath
    ) throws(RasterError) {
        self.profile = profile
        regular = try FontRasterizer.shared(fontPath: fontPath)
        bold = try FontRasterizer.shared(fontPath: boldFontPath)
    }

    /// The commands for `document`, starting with `ESC @`.
    public func commands(for document: PrintDocument) throws(PrintRenderError) -> [EscPosCommand] {
        var out: [EscPosCommand] = [.initialize]
        var current = PrintStyle.plain
        func apply(_ style: PrintStyle) {
            if style.alignment != current.alignment || out.count == 1 { out.append(.justification(Self.justification(style.alignment))) }
            if style.bold != current.bold { out.append(.emphasis(style.bold)) }
            if style.size != current.size {
                out.append(.characterSize(width: UInt8(style.size), height: UInt8(style.size)))
            }
            current = style
        }
        for block in document.blocks {
            switch block {
            case .text(let text, let style):
                if Self.isPlainASCII(text) {
                    apply(style)
                    for line in Self.wrap(text, columns: max(1, profile.fontAColumns / style.size)) {
                        out.append(.text(Array(line.utf8)))
                        out.append(.lineFeed)
                    }
                } else if profile.vietnameseThroughCodePage, let encoded = try codePageText(text, style: style) {
                    apply(style)
                    out += encoded
                } else {
                    out += try raster(text, style: style)
                }
            case .blank(let style):
                apply(style)
                out.append(.lineFeed)
            case .qrCode(let text, let style):
                apply(PrintStyle(alignment: style.alignment, bold: current.bold, size: current.size))
                out += try qrCode(text, alignment: style.alignment)
            case .rule:
                apply(PrintStyle(alignment: .left, bold: false, size: 1))
                out.append(.text(Array(repeating: UInt8(ascii: "-"), count: profile.fontAColumns)))
                out.append(.lineFeed)
            case .feed(let lines):
                out.append(.feed(lines: UInt8(clamping: lines)))
            case .cut:
                switch profile.cutter {
                case .none: out.append(.feed(lines: 4))
                case .full: out.append(.feedAndCut(.full, feed: 3))
                case .partial: out.append(.feedAndCut(.partial, feed: 3))
                }
            }
        }
        return out
    }

    /// The bytes for `document`, as they are sent to the printer.
    public func bytes(for document: PrintDocument) throws(PrintRenderError) -> [UInt8] {
        let commands = try commands(for: document)
        do {
            return try EscPosEncoder().encode(commands)
        } catch {
            throw .encoding("\(error)")
        }
    }

    /// `text` drawn at `style` across the printable width, as raster bands.
    func raster(_ text: String, style: PrintStyle) throws(PrintRenderError) -> [EscPosCommand] {
        let font = style.bold ? bold : regular
        let bitmap: MonochromeBitmap
        do {
            bitmap = try font.render(
                text, pixelHeight: Self.dotsPerLine * style.size, maxWidth: profile.printableDots, alignment: style.alignment
            )
        } catch {
            throw .raster(error)
        }
        return Self.bands(of: bitmap, width: profile.printableDots)
    }

    /// `bitmap`, padded to `width` dots on the left edge, as `GS v 0` commands of at most ``maxBandHeight`` rows.
    static func bands(of bitmap: MonochromeBitmap, width: Int) -> [EscPosCommand] {
        let padded = bitmap.width == width ? bitmap : bitmap.padded(toWidth: width)
        var out: [EscPosCommand] = []
        var top = 0
        while top < padded.height {
            let height = min(maxBandHeight, padded.height - top)
            let band = padded.cropped(to: PixelRect(x: 0, y: top, width: padded.width, height: height))
            out.append(.rasterImage(widthBytes: band.bytesPerRow, height: height, data: band.packedBytes))
            top += height
        }
        return out
    }

    private func qrCode(_ text: String, alignment: TextAlignment) throws(PrintRenderError) -> [EscPosCommand] {
        let symbol: QRCode
        do {
            symbol = try QRCode(text: text, correction: .medium)
        } catch {
            throw .qrCode("\(error)")
        }
        // Modules as large as fit in about two thirds of the paper, between 3 and 8 dots.
        let module = max(3, min(8, (profile.printableDots * 2 / 3) / (symbol.size + 8)))
        if profile.qrCode {
            return [
                .qrSelectModel2, .qrModuleSize(UInt8(module)), .qrErrorLevel(.medium),
                .qrStore(Array(text.utf8)), .qrPrint, .lineFeed,
            ]
        }
        let quiet = 4
        var image = MonochromeBitmap(width: (symbol.size + 2 * quiet) * module, height: (symbol.size + 2 * quiet) * module)
        for y in 0..<symbol.size {
            for x in 0..<symbol.size where symbol.isDark(x: x, y: y) {
                for dy in 0..<module {
                    for dx in 0..<module { image[(x + quiet) * module + dx, (y + quiet) * module + dy] = true }
                }
            }
        }
        return Self.bands(of: image.padded(toWidth: profile.printableDots, alignment: alignment), width: profile.printableDots)
    }

    private func codePageText(_ text: String, style: PrintStyle) throws(PrintRenderError) -> [EscPosCommand]? {
        let columns = max(1, profile.fontAColumns / style.size)
        var out: [EscPosCommand] = []
        if let page = profile.codePageNumber(VietnameseCodePage.wpc1258.rawValue) {
            out.append(.selectCodePage(UInt8(page)))
            for line in Self.wrap(text, columns: columns) {
                do {
                    out.append(.text(try CP1258Encoder().encode(line)))
                } catch {
                    throw .encoding("\(error)")
                }
                out.append(.lineFeed)
            }
            return out
        }
        if let lower = profile.codePageNumber("TCVN-3"), let upper = profile.codePageNumber("TCVN-3 uppercase") {
            for line in Self.wrap(text, columns: columns) {
                do {
                    out += try TCVN3Encoder().commands(line, lowercasePage: UInt8(lower), uppercasePage: UInt8(upper))
                } catch {
                    throw .encoding("\(error)")
                }
                out.append(.lineFeed)
            }
            return out
        }
        return nil
    }

    static func isPlainASCII(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
    }

    /// Greedy word wrap at `columns` characters; a longer word is broken.
    static func wrap(_ text: String, columns: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            var word = Substring(word)
            while word.count > columns {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(columns)))
                word = word.dropFirst(columns)
            }
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= columns {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func justification(_ alignment: TextAlignment) -> EscPosJustification {
        switch alignment {
        case .left: .left
        case .center: .center
        case .right: .right
        }
    }
}
