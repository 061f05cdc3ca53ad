/// A device model as data, one JSON file each in a folder of `Devices/` (``DeviceProfileLoader``).
public protocol DeviceProfile: Decodable, Sendable {
    /// What kind of device the folder holds, for messages: `printer`, `board`.
    static var kind: String { get }
    /// Stable id, lowercase letters, digits and `-`.
    var id: String { get }
    /// The first value no real device of the kind could have, as (field, why); nil when sound.
    func impossibleValue() -> (field: String, why: String)?
}

extension DeviceProfile {
    /// What every profile file must get right: an id of lowercase letters, digits and `-`, and a vendor,
    /// model and source that are not empty. The first fault as (field, why); nil when sound.
    func labelFault(vendor: String, model: String, source: String) -> (field: String, why: String)? {
        let idCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        if id.isEmpty || !id.allSatisfy(idCharacters.contains) {
            return ("id", "\"\(id)\" must be lowercase letters, digits and '-'")
        }
        for (field, value) in [("vendor", vendor), ("model", model), ("source", source)] where value.trimmingSpaces().isEmpty {
            return (field, "must not be empty")
        }
        return nil
    }
}
