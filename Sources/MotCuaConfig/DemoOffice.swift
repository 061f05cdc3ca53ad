import QueueCore

/// A ward-level one-stop shop (bộ phận một cửa cấp phường) for `--demo`: six services, six counters,
/// each service served by at least two counters.
public enum DemoOffice {
    /// Morning and afternoon ticket-issuing windows, inside the default working day (07:00–17:30).
    private static let windows = [
        TimeWindow(start: TimeOfDay(hour: 7, minute: 30)!, end: TimeOfDay(hour: 11, minute: 30)!)!,
        TimeWindow(start: TimeOfDay(hour: 13, minute: 30)!, end: TimeOfDay(hour: 17, minute: 0)!)!,
    ]

    /// The services, numbered `A001`, `B001`, … with three digits.
    public static let services: [Service] = [
        Service(id: 1, code: "HT", name: "Hộ tịch", nameEn: "Civil status", prefix: "A", issuingWindows: windows),
        Service(id: 2, code: "CT", name: "Chứng thực", nameEn: "Certification of copies and signatures", prefix: "B",
                issuingWindows: windows),
        Service(id: 3, code: "DD", name: "Đất đai", nameEn: "Land", prefix: "C", issuingWindows: windows, dailyQuota: 40),
        Service(id: 4, code: "XD", name: "Xây dựng", nameEn: "Construction", prefix: "D", issuingWindows: windows,
                dailyQuota: 30),
        Service(id: 5, code: "KD", name: "Kinh doanh – Hộ kinh doanh", nameEn: "Business – household businesses",
                prefix: "E", issuingWindows: windows, dailyQuota: 50),
        Service(id: 6, code: "LDTBXH", name: "Lao động – Thương binh và Xã hội",
                nameEn: "Labour, invalids and social affairs", prefix: "F", issuingWindows: windows),
    ]

    /// Counters 1 to 6, their services (by id) most preferred first.
    public static let counters: [Counter] = [
        Counter(number: 1, services: [1, 2]),
        Counter(number: 2, services: [2, 1]),
        Counter(number: 3, services: [3, 4]),
        Counter(number: 4, services: [4, 3]),
        Counter(number: 5, services: [5, 6]),
        Counter(number: 6, services: [6, 5, 1]),
    ]
}
