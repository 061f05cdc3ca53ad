import Foundation
import GRDB
import QueueCore
import Workflow

/// The demo set (`--demo`): one dossier in every national status, 1 to 10, with Vietnamese procedures,
/// units and applicants, dated in the days before "now", so a new user can look each one up at the kiosk.
public enum DemoDossiers {
    /// One demo dossier: its procedure, applicant, unit, time limit, how long ago it was filed and the
    /// path of status changes that brings it to its status.
    private struct Sample {
        let procedure: String
        let applicant: String
        let unit: String
        let processingDays: Int
        /// Working days before today it was filed (at least 1, so it is never later than now).
        let daysAgo: Int
        /// The time of day it was filed, within office hours.
        let at: String
        /// Whether it was submitted online (status 1 first) rather than at the counter.
        let online: Bool
        /// The statuses it then moves through, each an hour after the one before.
        let path: [DossierStatus]
        /// What to supplement, when the path asks for it (status 5).
        var supplement: [String] = []
        /// The fee due, when the path asks for it (status 6).
        var fee: Int = 0
    }

    private static let samples: [Sample] = [
        Sample(procedure: "Đăng ký khai sinh", applicant: "Nguyễn Văn An", unit: "UBND phường Thắng Tam",
               processingDays: 1, daysAgo: 1, at: "07:50", online: true, path: []),
        Sample(procedure: "Chứng thực bản sao từ bản chính", applicant: "Trần Thị Bích Ngọc", unit: "UBND phường Thắng Tam",
               processingDays: 2, daysAgo: 1, at: "09:10", online: false, path: []),
        Sample(procedure: "Đăng ký kết hôn", applicant: "Lê Hoàng Minh", unit: "UBND phường Thắng Tam",
               processingDays: 5, daysAgo: 2, at: "10:20", online: true, path: [.refused]),
        Sample(procedure: "Cấp giấy phép xây dựng nhà ở riêng lẻ", applicant: "Phạm Thị Hương", unit: "UBND phường Vũng Tàu",
               processingDays: 15, daysAgo: 3, at: "08:40", online: false, path: [.processing]),
        Sample(procedure: "Đăng ký thường trú", applicant: "Hoàng Văn Dũng", unit: "Công an phường Thắng Tam",
               processingDays: 7, daysAgo: 4, at: "14:05", online: false, path: [.processing, .supplementRequested],
               supplement: ["Bản sao giấy tờ chứng minh chỗ ở hợp pháp", "Tờ khai thay đổi thông tin cư trú (CT01)"]),
        Sample(procedure: "Cấp đổi giấy chứng nhận quyền sử dụng đất", applicant: "Vũ Thị Mai", unit: "UBND phường Vũng Tàu",
               processingDays: 10, daysAgo: 5, at: "09:30", online: false, path: [.processing, .feesDue], fee: 100_000),
        Sample(procedure: "Đăng ký hộ kinh doanh", applicant: "Đặng Quốc Bảo", unit: "UBND phường Thắng Tam",
               processingDays: 3, daysAgo: 2, at: "15:10", online: false, path: [.processing, .withdrawalRequested]),
        Sample(procedure: "Cấp giấy phép kinh doanh karaoke", applicant: "Bùi Thị Thu Trang", unit: "UBND phường Vũng Tàu",
               processingDays: 5, daysAgo: 6, at: "10:45", online: false, path: [.processing, .withdrawalRequested, .stopped]),
        Sample(procedure: "Xác nhận tình trạng hôn nhân", applicant: "Đỗ Minh Khoa", unit: "UBND phường Thắng Tam",
               processingDays: 2, daysAgo: 3, at: "13:50", online: false, path: [.processing, .finished]),
        Sample(procedure: "Cấp bản sao trích lục hộ tịch", applicant: "Ngô Thị Lan", unit: "UBND phường Thắng Tam",
               processingDays: 1, daysAgo: 7, at: "08:05", online: false, path: [.processing, .finished, .returned]),
    ]

    private static let seededKey = "demo_dossiers"

    /// `time` on the working day `daysAgo` working days before `now`'s day, in Vietnam: a dossier is
    /// received during office hours, not at the hour someone happens to start the demo.
    static func filedAt(daysAgo: Int, time: String, before now: Date, calendar: WorkingCalendar) -> Date {
        let zone = OfficeCalendar.vietnam
        var day = BusinessDay(containing: now, in: zone)
        var remaining = max(1, daysAgo)
        while remaining > 0 {
            day = BusinessDay(containing: day.date(at: TimeOfDay(hour: 12, minute: 0)!, in: zone) - 86_400, in: zone)
            if calendar.isWorkingDay(day) { remaining -= 1 }
        }
        return min(day.date(at: TimeOfDay(time)!, in: zone), now)
    }

    /// Seeds the demo set into `store` once, filed relative to `now` with codes of `agency`, and returns the
    /// codes in status order (1 … 10). When the set is already there, changes nothing and returns its codes.
    @discardableResult
    public static func seed(into store: WorkflowStore, calendar: WorkingCalendar, agency: String, now: Date) throws -> [String] {
        try store.database.write { db in
            if let seeded = try WorkflowStore.meta(db, seededKey) {
                return seeded.split(separator: "\n").map(String.init)
            }
            var codes: [String] = []
            for sample in samples {
                let filed = filedAt(daysAgo: sample.daysAgo, time: sample.at, before: now, calendar: calendar)
                let code = try WorkflowStore.nextCode(db, agency: agency, at: filed)
                var dossier = sample.online
                    ? try Dossier.submitOnline(code: code, procedure: sample.procedure, applicant: sample.applicant,
                                               unit: sample.unit, processingDays: sample.processingDays, at: filed)
                    : try Dossier.receive(code: code, procedure: sample.procedure, applicant: sample.applicant,
                                          unit: sample.unit, processingDays: sample.processingDays, at: filed, calendar: calendar)
                var at = filed
                for status in sample.path {
                    at = min(at.addingTimeInterval(3600), now)
                    switch status {
                    case .supplementRequested:
                        try dossier.requestSupplement(sample.supplement, at: at, note: "Hồ sơ còn thiếu giấy tờ.")
                    case .feesDue:
                        try dossier.requestFees(sample.fee, at: at, note: "Thông báo nộp lệ phí.")
                    default:
                        try dossier.transition(to: status, at: at, calendar: calendar)
                    }
                }
                try WorkflowStore.upsert(db, dossier)
                codes.append(code)
            }
            try WorkflowStore.setMeta(db, seededKey, codes.joined(separator: "\n"))
            return codes
        }
    }
}
