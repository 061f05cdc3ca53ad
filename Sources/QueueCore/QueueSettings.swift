import Foundation

/// The rules of the office's queue that configuration sets.
public struct QueueSettings: Sendable, Hashable {
    /// Site id carried by every event.
    public var site: String
    /// The working day: when it opens (numbers may be taken) and when it closes (waiting tickets expire).
    public var workingHours: TimeWindow
    /// The office's time zone.
    public var timeZone: TimeZone
    /// How "call next" chooses.
    public var policy: CallingPolicy
    /// How many calls a ticket must have had before the clerk may mark it a no-show.
    public var noShowAfterCalls: Int
    /// The priority groups the kiosk offers.
    public var priorityGroups: [PriorityGroup]
    /// Assumed service time when a service has none measured today.
    public var defaultServiceTime: TimeInterval
    /// How many recent service times the estimate averages.
    public var estimateSample: Int

    public init(
        site: String = "motcua",
        workingHours: TimeWindow = TimeWindow(start: TimeOfDay(hour: 7, minute: 0)!, end: TimeOfDay(hour: 17, minute: 30)!)!,
        timeZone: TimeZone = OfficeCalendar.vietnam,
        policy: CallingPolicy = CallingPolicy(),
        noShowAfterCalls: Int = 2,
        priorityGroups: [PriorityGroup] = PriorityGroup.usual,
        defaultServiceTime: TimeInterval = 300,
        estimateSample: Int = 20
    ) {
        self.site = site
        self.workingHours = workingHours
        self.timeZone = timeZone
        self.policy = policy
        self.noShowAfterCalls = noShowAfterCalls
        self.priorityGroups = priorityGroups
        self.defaultServiceTime = defaultServiceTime
        self.estimateSample = estimateSample
    }
}

extension PriorityGroup {
    /// The groups most offices serve first.
    public static let usual: [PriorityGroup] = [
        PriorityGroup(code: "elderly", name: "Người cao tuổi", nameEn: "Elderly"),
        PriorityGroup(code: "disabled", name: "Người khuyết tật", nameEn: "Person with a disability"),
        PriorityGroup(code: "pregnant", name: "Phụ nữ mang thai", nameEn: "Pregnant woman"),
        PriorityGroup(code: "meritorious", name: "Người có công với cách mạng", nameEn: "Veteran or person with meritorious service"),
        PriorityGroup(code: "child", name: "Người đi cùng trẻ nhỏ", nameEn: "Parent with a small child"),
    ]
}
