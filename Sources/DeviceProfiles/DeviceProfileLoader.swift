import Foundation

/// Loads every `*.json` profile of one kind in a folder; the only part of this module that touches files.
///
/// The whole folder is refused at the first broken file, with the file and the reason, so that a
/// typo in one file is seen at start-up rather than as a wrong ticket later.
public struct DeviceProfileLoader<Profile: DeviceProfile>: Sendable {
    /// The folder holding the profile files (e.g. `Devices/printers`, `Devices/boards`).
    public let folder: String

    /// Creates a loader for `folder`.
    public init(folder: String) {
        self.folder = folder
    }

    /// Loads and checks every profile, in file-name order.
    /// - Throws: ``DeviceProfileError`` for the first file that is unreadable, not JSON, missing a
    ///   key, wrongly typed, impossible, or repeating an id.
    public func load() throws(DeviceProfileError) -> [Profile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw DeviceProfileError(file: folder, reason: .unreadable("\(error)"), kind: Profile.kind)
        }
        var profiles: [Profile] = []
        var fileForID: [String: String] = [:]
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DeviceProfileError(file: path, reason: .unreadable("no data"), kind: Profile.kind)
            }
            let profile = try Self.decode(data, file: path)
            if let first = fileForID[profile.id] {
                throw DeviceProfileError(file: path, reason: .duplicateID(profile.id, firstFile: first), kind: Profile.kind)
            }
            fileForID[profile.id] = path
            profiles.append(profile)
        }
        return profiles
    }

    /// Decodes and checks one profile; `file` names it in errors.
    public static func decode(_ data: Data, file: String) throws(DeviceProfileError) -> Profile {
        let profile: Profile
        do {
            profile = try JSONDecoder().decode(Profile.self, from: data)
        } catch let error as DecodingError {
            throw DeviceProfileError(file: file, reason: reason(for: error), kind: Profile.kind)
        } catch {
            throw DeviceProfileError(file: file, reason: .badJSON("\(error)"), kind: Profile.kind)
        }
        if let (key, why) = profile.impossibleValue() {
            throw DeviceProfileError(file: file, reason: .impossibleValue(key: key, why: why), kind: Profile.kind)
        }
        return profile
    }

    private static func reason(for error: DecodingError) -> DeviceProfileError.Reason {
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
