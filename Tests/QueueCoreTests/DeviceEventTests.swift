import Foundation
import QueueCore
import Testing

@Suite("Device events in the queue's log")
struct DeviceEventTests {
    @Test("each change becomes its event with the device, its kind and the reason", arguments: [
        (DeviceChange.fault("hết giấy"), EventType.deviceFault, "hết giấy" as String?),
        (.recovered, .deviceRecovered, nil),
        (.connected, .deviceConnected, nil),
        (.disconnected("cổng nối tiếp bị đóng"), .deviceDisconnected, "cổng nối tiếp bị đóng"),
    ])
    func changes(change: DeviceChange, type: EventType, reason: String?) throws {
        var state = Fixture.openDay()
        let recorded = try state.apply(.recordDevice(device: "kiosk-1", kind: "printer", change: change), now: Fixture.at("09:00"))
        #expect(recorded.events.map(\.type) == [type])
        #expect(recorded.events[0].data == EventData(device: "kiosk-1", deviceKind: "printer", reason: reason))
        #expect(recorded.tickets.isEmpty && recorded.counters.isEmpty)
    }

    @Test("a device without an id or a kind is refused and logs nothing")
    func refused() {
        var state = Fixture.openDay()
        #expect(throws: QueueError.badDevice("")) {
            try state.apply(.recordDevice(device: "", kind: "printer", change: .connected), now: Fixture.at("09:00"))
        }
        #expect(throws: QueueError.badDevice("x")) {
            try state.apply(.recordDevice(device: "x", kind: "", change: .connected), now: Fixture.at("09:00"))
        }
    }
}
