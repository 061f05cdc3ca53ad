import Foundation
import QueueCore

extension ConfigReader {
    /// The priority groups; `PriorityGroup.usual` when the list is absent, none when it is empty.
    func priorityGroups(_ items: [ConfigSection]?) throws(ConfigError) -> [PriorityGroup] {
        guard let items else { return PriorityGroup.usual }
        var groups: [PriorityGroup] = []
        var seen: [String: String] = [:]
        for item in items {
            let codeValue = try item.value("code")
            let code = try codeValue.required(codeValue.string(
                "1 to 32 small letters a–z, digits, '_' or '-', starting with a letter",
                where: { Self.isCode($0, lowercaseOnly: true, maxLength: 32) }
            ))
            if let other = seen[code] { throw codeValue.fail("\(code.debugDescription) is already the code of \(other)") }
            seen[code] = item.path.concrete
            let nameValue = try item.value("name")
            let name = try nameValue.required(nameValue.string())
            groups.append(PriorityGroup(code: code, name: name, nameEn: try item.value("name_en").string()))
        }
        return groups
    }

    /// The services, checked one by one and against each other.
    func services(_ items: [ConfigSection], workingHours: TimeWindow) throws(ConfigError) -> [Service] {
        var services: [Service] = []
        var ids: [Int: String] = [:], codes: [String: String] = [:], prefixes: [String: String] = [:]
        var blocks: [(path: String, numbers: ClosedRange<Int>)] = []
        for item in items {
            let here = item.path.concrete
            let idValue = try item.value("id")
            let id = try idValue.required(idValue.int(1...999_999))
            if let other = ids[id] { throw idValue.fail("\(id) is already the id of \(other)") }
            ids[id] = here

            let codeValue = try item.value("code")
            let code = try codeValue.required(codeValue.string(
                "1 to 16 letters A–Z, digits, '_' or '-', starting with a letter",
                where: { Self.isCode($0, lowercaseOnly: false, maxLength: 16) }
            ))
            if let other = codes[code.uppercased()] {
                throw codeValue.fail("\(code.debugDescription) is already the code of \(other) (codes ignore case)")
            }
            codes[code.uppercased()] = here

            let nameValue = try item.value("name")
            let name = try nameValue.required(nameValue.string())
            let nameEn = try item.value("name_en").string()

            let format = try item.value("format").choice(["prefixed", "block"]) ?? "prefixed"
            let digitsValue = try item.value("digits")
            let blockValue = try item.value("block_start")
            let prefixValue = try item.value("prefix")
            var prefix = try prefixValue.string("1 to 3 capital letters A–Z") {
                (1...3).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isUppercase }
            }
            let numberFormat: TicketNumberFormat
            if format == "block" {
                if digitsValue.text != nil { throw digitsValue.fail("applies only to format: prefixed") }
                let start = try blockValue.int(1...999_999)
                guard let start else { throw blockValue.fail("is required when format is block") }
                numberFormat = .block(start: start)
            } else {
                if blockValue.text != nil { throw blockValue.fail("applies only to format: block") }
                numberFormat = .prefixed(digits: try digitsValue.int(1...6) ?? 3)
                prefix = try prefixValue.required(prefix)
            }
            if let prefix {
                if let other = prefixes[prefix] { throw prefixValue.fail("\(prefix.debugDescription) is already the prefix of \(other)") }
                prefixes[prefix] = here
            }

            let windows = try issuingWindows(item, workingHours: workingHours)

            let quotaValue = try item.value("daily_quota")
            let quota = try quotaValue.int(0...999_999)
            if let quota, quota > numberFormat.capacity {
                throw quotaValue.fail("\(quota) is more tickets than the number format can count in a day (\(numberFormat.capacity))")
            }
            let enabled = try item.value("enabled").bool() ?? true

            let service = Service(
                id: id, code: code, name: name, nameEn: nameEn, prefix: prefix ?? "", numberFormat: numberFormat,
                issuingWindows: windows, dailyQuota: quota, enabled: enabled
            )
            if case .block(let start) = numberFormat, service.effectiveQuota > 0 {
                let numbers = start...(start + service.effectiveQuota - 1)
                if let clash = blocks.first(where: { $0.numbers.overlaps(numbers) }) {
                    throw blockValue.fail(
                        "numbers \(numbers.lowerBound)–\(numbers.upperBound) would overlap those of \(clash.path) "
                            + "(\(clash.numbers.lowerBound)–\(clash.numbers.upperBound)); move the block or set daily_quota to keep them apart"
                    )
                }
                blocks.append((here, numbers))
            }
            services.append(service)
        }
        return services
    }

    /// A service's ticket-issuing windows: well formed, inside the working day, not overlapping.
    func issuingWindows(_ item: ConfigSection, workingHours: TimeWindow) throws(ConfigError) -> [TimeWindow] {
        var windows: [TimeWindow] = []
        var paths: [String] = []
        for value in try item.values("windows") ?? [] {
            let text = try value.string()?.replacingOccurrences(of: "–", with: "-")
            guard let text, let window = TimeWindow(text) else {
                throw value.fail(must: "a time window HH:MM-HH:MM, its start before its end")
            }
            guard workingHours.start <= window.start, window.end <= workingHours.end else {
                throw value.fail("must lie within the working day \(workingHours) (day.opens to day.closes), got \(window)")
            }
            if let index = windows.firstIndex(where: { $0.start < window.end && window.start < $0.end }) {
                throw value.fail("\(window) overlaps \(paths[index]) (\(windows[index]))")
            }
            windows.append(window)
            paths.append(value.key)
        }
        return windows
    }

    /// The counters, with service codes resolved to ids.
    func counters(_ items: [ConfigSection], services: [Service]) throws(ConfigError) -> [Counter] {
        var counters: [Counter] = []
        var numbers: [Int: String] = [:]
        let byCode = Dictionary(services.map { ($0.code.uppercased(), $0.id) }, uniquingKeysWith: { first, _ in first })
        for item in items {
            let numberValue = try item.value("number")
            let number = try numberValue.required(numberValue.int(1...999))
            if let other = numbers[number] { throw numberValue.fail("\(number) is already the number of \(other)") }
            numbers[number] = item.path.concrete
            let name = try item.value("name").string()

            let listPath = item.path.child("services").concrete
            let codes = try item.values("services") ?? []
            if codes.isEmpty {
                throw ConfigError(key: listPath, reason: "must list at least one service code", source: source)
            }
            var ids: [Int] = []
            for value in codes {
                let code = try value.required(value.string())
                guard let id = byCode[code.uppercased()] else {
                    let known = services.map(\.code).joined(separator: ", ")
                    throw value.fail("no service has the code \(code.debugDescription); the codes are: \(known.isEmpty ? "none" : known)")
                }
                if ids.contains(id) { throw value.fail("\(code.debugDescription) is listed twice") }
                ids.append(id)
            }
            counters.append(Counter(number: number, name: name, services: ids))
        }
        return counters
    }

    /// A code: ASCII letters, digits, `_`, `-`, starting with a letter.
    static func isCode(_ text: String, lowercaseOnly: Bool, maxLength: Int) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter, text.count <= maxLength else { return false }
        return text.allSatisfy {
            $0.isASCII && ($0.isNumber || $0 == "_" || $0 == "-" || ($0.isLetter && (!lowercaseOnly || $0.isLowercase)))
        }
    }
}
