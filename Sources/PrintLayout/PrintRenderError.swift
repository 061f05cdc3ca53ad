import Raster

/// Why a document could not be turned into printer bytes.
public enum PrintRenderError: Error, Sendable, CustomStringConvertible {
    /// Text could not be drawn (a font cannot be opened, a character it lacks).
    case raster(RasterError)
    /// A QR code cannot hold the text.
    case qrCode(String)
    /// A command or text cannot be encoded for the printer.
    case encoding(String)

    public var description: String {
        switch self {
        case .raster(let error): "cannot draw the text: \(error)"
        case .qrCode(let reason): "cannot make the QR code: \(reason)"
        case .encoding(let reason): "cannot encode for the printer: \(reason)"
        }
    }
}
