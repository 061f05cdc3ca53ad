import Announcements
import Foundation
import Testing
import Voice

/// An office's own recorded voice: clips named by their words, the longest that fit, espeak-ng for the rest.
@Suite("Recorded clips")
struct RecordedClipsTests {
    /// A clip folder with these files, each a real WAV (espeak-ng saying the words, resampled by sox to
    /// 16 kHz stereo, as a recording from elsewhere would come).
    static func folder(_ names: [String]) throws -> URL {
        let folder = try VoiceFixture.scratch("clips")
        for name in names {
            let words = String(name.dropLast(4)).replacingOccurrences(of: "_", with: " ")
            let raw = folder.appendingPathComponent(".raw.wav")
            try VoiceFixture.run("/usr/bin/espeak-ng", ["-v", "vi-vn-x-south", "-w", raw.path, words])
            try VoiceFixture.run("/usr/bin/sox", [raw.path, "-r", "16000", "-c", "2", folder.appendingPathComponent(name).path])
            try FileManager.default.removeItem(at: raw)
        }
        return folder
    }

    static let lead = "mời công dân có số thứ tự.wav"
    static let words = ["a.wav", "không.wav", "hai.wav", "năm.wav", "đến_quầy_số.wav", "quầy.wav", "số.wav", "đến.wav"]

    @Test func thePhraseIsSaidWithTheLongestClipsThatFit() throws {
        let folder = try Self.folder([Self.lead] + Self.words)
        let clips = try RecordedClips(folder: folder.path)
        let plan = try #require(clips.plan("Mời công dân có số thứ tự A không hai năm đến quầy số năm."))
        let names = plan.map { piece -> String in
            if case let .clip(url) = piece { return url.lastPathComponent }
            return ","
        }
        #expect(names == [Self.lead, "a.wav", "không.wav", "hai.wav", "năm.wav", "đến_quầy_số.wav", "năm.wav"])
        #expect(clips.missing("Mời công dân có số thứ tự A không hai năm đến quầy số mười lăm.") == ["mười", "lăm"])
        #expect(clips.plan("đến quầy số mười lăm") == nil)
        // A comma is a pause; none at the end.
        #expect(clips.plan("không, hai.") == [.clip(folder.appendingPathComponent("không.wav")), .pause, .clip(folder.appendingPathComponent("hai.wav"))])
    }

    @Test func aFolderWithoutClipsIsRefused() throws {
        let empty = try VoiceFixture.scratch("no-clips")
        #expect(throws: VoiceError.self) { try RecordedClips(folder: empty.path) }
        #expect(throws: VoiceError.self) { try RecordedClips(folder: empty.appendingPathComponent("missing").path) }
    }

    /// Covered by the clips, the announcement is the chime then the clips, converted to the speech's format;
    /// a phrase with a word missing is spoken by espeak-ng instead, whole.
    @Test func theAnnouncementUsesTheClipsOrEspeakForAPhraseTheyDoNotCover() async throws {
        let folder = try Self.folder([Self.lead] + Self.words)
        let cache = try VoiceFixture.scratch("clip-cache")
        let audio = try AnnouncementAudio(
            books: try VoiceFixture.books(), languages: ["vi"], cacheFolder: cache.path,
            clips: ["vi": try RecordedClips(folder: folder.path)]
        )
        let covered = try await audio.file(ticket: "A025", counter: 5)
        let wav = try VoiceFixture.describe(covered)
        #expect(wav.rate == 22050 && wav.channels == 1)
        // The clips' own lengths, plus the chime and the pause before the speech.
        let clipSeconds = try ([Self.lead, "a.wav", "không.wav", "hai.wav", "năm.wav", "đến_quầy_số.wav", "năm.wav"])
            .map { try VoiceFixture.describe(folder.appendingPathComponent($0)).seconds }.reduce(0, +)
        let chime = try VoiceFixture.describe(cache.appendingPathComponent("chime-builtin-1.wav")).seconds
        #expect(abs(wav.seconds - (chime + 0.35 + clipSeconds)) < 0.02, "\(wav.seconds) s against \(chime + 0.35 + clipSeconds) s")
        // No espeak-ng speech was made for it.
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(names.filter { $0.hasPrefix("clip-") }.count == 6)

        let uncovered = try await audio.file(ticket: "A025", counter: 15)
        let espeak = try AnnouncementAudio(books: try VoiceFixture.books(), languages: ["vi"], cacheFolder: try VoiceFixture.scratch("plain").path)
        let plain = try await espeak.file(ticket: "A025", counter: 15)
        let (a, b) = (try VoiceFixture.describe(uncovered), try VoiceFixture.describe(plain))
        #expect(try VoiceFixture.samples(uncovered) == VoiceFixture.samples(plain), "\(a) \(b)")
    }
}
