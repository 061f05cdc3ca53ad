/// A character code table a printer model has, and the `ESC t` number that selects it there.
public struct PrinterCodePage: Sendable, Hashable, Codable {
    /// Common name: "PC437", "WPC1258", "TCVN-3" (lowercase page), "TCVN-3-upper" (capitals page)…
    public var name: String
    /// The `n` of `ESC t n` on this model (0…255).
    public var number: Int

    /// Creates a code page entry.
    public init(name: String, number: Int) {
        self.name = name
        self.number = number
    }
}
