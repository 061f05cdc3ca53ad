import Foundation
import Testing
@testable import DeviceProfiles

/// Each kind of broken file is refused with the file's path and the reason.
@Suite struct BrokenProfileTests {
    static let valid = """
        {
          "id": "test-printer", "vendor": "Test", "model": "T-80", "source": "written for this test",
          "paperWidthMM": 80, "printableDots": 576, "dpi": 203, "fontAColumns": 48,
          "codePages": [{ "name": "PC437", "number": 0 }, { "name": "WPC1258", "number": 52 }],
          "qrCode": true, "code128": true, "cutter": "partial",
          "usb": [{ "vendor": "04b8", "product": "0e15" }],
          "ieee1284": [{ "manufacturer": "TEST", "model": "T-80" }]
        }
        """

    /// Writes `files` into a fresh temporary folder, loads it, removes it.
    private func load(_ files: [String: String]) throws(PrinterProfileError) -> PrinterProfileCatalog {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("profiles-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            try? Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return try PrinterProfileLoader(folder: folder.path).load()
    }

    private func refusal(_ text: String, file: String = "broken.json") -> PrinterProfileError? {
        do {
            _ = try load([file: text])
            return nil
        } catch {
            return error
        }
    }

    private func replacing(_ old: String, _ new: String) -> String {
        precondition(Self.valid.contains(old))
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test func validFileLoadsWithDefaults() throws {
        let catalog = try load(["t.json": Self.valid, "README.md": "not a profile"])
        let profile = try #require(catalog.profile(id: "test-printer"))
        #expect(!profile.vietnameseThroughCodePage)
        #expect(profile.usb == [USBDeviceID(vendor: 0x04B8, product: 0x0E15)])
        #expect(profile.notes == nil)
    }

    @Test func badJSON() throws {
        let error = try #require(refusal("{ \"id\": \"x\", ", file: "cut-short.json"))
        #expect(error.file.hasSuffix("/cut-short.json"))
        guard case .badJSON = error.reason else { Issue.record("\(error)"); return }
        #expect(error.description.contains("cut-short.json is not valid JSON"))
    }

    @Test func notAnObject() throws {
        let error = try #require(refusal("[1, 2]"))
        #expect(error.reason == .wrongType(key: "(the whole file)", expected: "an object"))
    }

    @Test func missingKey() throws {
        let error = try #require(refusal(replacing("\"dpi\": 203, ", "")))
        #expect(error.reason == .missingKey("dpi"))
        #expect(error.description.hasSuffix("broken.json has no \"dpi\""))
    }

    @Test func missingNestedKey() throws {
        let error = try #require(refusal(replacing("{ \"name\": \"WPC1258\", \"number\": 52 }", "{ \"name\": \"WPC1258\" }")))
        #expect(error.reason == .missingKey("codePages[1].number"))
    }

    @Test func wrongType() throws {
        let error = try #require(refusal(replacing("\"dpi\": 203", "\"dpi\": \"203\"")))
        #expect(error.reason == .wrongType(key: "dpi", expected: "a whole number"))
        let null = try #require(refusal(replacing("\"qrCode\": true", "\"qrCode\": null")))
        #expect(null.reason == .wrongType(key: "qrCode", expected: "true or false"))
    }

    @Test(arguments: [
        ("\"printableDots\": 576", "\"printableDots\": 0", "printableDots"),
        ("\"printableDots\": 576", "\"printableDots\": 1024", "printableDots"),
        ("\"printableDots\": 576", "\"printableDots\": 570", "printableDots"),
        ("\"dpi\": 203", "\"dpi\": 0", "dpi"),
        ("\"paperWidthMM\": 80", "\"paperWidthMM\": 8", "paperWidthMM"),
        ("\"fontAColumns\": 48", "\"fontAColumns\": 0", "fontAColumns"),
        ("\"id\": \"test-printer\"", "\"id\": \"Test Printer\"", "id"),
        ("\"number\": 52", "\"number\": 256", "codePages"),
        ("\"number\": 52", "\"number\": 0", "codePages"),
        ("\"cutter\": \"partial\"", "\"cutter\": \"half\"", "cutter"),
        ("\"vendor\": \"04b8\"", "\"vendor\": \"4b8\"", "usb[0].vendor"),
        ("\"vendor\": \"04b8\"", "\"vendor\": \"0000\"", "usb"),
        ("\"name\": \"WPC1258\"", "\"name\": \"PC850\"", "vietnameseThroughCodePage"),
    ])
    func impossibleValues(_ old: String, _ new: String, _ key: String) throws {
        var text = replacing(old, new)
        if key == "vietnameseThroughCodePage" {
            text = text.replacingOccurrences(of: "\"qrCode\"", with: "\"vietnameseThroughCodePage\": true, \"qrCode\"")
        }
        let error = try #require(refusal(text))
        guard case .impossibleValue(let found, let why) = error.reason else { Issue.record("\(error)"); return }
        #expect(found == key)
        #expect(!why.isEmpty)
        #expect(error.description.contains("broken.json \"\(key)\" is impossible"))
    }

    @Test func duplicateID() throws {
        do {
            _ = try load(["a.json": Self.valid, "b.json": Self.valid])
            Issue.record("duplicate id accepted")
        } catch {
            #expect(error.file.hasSuffix("/b.json"))
            guard case .duplicateID(let id, let first) = error.reason else { Issue.record("\(error)"); return }
            #expect(id == "test-printer")
            #expect(first.hasSuffix("/a.json"))
        }
    }

    @Test func missingFolder() {
        #expect {
            _ = try PrinterProfileLoader(folder: "/nonexistent/printers").load()
        } throws: { error in
            guard let error = error as? PrinterProfileError, case .unreadable = error.reason else { return false }
            return error.file == "/nonexistent/printers"
        }
    }
}
