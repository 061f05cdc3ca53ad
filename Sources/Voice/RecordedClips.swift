import Foundation

/// An office's own recorded voice for one language: a folder of WAV files (any format sox reads), each
/// named by the words it says: `mời.wav`, `công dân.wav` (or `công_dân.wav`), or a whole
/// `mời công dân có số thứ tự.wav`. A phrase is said with the longest clips that cover it, word by word,
/// with a short pause at each comma or full stop; a phrase with a word no clip says is left to espeak-ng.
public struct RecordedClips: Sendable, Hashable {
    /// A phrase as it is played: clips and pauses.
    public enum Piece: Sendable, Hashable {
        case clip(URL)
        case pause
    }

    /// The folder read.
    public let folder: URL
    /// Each clip by its words (lowercase, NFC, single spaces).
    private let clips: [String: URL]
    /// The most words one clip says.
    private let longest: Int

    /// Lists the clips in `folder`; an error when it cannot be read or holds no clip.
    public init(folder: String) throws(VoiceError) {
        self.folder = URL(fileURLWithPath: folder, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw VoiceError(what: "announcements", reason: "cannot read the clips in \(folder): \(error.localizedDescription)")
        }
        var clips: [String: URL] = [:]
        for name in names where name.lowercased().hasSuffix(".wav") {
            let words = Self.normalize(String(name.dropLast(4)).replacingOccurrences(of: "_", with: " "))
            if !words.isEmpty { clips[words] = self.folder.appendingPathComponent(name) }
        }
        guard !clips.isEmpty else {
            throw VoiceError(what: "announcements", reason: "\(folder) has no .wav clips")
        }
        self.clips = clips
        longest = clips.keys.map { $0.split(separator: " ").count }.max() ?? 1
    }

    /// How `text` is played from the clips; nil when a word has no clip.
    public func plan(_ text: String) -> [Piece]? {
        missing(text).isEmpty ? cover(text).pieces : nil
    }

    /// The words of `text` that no clip says, in order.
    public func missing(_ text: String) -> [String] {
        cover(text).missing
    }

    private func cover(_ text: String) -> (pieces: [Piece], missing: [String]) {
        // The words, and a pause after each one ending a clause.
        var tokens: [String?] = []
        for raw in text.split(whereSeparator: \.isWhitespace) {
            let word = Self.normalize(raw.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!?\"“”")))
            if !word.isEmpty { tokens.append(word) }
            if let last = raw.last, ",.;:!?".contains(last) { tokens.append(nil) }
        }
        while tokens.last == .some(nil) { tokens.removeLast() }
        var pieces: [Piece] = []
        var missing: [String] = []
        var index = 0
        while index < tokens.count {
            guard let word = tokens[index] else {
                pieces.append(.pause)
                index += 1
                continue
            }
            // The longest run of words from here, within one clause, that one clip says.
            var run: [String] = [word]
            var end = index + 1
            while end < tokens.count, run.count < longest, let next = tokens[end] {
                run.append(next)
                end += 1
            }
            var found = false
            while !run.isEmpty {
                if let clip = clips[run.joined(separator: " ")] {
                    pieces.append(.clip(clip))
                    index += run.count
                    found = true
                    break
                }
                run.removeLast()
            }
            if !found {
                missing.append(word)
                index += 1
            }
        }
        return (pieces, missing)
    }

    /// Lowercase NFC words with single spaces.
    static func normalize(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
