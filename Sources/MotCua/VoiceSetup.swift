import Announcements
import Foundation
import Logging
import MotCuaConfig
import QueueService
import Voice

/// The announcements of a configuration: the phrase files (built-in, with the office's over them), their
/// sound, and the announcer that speaks calls on this machine.
enum VoiceSetup {
    /// The languages there are phrases for.
    static let languages = ["vi", "en"]

    /// Every language's phrases: the office's `announcements.templates/LANG.yaml` when there is one, else
    /// the built-in `Templates/announcements/LANG.yaml`. The error names the file and the reason.
    static func books(for configuration: MotCuaConfiguration) throws -> [PhraseBook] {
        guard let builtIn = TemplatesFolder.builtIn() else {
            throw DaemonError(message: "không tìm thấy thư mục Templates (looked beside the executable and in \(TemplatesFolder.installed.joined(separator: ", ")))")
        }
        var books: [PhraseBook] = []
        for language in languages {
            var path = "\(builtIn)/announcements/\(language).yaml"
            if let site = configuration.announcements.templates, FileManager.default.fileExists(atPath: "\(site)/\(language).yaml") {
                path = "\(site)/\(language).yaml"
            }
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw DaemonError(message: "lời đọc (announcements): \(path): cannot be read: \(error.localizedDescription)")
            }
            do {
                let book = try PhraseBook(yaml: text, source: path)
                guard book.language == language else {
                    throw PhraseBookError(source: path, key: "language", reason: "says \(book.language), but the file is for \(language)")
                }
                books.append(book)
            } catch {
                throw DaemonError(message: "lời đọc (announcements): \(error)")
            }
        }
        return books
    }

    /// The sound of announcements, cached in `cacheFolder`.
    static func audio(for configuration: MotCuaConfiguration, cacheFolder: String, languages: [String]? = nil) throws -> AnnouncementAudio {
        let settings = configuration.announcements
        let chime = settings.templates.map { "\($0)/chime.wav" }.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
        do {
            return try AnnouncementAudio(
                books: try books(for: configuration), languages: languages ?? settings.languages, cacheFolder: cacheFolder,
                chime: chime, clips: try clips(for: configuration), speed: settings.speed
            )
        } catch let error as VoiceError {
            throw DaemonError(message: "lời đọc (announcements): \(error)")
        }
    }

    /// The office's recorded clips: `announcements.templates/clips/LANG/*.wav`, for each language that has
    /// such a folder.
    static func clips(for configuration: MotCuaConfiguration) throws(VoiceError) -> [String: RecordedClips] {
        guard let site = configuration.announcements.templates else { return [:] }
        var clips: [String: RecordedClips] = [:]
        for language in languages {
            var isFolder: ObjCBool = false
            let folder = "\(site)/clips/\(language)"
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue {
                clips[language] = try RecordedClips(folder: folder)
            }
        }
        return clips
    }

    /// The announcer, unless `announcements.enabled` is false.
    static func announcer(
        for configuration: MotCuaConfiguration, audio: AnnouncementAudio, engine: QueueEngine, logger: Logger
    ) -> AnnouncerService? {
        let settings = configuration.announcements
        guard settings.enabled, let output = SoundOutput(commandLine: settings.player) else { return nil }
        return AnnouncerService(
            audio: audio, output: output, engine: engine, maxPlays: settings.plays,
            maxDelay: TimeInterval(settings.maxDelaySeconds), logger: logger
        )
    }

    /// What `config check` checks: the phrase files read and name their language.
    static func check(_ configuration: MotCuaConfiguration) throws {
        _ = try books(for: configuration)
    }
}
