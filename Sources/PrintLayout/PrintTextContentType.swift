import Mustache

/// How values are put into a print template: as plain text on one line, with `@` hidden so that a value
/// can never become a directive (``PrintTemplate`` puts it back after reading the lines).
struct PrintTextContentType: MustacheContentType {
    /// Stands for `@` inside values until the lines have been read (a private-use character).
    static let hiddenAt: Character = "\u{E000}"

    func escapeText(_ text: String) -> String {
        String(text.map { character -> Character in
            switch character {
            case "@": Self.hiddenAt
            case "\n", "\r", "\r\n", "\t": " "
            default: character
            }
        })
    }
}
