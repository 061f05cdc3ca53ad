import Foundation
import QueueCore
import Testing

@Suite("Refused tickets")
struct IssueRefusalTests {
    @Test("an unknown service is refused with unknown_service", arguments: ["ZZ", "99", "", "ht"])
    func unknownService(reference: String) {
        var state = Fixture.openDay()
        state.expectRefusal("unknown_service", .issue(service: reference, priority: nil, kiosk: nil), at: Fixture.at("08:00"))
    }

    @Test("an unknown priority group is refused with unknown_priority")
    func unknownPriority() throws {
        var state = Fixture.openDay()
        state.expectRefusal("unknown_priority", .issue(service: "HT", priority: "vip", kiosk: nil), at: Fixture.at("08:00"))
        // With no groups configured, every group is unknown.
        var none = Fixture.openDay(settings: Fixture.settings(priorityGroups: []))
        none.expectRefusal("unknown_priority", .issue(service: "HT", priority: "elderly", kiosk: nil), at: Fixture.at("08:00"))
        #expect(try none.issue("HT", at: Fixture.at("08:00")).number == "A001")
    }

    @Test("a service the administrator closed is refused with service_closed")
    func serviceClosed() {
        var state = Fixture.openDay()
        state.expectRefusal("service_closed", .issue(service: "LD", priority: nil, kiosk: nil), at: Fixture.at("08:00"))
        state.expectRefusal("service_closed", .issue(service: "4", priority: "elderly", kiosk: nil), at: Fixture.at("08:00"))
    }

    @Test("before the day opens and after it closes, tickets are refused with outside_hours")
    func outsideWorkingDay() {
        var state = Fixture.newDay()
        _ = state.advance(to: Fixture.at("06:59"))
        #expect(state.status.phase == .notOpened)
        state.expectRefusal("outside_hours", .issue(service: "HT", priority: nil, kiosk: nil), at: Fixture.at("06:59"))

        var open = Fixture.openDay()
        _ = open.advance(to: Fixture.at("17:30"))
        #expect(open.status.phase == .closed)
        open.expectRefusal("outside_hours", .issue(service: "HT", priority: nil, kiosk: nil), at: Fixture.at("17:30"))
        open.expectRefusal("outside_hours", .issue(service: "HT", priority: nil, kiosk: nil), at: Fixture.at("20:00"))
    }

    @Test("a day the clock has not opened (advance not called) refuses tickets")
    func dayNotAdvanced() {
        var state = Fixture.newDay()
        state.expectRefusal("outside_hours", .issue(service: "HT", priority: nil, kiosk: nil), at: Fixture.at("09:00"))
    }

    @Test("a ticket stamped on another calendar day than the state's is refused")
    func otherDay() {
        var state = Fixture.openDay()
        state.expectRefusal("outside_hours", .issue(service: "HT", priority: nil, kiosk: nil), at: Fixture.at("09:00", on: Fixture.tuesday))
    }

    @Test("issuing windows: inside issues, outside is outside_hours (the end is exclusive)", arguments: [
        ("07:29", false), ("07:30", true), ("10:59", true), ("11:00", false), ("12:00", false),
        ("13:29", false), ("13:30", true), ("16:29", true), ("16:30", false), ("17:00", false),
    ])
    func issuingWindows(time: String, issues: Bool) throws {
        var state = Fixture.openDay()
        let now = Fixture.at(time)
        _ = state.advance(to: now)
        #expect(state.status.phase == .open)
        if issues {
            #expect(try state.issue("DD", at: now).number == "B001")
        } else {
            state.expectRefusal("outside_hours", .issue(service: "DD", priority: nil, kiosk: nil), at: now)
            // A service without windows issues all working day.
            #expect(try state.issue("HT", at: now).number == "A001")
        }
    }

    @Test("the refusals are checked in order: unknown service, unknown priority, closed, hours, quota")
    func refusalOrder() {
        var state = Fixture.newDay()
        // Closed service with a bad priority, before opening: the priority is reported first.
        state.expectRefusal("unknown_priority", .issue(service: "LD", priority: "vip", kiosk: nil), at: Fixture.at("06:00"))
        state.expectRefusal("service_closed", .issue(service: "LD", priority: nil, kiosk: nil), at: Fixture.at("06:00"))
        state.expectRefusal("unknown_service", .issue(service: "NOPE", priority: "vip", kiosk: nil), at: Fixture.at("06:00"))
    }
}
