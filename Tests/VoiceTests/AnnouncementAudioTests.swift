import Announcements
import Foundation
import Testing
import Voice

/// The announcements' sound, made by the real espeak-ng and sox and read back with sox.
@Suite("Announcement audio (espeak-ng, sox)")
struct AnnouncementAudioTests {
    @Test func aCallIsTheChimeThenTheVietnamesePhraseInOneSaneWAVFile() async throws {
        let cache = try VoiceFixture.scratch("call")
        let audio = try AnnouncementAudio(books: try VoiceFixture.books(), languages: ["vi"], cacheFolder: cache.path)
        let file = try await audio.file(ticket: "A025", counter: 15)
        let wav = try VoiceFixture.describe(file)
        #expect(wav.rate == 22050 && wav.channels == 1 && wav.bits == 16)
        // The chime (about 1.5 s) and "Mời công dân có số thứ tự A không hai năm đến quầy số mười lăm." (3–5 s).
        #expect(wav.seconds > 4 && wav.seconds < 10, "the announcement lasts \(wav.seconds) s")
        // It begins with the chime itself, sample for sample, and the chime is heard.
        let chime = try VoiceFixture.samples(cache.appendingPathComponent("chime-builtin-1.wav"))
        #expect(chime.count > 22050 * 2)
        #expect(try VoiceFixture.samples(file).prefix(chime.count) == chime)
        #expect(try VoiceFixture.loudness(file, from: 0, length: 0.5) > 0.05)
        // After the chime and the pause, someone speaks.
        let speechStart = Double(chime.count) / 2 / 22050 + 0.35
        #expect(try VoiceFixture.loudness(file, from: speechStart, length: 1.5) > 0.02)
    }

    @Test func bothLanguagesMakeALongerFileAndEachPhraseIsMadeOnce() async throws {
        let cache = try VoiceFixture.scratch("both")
        let audio = try AnnouncementAudio(books: try VoiceFixture.books(), languages: ["vi", "en"], cacheFolder: cache.path)
        let both = try await audio.file(ticket: "B123", counter: 105)
        let vietnamese = try await audio.file(ticket: "B123", counter: 105, languages: ["vi"])
        let english = try await audio.file(ticket: "B123", counter: 105, languages: ["en"])
        let lengths = try [both, vietnamese, english].map { try VoiceFixture.describe($0).seconds }
        #expect(lengths[0] > lengths[1] + 1.5 && lengths[0] > lengths[2] + 1.5, "\(lengths)")
        // Asked again, the same file comes from the cache, untouched.
        let written = try FileManager.default.attributesOfItem(atPath: both.path)[.modificationDate] as? Date
        let speeches = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("speech-") }
        #expect(speeches.count == 2)
        try await Task.sleep(for: .milliseconds(20))
        #expect(try await audio.file(ticket: "B123", counter: 105) == both)
        #expect(try FileManager.default.attributesOfItem(atPath: both.path)[.modificationDate] as? Date == written)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("speech-") }.count == 2)
    }

    @Test func theOfficesOwnChimeIsConvertedAndPlayedFirst() async throws {
        let folder = try VoiceFixture.scratch("chime")
        let own = folder.appendingPathComponent("chime.wav")
        // A three-note chime at CD quality in stereo, as an office might record it.
        try VoiceFixture.run("/usr/bin/sox", ["-n", "-r", "44100", "-c", "2", own.path, "synth", "1.2", "sine", "523", "vol", "0.5"])
        let audio = try AnnouncementAudio(
            books: try VoiceFixture.books(), languages: ["vi"], cacheFolder: folder.appendingPathComponent("cache").path, chime: own.path
        )
        let file = try await audio.file(ticket: "A001", counter: 1)
        let wav = try VoiceFixture.describe(file)
        #expect(wav.rate == 22050 && wav.channels == 1)
        let converted = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("cache").path)
            .first { $0.hasPrefix("chime-") && $0 != "chime-builtin-1.wav" }
        let chime = try VoiceFixture.samples(folder.appendingPathComponent("cache").appendingPathComponent(try #require(converted)))
        #expect(abs(Double(chime.count) / 2 / 22050 - 1.2) < 0.01)
        #expect(try VoiceFixture.samples(file).prefix(chime.count) == chime)
    }

    @Test func aVoiceEspeakDoesNotHaveIsAnErrorNamingEspeak() async throws {
        var books = try VoiceFixture.books()
        books[0].voice = "xx-no-such-voice"
        let audio = try AnnouncementAudio(books: books, languages: ["vi"], cacheFolder: try VoiceFixture.scratch("bad").path)
        let error = try await #require(throws: VoiceError.self) { try await audio.file(ticket: "A001", counter: 1) }
        #expect(error.what == "espeak-ng")
        #expect(!error.reason.isEmpty)
    }

    @Test func aTicketThatCannotBeReadMakesNoFile() async throws {
        let cache = try VoiceFixture.scratch("refused")
        let audio = try AnnouncementAudio(books: try VoiceFixture.books(), languages: ["vi"], cacheFolder: cache.path)
        await #expect(throws: PhraseBookError.self) { try await audio.file(ticket: "A/1", counter: 1) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("call-") }.isEmpty)
    }

    @Test func aLanguageWithoutPhrasesIsRefusedAtOnce() throws {
        #expect(throws: VoiceError.self) {
            try AnnouncementAudio(books: try VoiceFixture.books(), languages: ["vi", "fr"], cacheFolder: try VoiceFixture.scratch("fr").path)
        }
    }
}
