extension BoardProfile: DeviceProfile {
    /// Profiles in `Devices/boards`.
    public static var kind: String { "board" }

    private enum CodingKeys: String, CodingKey {
        case id, vendor, model, source, serial, characters, letters, frame, usb, notes
    }

    /// Decodes a profile; `serial` defaults to 9600 8N1, `letters` to false, `usb` to empty. A frame token
    /// that is none of the known forms is refused naming it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let written = try c.decode([String].self, forKey: .frame)
        var frame: [BoardFrameToken] = []
        for (index, text) in written.enumerated() {
            guard let token = BoardFrameToken(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .frame, in: c,
                    debugDescription: "frame[\(index)] \"\(text)\" is not a byte (0x02), address, address-ascii, text, xor or sum8"
                )
            }
            frame.append(token)
        }
        self.init(
            id: try c.decode(String.self, forKey: .id),
            vendor: try c.decode(String.self, forKey: .vendor),
            model: try c.decode(String.self, forKey: .model),
            source: try c.decode(String.self, forKey: .source),
            serial: try c.decodeIfPresent(BoardSerialSettings.self, forKey: .serial) ?? BoardSerialSettings(),
            characters: try c.decode(Int.self, forKey: .characters),
            letters: try c.decodeIfPresent(Bool.self, forKey: .letters) ?? false,
            frame: frame,
            usb: try c.decodeIfPresent([USBDeviceID].self, forKey: .usb) ?? [],
            notes: try c.decodeIfPresent(String.self, forKey: .notes)
        )
    }

    /// The first value no real board could have, as (field, why); nil when the profile is sound.
    public func impossibleValue() -> (field: String, why: String)? {
        if let fault = labelFault(vendor: vendor, model: model, source: source) { return fault }
        guard BoardSerialSettings.supportedBauds.contains(serial.baud) else {
            return ("serial.baud", "\(serial.baud) is not one of \(BoardSerialSettings.supportedBauds.map(String.init).joined(separator: ", "))")
        }
        guard [7, 8].contains(serial.dataBits) else { return ("serial.dataBits", "\(serial.dataBits) must be 7 or 8") }
        guard [1, 2].contains(serial.stopBits) else { return ("serial.stopBits", "\(serial.stopBits) must be 1 or 2") }
        guard (1...16).contains(characters) else { return ("characters", "\(characters) is outside 1…16") }
        guard frame.filter({ $0 == .text }).count == 1 else { return ("frame", "must hold \"text\" exactly once") }
        let checksums = frame.filter { $0 == .xorChecksum || $0 == .sum8Checksum }
        guard checksums.count <= 1 else { return ("frame", "may hold one checksum at most") }
        if let first = frame.first, first == .xorChecksum || first == .sum8Checksum {
            return ("frame", "a checksum cannot come first: it covers the bytes before it")
        }
        return nil
    }
}
