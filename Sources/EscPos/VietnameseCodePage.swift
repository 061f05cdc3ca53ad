/// The 8-bit code pages Vietnamese text can be printed through, by their common names.
///
/// The `ESC t` number of each differs by vendor and model; it comes from the device profile.
public enum VietnameseCodePage: String, Sendable, Hashable, CaseIterable {
    /// Windows-1258 (Epson "WPC1258", page 52 on Epson): base letters and combining tone marks.
    case wpc1258 = "WPC1258"
    /// TCVN 5712:1993 VN3 ("TCVN-3"): precomposed lowercase; Epson page 30 lowercase, 31 uppercase.
    case tcvn3 = "TCVN-3"
}
