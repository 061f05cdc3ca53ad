import DeviceProfiles
import MotCuaConfig
import Serial

/// The boards sharing one serial path (one RS-485 line, or a single USB board), its port while open, and
/// what each board shows.
struct BoardLine {
    /// One board on the line.
    struct Board {
        let configured: ConfiguredBoard
        let profile: BoardProfile
        let encoder: BoardFrameEncoder
        /// The text last sent (nil: nothing yet, or it must be sent again).
        var shown: String?
    }

    let path: String
    /// The line's settings: the first board's (boards on one line must agree).
    let settings: BoardSerialSettings
    var boards: [Board]
    var port: SerialPort?
    /// Why the port is not open, when it is not.
    var problem: String?
}
