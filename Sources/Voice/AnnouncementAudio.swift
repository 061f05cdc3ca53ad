import Announcements
import Crypto
import Foundation

/// The sound of an announcement: the chime, then the phrase in each language (espeak-ng), joined by sox
/// into one WAV file (22 050 Hz, mono, 16 bit), kept in a cache folder so a phrase is made once.
///
/// The chime is the office's own `chime.wav` when it gives one (any format sox reads), else two soft
/// notes sox makes. Files are written under a temporary name and renamed, so a reader never sees half a
/// file; the cache keeps its newest ``cacheLimit`` files.
public actor AnnouncementAudio {
    /// The phrase books by language.
    public nonisolated let books: [String: PhraseBook]
    /// The languages spoken when a request names none, in order.
    public nonisolated let languages: [String]
    /// Words per minute (espeak-ng `-s`).
    public nonisolated let speed: Int
    private let cache: URL
    private let chimeSource: URL?
    /// The office's recorded clips by language (``RecordedClips``), used instead of espeak-ng where they
    /// cover every word of a phrase.
    public nonisolated let clips: [String: RecordedClips]
    /// How many files the cache keeps.
    public nonisolated let cacheLimit: Int
    private var written = 0
    /// The announcements made (or found in the cache) since the start, by ticket, counter and languages.
    private var made: [String: URL] = [:]

    static let rate = "22050"
    static let timeLimit = Duration.seconds(20)

    /// - Parameters:
    ///   - books: one per language that may be spoken.
    ///   - languages: the default languages, in order; each must have a book.
    ///   - cacheFolder: created if missing.
    ///   - chime: the office's chime file, or nil for the built-in one.
    ///   - clips: the office's recorded clips by language.
    public init(
        books: [PhraseBook], languages: [String], cacheFolder: String, chime: String? = nil, clips: [String: RecordedClips] = [:],
        speed: Int = 145, cacheLimit: Int = 2000
    ) throws(VoiceError) {
        self.clips = clips
        var byLanguage: [String: PhraseBook] = [:]
        for book in books { byLanguage[book.language] = book }
        if let missing = languages.first(where: { byLanguage[$0] == nil }) {
            throw VoiceError(what: "announcements", reason: "no phrase file for the language \"\(missing)\"")
        }
        guard !languages.isEmpty else { throw VoiceError(what: "announcements", reason: "no language to speak") }
        self.books = byLanguage
        self.languages = languages
        self.speed = speed
        self.cacheLimit = cacheLimit
        cache = URL(fileURLWithPath: cacheFolder, isDirectory: true)
        chimeSource = chime.map { URL(fileURLWithPath: $0) }
        do {
            try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        } catch {
            throw VoiceError(what: "announcements", reason: "cannot make the cache folder \(cacheFolder): \(error.localizedDescription)")
        }
    }

    /// The words of the announcement in each language (the default ones when `languages` is nil), in order.
    public nonisolated func texts(ticket: String, counter: Int, languages: [String]? = nil) throws(PhraseBookError) -> [(language: String, text: String)] {
        var texts: [(language: String, text: String)] = []
        for language in languages ?? self.languages {
            guard let book = books[language] else {
                throw PhraseBookError(source: "lang", reason: "\"\(language)\" has no phrases (known: \(books.keys.sorted().joined(separator: ", ")))")
            }
            texts.append((language, try book.callText(ticket: ticket, counter: counter)))
        }
        return texts
    }

    /// The WAV file of the announcement when it has been made already (nothing to run), else nil.
    public func madeFile(ticket: String, counter: Int, languages: [String]? = nil) -> URL? {
        let key = madeKey(ticket: ticket, counter: counter, languages: languages)
        guard let file = made[key] else { return nil }
        guard FileManager.default.fileExists(atPath: file.path) else {
            made[key] = nil
            return nil
        }
        return file
    }

    /// The WAV file of the announcement (chime, then each language's phrase), made now or taken from the cache.
    public func file(ticket: String, counter: Int, languages: [String]? = nil) async throws -> URL {
        if let file = madeFile(ticket: ticket, counter: counter, languages: languages) { return file }
        let file = try await build(ticket: ticket, counter: counter, languages: languages)
        // As many as the disk cache keeps files, give or take: a day's calls.
        if made.count >= 2_000 { made.removeAll(keepingCapacity: true) }
        made[madeKey(ticket: ticket, counter: counter, languages: languages)] = file
        return file
    }

    private func madeKey(ticket: String, counter: Int, languages: [String]?) -> String {
        "\(ticket)|\(counter)|\((languages ?? self.languages).joined(separator: ","))"
    }

    private func build(ticket: String, counter: Int, languages: [String]?) async throws -> URL {
        let texts = try texts(ticket: ticket, counter: counter, languages: languages)
        var parts: [URL] = [try await chime()]
        for (language, text) in texts {
            parts.append(try await silence())
            if let recorded = clips[language], let plan = recorded.plan(text) {
                parts.append(try await spoken(plan, text: text))
            } else {
                parts.append(try await speech(text, voice: books[language]!.voice))
            }
        }
        let name = "call-" + Self.key(parts.map(\.lastPathComponent).joined(separator: "|")) + ".wav"
        let target = cache.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: target.path) { return target }
        try await make(target) { temporary in
            ExternalCommand(program: "sox", arguments: ["-D"] + parts.map(\.path) + [temporary.path], timeLimit: Self.timeLimit)
        }
        return target
    }

    /// One phrase spoken by espeak-ng, cached by voice, speed and text.
    func speech(_ text: String, voice: String) async throws(VoiceError) -> URL {
        let target = cache.appendingPathComponent("speech-" + Self.key("\(voice)|\(speed)|\(text)") + ".wav")
        if FileManager.default.fileExists(atPath: target.path) { return target }
        try await make(target) { temporary in
            ExternalCommand(
                program: "espeak-ng", arguments: ["-v", voice, "-s", String(speed), "-w", temporary.path, text],
                timeLimit: Self.timeLimit
            )
        }
        return target
    }

    /// One phrase from the office's recorded clips: each clip in the speech's format, a short pause at
    /// each comma or full stop, joined by sox; cached by the clips used (and their times) and the text.
    func spoken(_ plan: [RecordedClips.Piece], text: String) async throws(VoiceError) -> URL {
        let stamp = plan.map { piece -> String in
            guard case let .clip(url) = piece else { return "," }
            let date = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(url.path)@\(date)"
        }.joined(separator: "|")
        let target = cache.appendingPathComponent("speech-" + Self.key("clips|\(stamp)|\(text)") + ".wav")
        if FileManager.default.fileExists(atPath: target.path) { return target }
        var parts: [URL] = []
        for piece in plan {
            switch piece {
            case .pause:
                parts.append(try await silence(seconds: "0.2"))
            case let .clip(url):
                let converted = cache.appendingPathComponent("clip-" + Self.key(url.path + stamp) + ".wav")
                if !FileManager.default.fileExists(atPath: converted.path) {
                    try await make(converted) { temporary in
                        ExternalCommand(
                            program: "sox", arguments: ["-D", url.path, "-r", Self.rate, "-c", "1", "-b", "16", temporary.path],
                            timeLimit: Self.timeLimit
                        )
                    }
                }
                parts.append(converted)
            }
        }
        if parts.count == 1 {
            try await make(target) { temporary in
                ExternalCommand(program: "sox", arguments: ["-D", parts[0].path, temporary.path], timeLimit: Self.timeLimit)
            }
        } else {
            try await make(target) { temporary in
                ExternalCommand(program: "sox", arguments: ["-D"] + parts.map(\.path) + [temporary.path], timeLimit: Self.timeLimit)
            }
        }
        return target
    }

    /// The chime: the office's file converted to the speech's format, or two notes (G5 then E5) made by sox.
    /// sox runs without dither (`-D`) throughout, so the same input always makes the same samples.
    func chime() async throws(VoiceError) -> URL {
        if let source = chimeSource {
            let stamp = (try? FileManager.default.attributesOfItem(atPath: source.path)[.modificationDate] as? Date)?
                .timeIntervalSince1970 ?? 0
            let target = cache.appendingPathComponent("chime-" + Self.key("\(source.path)|\(stamp)") + ".wav")
            if FileManager.default.fileExists(atPath: target.path) { return target }
            try await make(target) { temporary in
                ExternalCommand(
                    program: "sox", arguments: ["-D", source.path, "-r", Self.rate, "-c", "1", "-b", "16", temporary.path],
                    timeLimit: Self.timeLimit
                )
            }
            return target
        }
        let target = cache.appendingPathComponent("chime-builtin-1.wav")
        if FileManager.default.fileExists(atPath: target.path) { return target }
        // Parts under names of their own: two requests making the chime at once do not share them.
        let high = cache.appendingPathComponent(".chime-high-\(UUID().uuidString).wav")
        let low = cache.appendingPathComponent(".chime-low-\(UUID().uuidString).wav")
        defer {
            try? FileManager.default.removeItem(at: high)
            try? FileManager.default.removeItem(at: low)
        }
        for (file, frequency, length) in [(high, "784", "0.55"), (low, "659", "0.9")] {
            try await ExternalCommand(
                program: "sox",
                arguments: ["-D", "-n", "-r", Self.rate, "-c", "1", "-b", "16", file.path, "synth", length, "sine", frequency,
                            "fade", "q", "0.01", length, "0.5", "vol", "0.45"],
                timeLimit: Self.timeLimit
            ).run()
        }
        try await make(target) { temporary in
            ExternalCommand(program: "sox", arguments: ["-D", high.path, low.path, temporary.path], timeLimit: Self.timeLimit)
        }
        return target
    }

    /// A short pause: between the chime and a phrase, or two phrases (0.35 s), or at a comma (0.2 s).
    func silence(seconds: String = "0.35") async throws(VoiceError) -> URL {
        let target = cache.appendingPathComponent("silence-\(seconds).wav")
        if FileManager.default.fileExists(atPath: target.path) { return target }
        try await make(target) { temporary in
            ExternalCommand(
                program: "sox", arguments: ["-D", "-n", "-r", Self.rate, "-c", "1", "-b", "16", temporary.path, "trim", "0", seconds],
                timeLimit: Self.timeLimit
            )
        }
        return target
    }

    /// Runs the command that writes a temporary file, then renames it to `target`.
    private func make(_ target: URL, _ command: (URL) -> ExternalCommand) async throws(VoiceError) {
        let temporary = cache.appendingPathComponent(".\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try await command(temporary).run()
        let size = (try? FileManager.default.attributesOfItem(atPath: temporary.path)[.size] as? Int) ?? 0
        guard size > 44 else {
            throw VoiceError(what: command(temporary).program, reason: "wrote no sound to \(target.lastPathComponent)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            throw VoiceError(what: "announcements", reason: "cannot write \(target.path): \(String(cString: strerror(errno)))")
        }
        written += 1
        if written % 100 == 0 { prune() }
    }

    /// Keeps the newest ``cacheLimit`` files of the cache.
    func prune() {
        let manager = FileManager.default
        guard let all = try? manager.contentsOfDirectory(atPath: cache.path), all.count > cacheLimit else { return }
        // The chime and the pause are in every announcement: they stay.
        let names = all.filter { $0.hasPrefix("call-") || $0.hasPrefix("speech-") || $0.hasPrefix("clip-") }
        let dated = names.compactMap { name -> (String, Date)? in
            let path = cache.appendingPathComponent(name).path
            guard let date = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return nil }
            return (path, date)
        }.sorted { $0.1 < $1.1 }
        for (path, _) in dated.prefix(max(0, all.count - cacheLimit)) { try? manager.removeItem(atPath: path) }
    }

    /// A file name's key: the first 16 bytes of the SHA-256 of `text`, in hex.
    static func key(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
