extension InputProfile: DeviceProfile {
    /// Profiles in `Devices/inputs`.
    public static var kind: String { "input" }

    private enum CodingKeys: String, CodingKey {
        case id, vendor, model, source, role, usb, serial, keys, notes
    }

    /// Decodes a profile; a key name that is not a Linux key, or an action that is none of
    /// ``CounterKeyAction``, is refused naming it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let written = try c.decodeIfPresent([String: CounterKeyAction].self, forKey: .keys) ?? [:]
        var keys: [UInt16: CounterKeyAction] = [:]
        for (name, action) in written.sorted(by: { $0.key < $1.key }) {
            guard let code = LinuxKeyCode.byName[name] else {
                throw DecodingError.dataCorruptedError(
                    forKey: .keys, in: c,
                    debugDescription: "\"\(name)\" is not a key name this version knows (KEY_KP0…KEY_KP9, KEY_KPENTER, KEY_KPPLUS, KEY_F1…, KEY_A…)"
                )
            }
            keys[code] = action
        }
        self.init(
            id: try c.decode(String.self, forKey: .id),
            vendor: try c.decode(String.self, forKey: .vendor),
            model: try c.decode(String.self, forKey: .model),
            source: try c.decode(String.self, forKey: .source),
            role: try c.decode(Role.self, forKey: .role),
            usb: try c.decodeIfPresent([USBDeviceID].self, forKey: .usb) ?? [],
            serial: try c.decodeIfPresent(BoardSerialSettings.self, forKey: .serial),
            keys: keys,
            notes: try c.decodeIfPresent(String.self, forKey: .notes)
        )
    }

    /// The first value no real scanner or keypad could have, as (field, why); nil when the profile is sound.
    public func impossibleValue() -> (field: String, why: String)? {
        if let fault = labelFault(vendor: vendor, model: model, source: source) { return fault }
        if let serial {
            guard role == .scanner else { return ("serial", "only a scanner can be in serial mode; a keypad is read as keys") }
            guard BoardSerialSettings.supportedBauds.contains(serial.baud) else {
                return ("serial.baud", "\(serial.baud) is not one of \(BoardSerialSettings.supportedBauds.map(String.init).joined(separator: ", "))")
            }
        }
        switch role {
        case .keypad where keys.isEmpty:
            return ("keys", "a keypad needs at least one key, e.g. {\"KEY_KPENTER\": \"next\"}")
        case .scanner where !keys.isEmpty:
            return ("keys", "a scanner types what it scans: its keys cannot be mapped to counter actions")
        default:
            return nil
        }
    }
}
