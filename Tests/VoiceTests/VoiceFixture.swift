import Announcements
import Foundation
import Voice

/// The phrase files of the checkout, a scratch folder, and the tools the tests read WAV files with
/// (sox's `soxi`, the real one; nothing here is a stand-in).
enum VoiceFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func books() throws -> [PhraseBook] {
        try ["vi", "en"].map { language in
            let path = repository.appendingPathComponent("Templates/announcements/\(language).yaml").path
            return try PhraseBook(yaml: String(contentsOfFile: path, encoding: .utf8), source: path)
        }
    }

    /// Where the scratch folders go; those an earlier run left more than an hour ago are removed first.
    static let scratchRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-voice-tests")
        let old = Date().addingTimeInterval(-3600)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] {
            let path = root.appendingPathComponent(name).path
            if let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date, date < old {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        return root
    }()

    static func scratch(_ name: String) throws -> URL {
        let folder = scratchRoot.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs a program and returns its standard output; throws when it fails.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        // The output goes to a file closed here once, not a Pipe (see Sources/Voice/ExternalCommand.swift).
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-voice-run-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        process.standardOutput = out
        process.standardError = out
        try process.run()
        process.waitUntilExit()
        try out.close()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw VoiceError(what: program, reason: "exit \(process.terminationStatus): \(text)")
        }
        return text
    }

    /// A WAV file as sox reads it: rate, channels, bits, length in seconds.
    static func describe(_ file: URL) throws -> (rate: Int, channels: Int, bits: Int, seconds: Double) {
        func ask(_ flag: String) throws -> String {
            try run("/usr/bin/soxi", [flag, file.path]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return (Int(try ask("-r")) ?? 0, Int(try ask("-c")) ?? 0, Int(try ask("-b")) ?? 0, Double(try ask("-D")) ?? 0)
    }

    /// The PCM samples of a WAV file (the bytes after its `data` chunk header).
    static func samples(_ file: URL) throws -> Data {
        let bytes = try Data(contentsOf: file)
        var offset = 12
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = bytes[offset + 4..<offset + 8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
            if id == "data" { return bytes[(offset + 8)..<min(bytes.count, offset + 8 + size)] }
            offset += 8 + size + (size & 1)
        }
        return Data()
    }

    /// The loudness of a stretch of a WAV file (sox `stat`'s RMS amplitude, 0…1).
    static func loudness(_ file: URL, from start: Double, length: Double) throws -> Double {
        let text = try run("/usr/bin/sox", [file.path, "-n", "trim", String(start), String(length), "stat"])
        let line = text.split(separator: "\n").first { $0.hasPrefix("RMS     amplitude") } ?? ""
        return Double(line.split(separator: " ").last ?? "") ?? -1
    }
}
