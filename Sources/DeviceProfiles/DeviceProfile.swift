/// A device model as data, one JSON file each in a folder of `Devices/` (``DeviceProfileLoader``).
public protocol DeviceProfile: Decodable, Sendable {
    /// What kind of device the folder holds, for messages: `printer`, `board`.
    static var kind: String { get }
    /// Stable id, lowercase letters, digits and `-`.
    var id: String { get }
    /// The first value no real device of the kind could have, as (field, why); nil when sound.
    func impossibleValue() -> (field: String, why: String)?
}
