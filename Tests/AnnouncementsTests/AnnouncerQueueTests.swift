import Announcements
import Foundation
import Testing

@Suite("The announcer's order")
struct AnnouncerQueueTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    /// Speaks everything that waits, as a player would: each announcement takes `length` seconds.
    func speakAll(_ queue: inout AnnouncerQueue, from time: TimeInterval, length: TimeInterval = 6) -> [(String, TimeInterval)] {
        var spoken: [(String, TimeInterval)] = []
        var now = time
        while let announcement = queue.take(at: at(now)) {
            repeat {
                spoken.append((announcement.ticket, now))
                now += length
            } while queue.spoke(at: at(now))
        }
        return spoken
    }

    @Test func aLoneCallIsSpokenAsManyTimesAsAllowed() {
        var queue = AnnouncerQueue(maxPlays: 2)
        queue.request(ticketID: "t1", ticket: "A001", counter: 1, kind: .call, at: at(0))
        let spoken = speakAll(&queue, from: 0)
        #expect(spoken.map(\.0) == ["A001", "A001"])
        #expect(queue.recent.map(\.outcome) == [.played(times: 2)])
    }

    /// Ten clerks press "next" at once: every call is spoken, once, in the order of the calls, and the
    /// last one starts within ten plays of the first.
    @Test func aBurstOfTenCallsIsSpokenOnceEachInOrder() {
        var queue = AnnouncerQueue(maxPlays: 3, maxDelay: 90)
        for counter in 1...10 {
            queue.request(ticketID: "t\(counter)", ticket: String(format: "A%03d", counter), counter: counter, kind: .call, at: at(Double(counter) * 0.01))
        }
        let spoken = speakAll(&queue, from: 0.2)
        #expect(spoken.map(\.0) == (1...10).map { String(format: "A%03d", $0) } + ["A010", "A010"])
        #expect(spoken[9].1 - 0.2 == 54)
        #expect(queue.recent.prefix(9).allSatisfy { $0.outcome == .played(times: 1) })
        #expect(queue.recent.last?.outcome == .played(times: 3))
    }

    @Test func aCallWaitingPastTheLongestDelayIsDropped() {
        var queue = AnnouncerQueue(maxPlays: 1, maxDelay: 30)
        queue.request(ticketID: "t1", ticket: "A001", counter: 1, kind: .call, at: at(0))
        queue.request(ticketID: "t2", ticket: "A002", counter: 2, kind: .call, at: at(20))
        #expect(queue.take(at: at(31))?.ticket == "A002")
        #expect(queue.recent.first?.outcome == .dropped(.late))
    }

    @Test func aTicketAnsweredBeforeItsTurnIsNotSpoken() {
        var queue = AnnouncerQueue()
        queue.request(ticketID: "t1", ticket: "A001", counter: 1, kind: .call, at: at(0))
        queue.request(ticketID: "t2", ticket: "A002", counter: 2, kind: .call, at: at(0))
        queue.withdraw(ticketID: "t1", at: at(1))
        #expect(queue.pending.map(\.ticket) == ["A002"])
        #expect(queue.recent.map(\.outcome) == [.dropped(.answered)])
    }

    @Test func aClosedCounterAndANewerCallAtTheSameCounterTakeTheOldCallAway() {
        var queue = AnnouncerQueue()
        queue.request(ticketID: "t1", ticket: "A001", counter: 1, kind: .call, at: at(0))
        queue.request(ticketID: "t2", ticket: "A002", counter: 1, kind: .call, at: at(1))
        queue.request(ticketID: "t3", ticket: "B001", counter: 2, kind: .call, at: at(1))
        queue.withdraw(counter: 2, at: at(2))
        #expect(queue.pending.map(\.ticket) == ["A002"])
        #expect(queue.recent.map(\.outcome) == [.dropped(.superseded), .dropped(.counterClosed)])
    }

    /// A recall while the call is still being spoken asks for it once more; a recall of a call that is
    /// still waiting does not add a second one.
    @Test func aRecallRepeatsTheAnnouncement() {
        var queue = AnnouncerQueue(maxPlays: 1)
        queue.request(ticketID: "t1", ticket: "A001", counter: 1, kind: .call, at: at(0))
        queue.request(ticketID: "t2", ticket: "A002", counter: 2, kind: .call, at: at(0))
        queue.request(ticketID: "t2", ticket: "A002", counter: 2, kind: .recall, at: at(1))
        #expect(queue.pending.count == 2)
        #expect(queue.take(at: at(2))?.ticket == "A001")
        queue.request(ticketID: "t1", ticket: "A001", counter: 1, kind: .recall, at: at(3))
        #expect(queue.spoke(at: at(6)) == false)
        let rest = speakAll(&queue, from: 6)
        #expect(rest.map(\.0) == ["A002", "A001"])
    }

    /// Nothing is cut off: while one is spoken, `take` gives nothing else.
    @Test func oneAtATime() {
        var queue = AnnouncerQueue()
        queue.request(ticketID: "t1", ticket: "A001", counter: 1, kind: .call, at: at(0))
        queue.request(ticketID: "t2", ticket: "A002", counter: 2, kind: .call, at: at(0))
        #expect(queue.take(at: at(0))?.ticket == "A001")
        #expect(queue.take(at: at(1)) == nil)
        #expect(queue.current?.ticket == "A001")
    }

    @Test func aFailedFirstPlayIsDroppedAndTheNextGoesOn() {
        var queue = AnnouncerQueue()
        queue.request(ticketID: "t1", ticket: "A001", counter: 1, kind: .call, at: at(0))
        queue.request(ticketID: "t2", ticket: "A002", counter: 2, kind: .call, at: at(0))
        _ = queue.take(at: at(0))
        queue.failed(at: at(1), reason: .noAudio)
        #expect(queue.take(at: at(1))?.ticket == "A002")
        #expect(queue.recent.map(\.outcome) == [.dropped(.noAudio)])
    }
}
