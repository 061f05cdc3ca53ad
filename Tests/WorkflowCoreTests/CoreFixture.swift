import Foundation
import QueueCore
import Workflow
import WorkflowCore
import WorkflowProtocol

/// A handler over an in-memory store, the built-in holiday table and a fixed clock.
struct CoreFixture {
    static let agency = "000.00.19.H47"

    /// `"2026-04-29 09:00"`, wall-clock time in Vietnam.
    static func at(_ text: String) -> Date {
        let parts = text.split(separator: " ")
        let day = BusinessDay(String(parts[0]))!
        let clock = parts[1].split(separator: ":").map { Int($0)! }
        var components = DateComponents()
        components.year = day.year; components.month = day.month; components.day = day.day
        components.hour = clock[0]; components.minute = clock[1]
        return OfficeCalendar.calendar(OfficeCalendar.vietnam).date(from: components)!
    }

    static let calendar: WorkingCalendar = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try! Data(contentsOf: root.appendingPathComponent("Calendars/holidays-vn.json"))
        return WorkingCalendar.standard(holidays: try! HolidayTable(json: data))
    }()

    let store: WorkflowStore
    let handler: WorkflowCoreHandler

    init(now: String = "2026-04-29 09:00") throws {
        store = try WorkflowStore()
        let instant = Self.at(now)
        handler = WorkflowCoreHandler(store: store, calendar: Self.calendar, agency: Self.agency, clock: { instant })
    }

    /// Sends a request with id 1 and returns its response.
    func call(_ method: String, _ params: [String: JSONValue] = [:], session: inout WorkflowSession) -> RPCResponse? {
        handler.handle(RPCRequest(method: method, params: params, id: 1), session: &session)
    }

    /// Sends a request on a greeted session and returns its result, or its error.
    func call(_ method: String, _ params: [String: JSONValue] = [:]) -> Result<JSONValue, RPCError> {
        var session = WorkflowSession(daemonID: "d1", site: "thang-tam")
        return call(method, params, session: &session)!.result
    }
}

extension Result<JSONValue, RPCError> {
    var value: JSONValue? { try? get() }
    var failure: RPCError? {
        if case .failure(let error) = self { error } else { nil }
    }
}
