// EscPos: ESC/POS for thermal ticket printers, pure and without I/O.
//
// Files:
// - EscPosCommand.swift ........... the commands a ticket needs, as an enum
// - EscPosJustification.swift ..... ESC a values
// - EscPosCut.swift ............... GS V cut kinds
// - EscPosQRErrorLevel.swift ...... GS ( k error correction levels
// - EscPosEncoder.swift ........... commands → bytes, with range checks
// - EscPosEncodingError.swift ..... why a command could not become bytes
// - EscPosParser.swift ............ bytes → commands (tests, checking what a printer received)
// - EscPosParseResult.swift ....... the commands found and the problems met
// - EscPosParseProblem.swift ...... an unknown, truncated or unsupported sequence at an offset
// - VietnameseCodePage.swift ...... the code pages Vietnamese can be printed through
// - VietnameseEncodingError.swift . the first character a code page cannot hold
// - CP1258Encoder.swift ........... Windows-1258 (Epson WPC1258): tone marks decomposed like glibc iconv
// - CP1258Table.swift ............. the upper half of Windows-1258
// - TCVN3Encoder.swift ............ TCVN 5712:1993 VN3, with capitals through the uppercase page
// - TCVN3Table.swift .............. the 75 characters VN3 adds to ASCII
// - TCVN3Run.swift / TCVN3Page.swift / TCVN3Capitals.swift . the encoder's output and policy

/// ESC/POS for thermal ticket printers: commands, their bytes, and Vietnamese text for the code pages
/// printers have. No I/O.
public enum EscPos {
    /// ESC (0x1B), the prefix of most single-byte-function commands.
    public static let esc: UInt8 = 0x1B
    /// GS (0x1D), the prefix of the extended commands (sizes, barcodes, images, cut).
    public static let gs: UInt8 = 0x1D
    /// LF (0x0A): print the buffer and feed one line.
    public static let lf: UInt8 = 0x0A
}
