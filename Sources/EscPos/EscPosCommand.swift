/// One ESC/POS command a ticket is made of.
///
/// Values are kept as the printer sees them (bytes, dots, lines), so that a command list parsed back
/// from what a printer received compares equal to the list that was sent. Text is already in the
/// printer's code page: see ``CP1258Encoder`` and ``TCVN3Encoder`` for Vietnamese.
public enum EscPosCommand: Sendable, Hashable {
    /// `ESC @`: clear the buffer and reset modes to the power-on defaults.
    case initialize
    /// `ESC t n`: select character code table `n` (numbers differ by vendor; they come from the device profile).
    case selectCodePage(UInt8)
    /// Printable bytes in the selected code page; no control bytes (below 0x20 or 0x7F).
    case text([UInt8])
    /// `LF`: print the line and feed one line.
    case lineFeed
    /// `ESC a n`: alignment of the following lines.
    case justification(EscPosJustification)
    /// `ESC E n`: emphasized (bold) on or off.
    case emphasis(Bool)
    /// `GS ! n`: character magnification, each 1…8.
    case characterSize(width: UInt8, height: UInt8)
    /// `GS ( k` fn 165: select QR model 2.
    case qrSelectModel2
    /// `GS ( k` fn 167: module size in dots, 1…16.
    case qrModuleSize(UInt8)
    /// `GS ( k` fn 169: error correction level.
    case qrErrorLevel(EscPosQRErrorLevel)
    /// `GS ( k` fn 180: store the data in the symbol storage area (1…7089 bytes).
    case qrStore([UInt8])
    /// `GS ( k` fn 181: print the stored symbol.
    case qrPrint
    /// `GS k 73 n d…`: Code 128; `data` includes the code set selector, e.g. `{B`. 2…255 bytes.
    case code128([UInt8])
    /// `GS v 0 0 xL xH yL yH d…`: a raster image, `widthBytes` × 8 dots wide, `height` dots high,
    /// one bit per dot, most significant bit leftmost, 1 = black. `data.count == widthBytes * height`.
    case rasterImage(widthBytes: Int, height: Int, data: [UInt8])
    /// `GS V 0` or `GS V 1`: cut at the current position.
    case cut(EscPosCut)
    /// `GS V 65 n` or `GS V 66 n`: feed to the cutting position plus `n` motion units, then cut.
    case feedAndCut(EscPosCut, feed: UInt8)
    /// `ESC d n`: print the buffer and feed `n` lines.
    case feed(lines: UInt8)
}
