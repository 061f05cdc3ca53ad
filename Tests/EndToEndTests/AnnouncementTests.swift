import CupsTestSupport
import Foundation
import Testing

/// `motcua say` and the daemon's announcer, end to end: the real binary, espeak-ng and sox. The sound card
/// is the one stand-in (there is none here): the configured player is a script that writes which file it
/// was given and when.
@Suite("Announcements from the command line and the daemon")
struct AnnouncementTests {
    @Test func sayPrintsTheExactWordsInEachLanguage() throws {
        let vi = try DaemonProcess.run(["say", "A025", "5", "--text"])
        #expect(vi.status == 0)
        #expect(vi.stdout == "Mời công dân có số thứ tự A không hai năm đến quầy số năm.\n")
        let en = try DaemonProcess.run(["say", "B124", "24", "--lang", "en", "--text"])
        #expect(en.stdout == "Ticket number B, one, two, four, please come to counter twenty-four.\n")
        let counter = try DaemonProcess.run(["say", "C001", "105", "--text"])
        #expect(counter.stdout.contains("đến quầy số một trăm lẻ năm."))
    }

    @Test func sayWritesAWAVFileThatDecodes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-say-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("a025.wav")
        let made = try DaemonProcess.run(["say", "A025", "15", "--out", out.path])
        #expect(made.status == 0, "\(made.stderr)")
        let info = try runCapturing(URL(fileURLWithPath: "/usr/bin/soxi"), ["-D", out.path])
        let seconds = Double(info.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(seconds > 4 && seconds < 10, "the WAV lasts \(seconds) s")
        let rate = try runCapturing(URL(fileURLWithPath: "/usr/bin/soxi"), ["-r", out.path])
        #expect(rate.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "22050")
    }

    @Test("bad input to say is refused saying what was wrong, and writes nothing", arguments: [
        (["say", "A-25", "5", "--text"], Int32(1), "\"A-25\" has \"-\""),
        (["say", "A025", "0", "--text"], Int32(2), "COUNTER must be a number from 1 to 9999"),
        (["say", "A025", "5", "--lang", "fr", "--text"], Int32(2), "--lang must be vi or en"),
        (["say", "A025", "5", "--text", "--out", "/tmp/motcua-say-refused.wav"], Int32(2), "--text and --out cannot be used together"),
    ])
    func refused(arguments: [String], status: Int32, words: String) throws {
        let answer = try DaemonProcess.run(arguments)
        #expect(answer.status == status)
        #expect(answer.stderr.contains(words), "\(answer.stderr)")
        #expect(answer.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/motcua-say-refused.wav"))
    }

    /// The daemon speaks each call through the configured player, and `motcua say` without --text or
    /// --out queues an announcement on the hall's speaker after it.
    @Test func theDaemonSpeaksCallsAndSaysWhatItIsAskedInTurn() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-player-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("played.log")
        let player = folder.appendingPathComponent("player.sh")
        try "#!/bin/sh\necho \"$1\" >> \(log.path)\n".write(to: player, atomically: true, encoding: .utf8)
        chmod(player.path, 0o755)
        let daemon = try DaemonProcess(config: DaemonProcess.config + "\nannouncements: {player: \(player.path), plays: 1, languages: [vi, en]}\n")
        try await daemon.start()
        #expect(try daemon.cli(["counter", "open", "1"]).status == 0)
        #expect(try daemon.cli(["ticket", "take", "HT"]).status == 0)
        #expect(try daemon.cli(["counter", "next", "1"]).status == 0)
        let said = try daemon.cli(["say", "B012", "2"])
        #expect(said.status == 0, "\(said.stderr)")
        #expect(said.stdout.contains("B012"))
        var played: [String] = []
        for _ in 0..<200 where played.count < 2 {
            try await Task.sleep(for: .milliseconds(50))
            played = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
        #expect(played.count == 2)
        // The first file played is the call's announcement in both languages, the one display pages fetch.
        let answer = try await daemon.get("/api/v1/announcements/audio?ticket=A001&counter=1&lang=vi,en")
        #expect(answer.status == 200)
        #expect(try Data(contentsOf: URL(fileURLWithPath: try #require(played.first))) == answer.body)
        let code = try await daemon.stop()
        #expect(code == 0)
    }

    /// An office that recorded some words of its own hears which are missing before a call does.
    @Test func sayTellsWhichWordsTheOfficesClipsLack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-clips-\(UUID().uuidString.prefix(8))")
        let clips = folder.appendingPathComponent("clips/vi")
        try FileManager.default.createDirectory(at: clips, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for words in ["mời công dân có số thứ tự", "a", "không", "hai", "đến quầy số"] {
            _ = try runCapturing(URL(fileURLWithPath: "/usr/bin/espeak-ng"), ["-v", "vi", "-w", clips.appendingPathComponent("\(words).wav").path, words])
        }
        let config = folder.appendingPathComponent("motcua.yaml")
        try (DaemonProcess.config + "\nannouncements: {templates: \(folder.path)}\n").write(to: config, atomically: true, encoding: .utf8)
        let partly = try DaemonProcess.run(["say", "A025", "5", "--text", "--config", config.path])
        #expect(partly.status == 0)
        #expect(partly.stderr.contains("thiếu bản ghi cho (no clip for) năm"), "\(partly.stderr)")
        let whole = try DaemonProcess.run(["say", "A002", "2", "--text", "--config", config.path])
        #expect(whole.stderr.contains("đọc bằng bản ghi của đơn vị"), "\(whole.stderr)")
    }

    @Test func aBrokenPhraseFileStopsConfigCheckAndServeNamingTheFileAndTheKey() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-phrases-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let phrases = try String(contentsOf: BrokenProfileStartTests.root.appendingPathComponent("Templates/announcements/vi.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "đến quầy số {counter}.", with: "đến quầy.")
        try phrases.write(to: folder.appendingPathComponent("vi.yaml"), atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("motcua.yaml")
        try (DaemonProcess.config + "\nannouncements: {templates: \(folder.path)}\n").write(to: config, atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("vi.yaml").path

        let check = try DaemonProcess.run(["config", "check", "--config", config.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("\(file): call: must say {counter}"), "\(check.stderr)")
        let port = try LocalPort.free()
        let serve = try DaemonProcess.run([
            "serve", "--config", config.path, "--state-dir", folder.appendingPathComponent("state").path,
            "--http", "127.0.0.1:\(port)",
        ])
        #expect(serve.status != 0)
        #expect((serve.stdout + serve.stderr).contains("\(file): call: must say {counter}"), "\(serve.stderr)")
    }
}
