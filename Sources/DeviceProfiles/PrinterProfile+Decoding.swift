extension PrinterProfile: DeviceProfile {
    /// Profiles in `Devices/printers`.
    public static var kind: String { "printer" }

    private enum CodingKeys: String, CodingKey {
        case id, vendor, model, source, paperWidthMM, printableDots, dpi, fontAColumns, codePages
        case vietnameseThroughCodePage, qrCode, code128, cutter, usb, ieee1284, notes
    }

    /// Decodes a profile; `vietnameseThroughCodePage` defaults to false, `usb`/`ieee1284` to empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            vendor: try c.decode(String.self, forKey: .vendor),
            model: try c.decode(String.self, forKey: .model),
            source: try c.decode(String.self, forKey: .source),
            paperWidthMM: try c.decode(Int.self, forKey: .paperWidthMM),
            printableDots: try c.decode(Int.self, forKey: .printableDots),
            dpi: try c.decode(Int.self, forKey: .dpi),
            fontAColumns: try c.decode(Int.self, forKey: .fontAColumns),
            codePages: try c.decode([PrinterCodePage].self, forKey: .codePages),
            vietnameseThroughCodePage: try c.decodeIfPresent(Bool.self, forKey: .vietnameseThroughCodePage) ?? false,
            qrCode: try c.decode(Bool.self, forKey: .qrCode),
            code128: try c.decode(Bool.self, forKey: .code128),
            cutter: try c.decode(PrinterCutter.self, forKey: .cutter),
            usb: try c.decodeIfPresent([USBDeviceID].self, forKey: .usb) ?? [],
            ieee1284: try c.decodeIfPresent([IEEE1284Match].self, forKey: .ieee1284) ?? [],
            notes: try c.decodeIfPresent(String.self, forKey: .notes)
        )
    }

    /// The first value no real printer could have, as (field, why); nil when the profile is sound.
    public func impossibleValue() -> (field: String, why: String)? {
        if let fault = labelFault(vendor: vendor, model: model, source: source) { return fault }
        guard (40...120).contains(paperWidthMM) else { return ("paperWidthMM", "\(paperWidthMM) mm is not a receipt roll (40…120)") }
        guard (100...600).contains(dpi) else { return ("dpi", "\(dpi) is outside 100…600") }
        guard printableDots > 0 else { return ("printableDots", "\(printableDots) dots: a printer prints at least one dot") }
        let widest = paperWidthMM * dpi * 10 / 254
        guard printableDots <= widest else {
            return ("printableDots", "\(printableDots) dots do not fit on \(paperWidthMM) mm at \(dpi) dpi (at most \(widest))")
        }
        guard printableDots % 8 == 0 else { return ("printableDots", "\(printableDots) is not a whole number of bytes (×8)") }
        guard fontAColumns > 0 && fontAColumns <= printableDots / 8 else {
            return ("fontAColumns", "\(fontAColumns) columns cannot fit in \(printableDots) dots")
        }
        var names = Set<String>(), numbers = Set<Int>()
        for page in codePages {
            guard (0...255).contains(page.number) else { return ("codePages", "\(page.name) has number \(page.number), outside 0…255") }
            guard names.insert(page.name.lowercased()).inserted else { return ("codePages", "\(page.name) is listed twice") }
            guard numbers.insert(page.number).inserted else { return ("codePages", "number \(page.number) is listed twice") }
        }
        if vietnameseThroughCodePage && codePageNumber("WPC1258") == nil && codePageNumber("TCVN-3") == nil {
            return ("vietnameseThroughCodePage", "true, but the profile lists neither WPC1258 nor TCVN-3")
        }
        if usb.contains(where: { $0.vendor == 0 }) { return ("usb", "vendor id 0000 is not assigned to anyone") }
        return nil
    }
}
