import Foundation
import Testing
import WorkflowLink
import WorkflowProtocol

@Suite("The last lookup answer per code")
struct DossierLookupCacheTests {
    static func result(_ code: String, status: Int = 4) -> DossierLookupResult {
        DossierLookupResult(
            code: code, status: "Đang xử lý", statusCode: status, procedure: "Đăng ký khai sinh", unit: "UBND phường",
            receivedAt: "2026-11-30T08:00:00+07:00", dueAt: "2026-12-01T08:00:00+07:00",
            applicantMasked: "Nguyễn V** A", updatedAt: "2026-11-30T08:00:00+07:00"
        )
    }

    @Test("keeps the newest answer and its time; forgets a code on request")
    func newestWins() {
        let cache = DossierLookupCache()
        let code = "000.00.19.H47-261130-0001"
        cache.store(Self.result(code, status: 4), at: Date(timeIntervalSince1970: 100))
        cache.store(Self.result(code, status: 9), at: Date(timeIntervalSince1970: 200))
        #expect(cache.answer(for: code)?.result.statusCode == 9)
        #expect(cache.answer(for: code)?.at == Date(timeIntervalSince1970: 200))
        cache.forget(code)
        #expect(cache.answer(for: code) == nil)
    }

    @Test("stays within its capacity, forgetting the oldest answers first")
    func bounded() {
        let cache = DossierLookupCache(capacity: 10)
        for i in 1...25 {
            cache.store(Self.result(String(format: "000.00.19.H47-261130-%04d", i)), at: Date(timeIntervalSince1970: Double(i)))
        }
        let kept = (1...25).filter { cache.answer(for: String(format: "000.00.19.H47-261130-%04d", $0)) != nil }
        #expect(kept.count <= 10)
        #expect(kept.contains(25) && kept.contains(24))
        #expect(!kept.contains(1))
    }
}
