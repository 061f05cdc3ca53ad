import ArgumentParser
import Foundation
import MotCuaConfig
import NIOHTTP1
import Voice

/// `motcua say TICKET COUNTER [--lang vi|en] [--text | --out FILE.wav]`: the announcement of a call, as
/// text, as a WAV file, or (with neither) spoken in the hall by the running daemon's announcer, in turn.
struct SayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "say",
        abstract: "Lời mời gọi số (the announcement of a call): as text, as a WAV file, or on the hall's speaker."
    )

    @Argument(help: "Số thứ tự (ticket number), e.g. A025.")
    var ticket: String
    @Argument(help: "Số quầy (counter number), e.g. 5.")
    var counter: Int
    @Option(help: "Ngôn ngữ (vi hoặc en); mặc định: announcements.languages.")
    var lang: String?
    @Flag(help: "In lời đọc ra màn hình (print the words).")
    var text = false
    @Option(help: "Ghi tiếng đọc vào tệp WAV (write the sound to a WAV file).")
    var out: String?
    @Option(help: "Tệp cấu hình (default /etc/motcua/motcua.yaml, else the built-in default).")
    var config: String?
    @OptionGroup var control: ControlOptions

    func validate() throws {
        if text, out != nil { throw ValidationError("--text and --out cannot be used together: choose one.") }
        if let lang, !VoiceSetup.languages.contains(lang) {
            throw ValidationError("--lang must be vi or en, got \"\(lang)\".")
        }
        if !(1...9999).contains(counter) { throw ValidationError("COUNTER must be a number from 1 to 9999, got \(counter).") }
    }

    func run() async throws {
        guard text || out != nil else {
            // Spoken by the daemon, so it never talks over an announcement already playing.
            if lang != nil { throw ValidationError("--lang applies to --text and --out; the hall speaks announcements.languages.") }
            let client = control.client()
            let answer = try await client.call(HTTPMethod.POST, "/api/v1/announcements", body: ["ticket": ticket, "counter": counter])
            client.show(answer) { "Đã xếp lượt đọc (queued) #\(answer.object["id"] ?? "?"): \(answer.object["ticket"] ?? ticket) → quầy \(counter)" }
            return
        }
        let configuration = try ConfigurationFile.load(config)
        let languages = lang.map { [$0] }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-say-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            let audio = try VoiceSetup.audio(for: configuration, cacheFolder: scratch, languages: languages)
            if text {
                for line in try audio.texts(ticket: ticket, counter: counter) {
                    print(line.text)
                    // Say which voice speaks it, where the office has recorded its own clips.
                    if let clips = audio.clips[line.language] {
                        let missing = clips.missing(line.text)
                        let note = missing.isEmpty
                            ? "\(line.language): đọc bằng bản ghi của đơn vị (recorded clips, \(clips.folder.path))"
                            : "\(line.language): thiếu bản ghi cho (no clip for) \(missing.joined(separator: ", ")); đọc bằng espeak-ng"
                        FileHandle.standardError.write(Data("\(note)\n".utf8))
                    }
                }
                return
            }
            let made = try await audio.file(ticket: ticket, counter: counter)
            let target = URL(fileURLWithPath: out!)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: made, to: target)
            print("Đã ghi (written) \(target.path)")
        } catch {
            FileHandle.standardError.write(Data("motcua say: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
