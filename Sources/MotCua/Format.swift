import QueueCore

/// Small formatting helpers for the command line's human output.
enum Format {
    /// "12 phút" for a number of seconds, rounded up.
    static func minutes(_ seconds: Int) -> String {
        "\((seconds + 59) / 60) phút"
    }

    /// "A001 (Hộ tịch)" from a ticket object, or "—".
    static func ticket(_ object: Any?) -> String {
        guard let t = object as? [String: Any], let number = t["number"] as? String else { return "—" }
        let state = t["state"] as? String ?? ""
        return "\(number) (\(TicketState(rawValue: state)?.vietnamese ?? state))"
    }

    /// A counter state in Vietnamese.
    static func counterState(_ raw: Any?) -> String {
        let text = raw as? String ?? "?"
        return CounterState(rawValue: text)?.vietnamese ?? text
    }

    /// A day phase in Vietnamese.
    static func phase(_ raw: Any?) -> String {
        let text = raw as? String ?? "?"
        return DayPhase(rawValue: text)?.vietnamese ?? text
    }
}
