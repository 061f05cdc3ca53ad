import Testing
import QueueCore
@testable import MotCuaConfig

@Suite("The demo office")
struct DemoOfficeTests {
    @Test("ids, codes and prefixes are unique and well formed")
    func unique() {
        let services = DemoOffice.services
        #expect((5...6).contains(services.count))
        #expect(Set(services.map(\.id)).count == services.count)
        #expect(Set(services.map { $0.code.uppercased() }).count == services.count)
        #expect(Set(services.map(\.prefix)).count == services.count)
        #expect(services.map(\.prefix) == ["A", "B", "C", "D", "E", "F"])
        #expect(Set(DemoOffice.counters.map(\.number)) == Set(1...6))
    }

    @Test("every service is served by at least two counters; each counter serves one to three")
    func coverage() {
        for service in DemoOffice.services {
            let serving = DemoOffice.counters.filter { $0.services.contains(service.id) }
            #expect(serving.count >= 2, "\(service.code) is served by \(serving.map(\.number))")
        }
        let ids = Set(DemoOffice.services.map(\.id))
        for counter in DemoOffice.counters {
            #expect((1...3).contains(counter.services.count))
            #expect(counter.services.allSatisfy(ids.contains))
            #expect(Set(counter.services).count == counter.services.count)
        }
    }

    @Test("names are in NFC, in both languages")
    func names() {
        for service in DemoOffice.services {
            #expect(isNFC(service.name))
            #expect(service.nameEn != nil)
        }
        for counter in DemoOffice.counters { #expect(isNFC(counter.name)) }
        #expect(DemoOffice.services.map(\.name).contains("Đất đai"))
    }

    @Test("windows lie in the working day; quotas fit the number format")
    func windows() {
        let day = QueueSettings().workingHours
        for service in DemoOffice.services {
            #expect(service.issuingWindows.map(\.description) == ["07:30-11:30", "13:30-17:00"])
            #expect(service.issuingWindows.allSatisfy { day.start <= $0.start && $0.end <= day.end })
            #expect((service.dailyQuota ?? 0) <= service.numberFormat.capacity)
        }
        #expect(DemoOffice.services.contains { $0.dailyQuota != nil })
    }
}
