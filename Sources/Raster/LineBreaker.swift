/// Breaks text into lines no wider than a width, at spaces, measuring with a caller's function.
enum LineBreaker {
    /// The lines of `text` (NFC) at most `maxWidth` wide by `measure`.
    ///
    /// Each newline ends a paragraph (an empty paragraph gives an empty line). Within a paragraph, words
    /// are separated by runs of spaces and joined with one space; a word wider than `maxWidth` is split
    /// between characters (grapheme clusters, so a letter keeps its diacritics), and a single character
    /// wider than `maxWidth` gets a line of its own.
    static func wrap(
        _ text: String, maxWidth: Int, measure: (String) throws(RasterError) -> Int
    ) throws(RasterError) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if try measure(candidate) <= maxWidth {
                    current = candidate
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                current = String(word)
                if try measure(current) > maxWidth {
                    var pieces = try split(current, maxWidth: maxWidth, measure: measure)
                    current = pieces.removeLast()
                    lines += pieces
                }
            }
            lines.append(current)
        }
        return lines
    }

    /// `word` cut into pieces of at most `maxWidth`, each holding at least one character.
    private static func split(
        _ word: String, maxWidth: Int, measure: (String) throws(RasterError) -> Int
    ) throws(RasterError) -> [String] {
        var pieces: [String] = []
        var piece = ""
        for character in word {
            let candidate = piece + String(character)
            let fits = piece.isEmpty ? true : try measure(candidate) <= maxWidth
            if fits {
                piece = candidate
            } else {
                pieces.append(piece)
                piece = String(character)
            }
        }
        pieces.append(piece)
        return pieces
    }
}
