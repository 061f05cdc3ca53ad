import Foundation

/// Loads every `*.json` printer profile in a folder; the only part of this module that touches files.
///
/// The whole folder is refused at the first broken file, with the file and the reason, so that a
/// typo in one file is seen at start-up rather than as a wrong ticket later.
public struct PrinterProfileLoader: Sendable {
    /// The folder holding the profile files (e.g. `Devices/printers`).
    public let folder: String

    /// Creates a loader for `folder`.
    public init(folder: String) {
        self.folder = folder
    }

    /// Loads and checks every profile, in file-name order.
    /// - Throws: ``PrinterProfileError`` for the first file that is unreadable, not JSON, missing a
    ///   key, wrongly typed, impossible, or repeating an id.
    public func load() throws(PrinterProfileError) -> PrinterProfileCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw PrinterProfileError(file: folder, reason: .unreadable("\(error)"))
        }
        var profiles: [PrinterProfile] = []
        var fileForID: [String: String] = [:]
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PrinterProfileError(file: path, reason: .unreadable("no data"))
            }
            let profile = try Self.decode(data, file: path)
            if let first = fileForID[profile.id] {
                throw PrinterProfileError(file: path, reason: .duplicateID(profile.id, firstFile: first))
            }
            fileForID[profile.id] = path
            profiles.append(profile)
        }
        return PrinterProfileCatalog(profiles: profiles)
    }

    /// Decodes and checks one profile; `file` names it in errors.
    public static func decode(_ data: Data, file: String) throws(PrinterProfileError) -> PrinterProfile {
        let profile: PrinterProfile
        do {
            profile = try JSONDecoder().decode(PrinterProfile.self, from: data)
        } catch let error as DecodingError {
            throw PrinterProfileError(file: file, reason: reason(for: error))
        } catch {
            throw PrinterProfileError(file: file, reason: .badJSON("\(error)"))
        }
        if let (key, why) = profile.impossibleValue() {
            throw PrinterProfileError(file: file, reason: .impossibleValue(key: key, why: why))
        }
        return profile
    }

    private static func reason(for error: DecodingError) -> PrinterProfileError.Reason {
        switch error {
        case .keyNotFound(let key, let context):
            return .missingKey(path(context.codingPath + [key]))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return .wrongType(key: path(context.codingPath), expected: typeName(type))
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return .badJSON(underlying ?? context.debugDescription)
            }
            return .impossibleValue(key: path(context.codingPath), why: context.debugDescription)
        @unknown default:
            return .badJSON("\(error)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        if keys.isEmpty { return "(the whole file)" }
        var out = ""
        for key in keys {
            if let index = key.intValue { out += "[\(index)]" } else { out += out.isEmpty ? key.stringValue : "." + key.stringValue }
        }
        return out
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        default: "\(type)".hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
