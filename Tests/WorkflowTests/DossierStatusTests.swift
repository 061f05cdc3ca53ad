import Testing
import Workflow

@Suite("Dossier status: the national codes and their transitions")
struct DossierStatusTests {
    /// The national transitions, written out independently of the library's table.
    static let legal: Set<[Int]> = [
        [1, 2], [1, 3], [1, 5], [2, 4], [4, 5], [4, 6], [4, 7], [4, 8], [4, 9], [5, 4], [6, 4], [6, 9], [7, 8], [9, 10],
    ]

    static let allPairs: [(Int, Int)] = (1...10).flatMap { from in (1...10).map { (from, $0) } }

    @Test("the raw values are the national codes 1…10, in order")
    func codes() {
        #expect(DossierStatus.allCases.map(\.code) == Array(1...10))
        #expect(DossierStatus(rawValue: 0) == nil && DossierStatus(rawValue: 11) == nil)
    }

    @Test("each of the 100 pairs is legal exactly when the national table says so", arguments: allPairs)
    func everyPair(from: Int, to: Int) throws {
        let a = try #require(DossierStatus(rawValue: from)), b = try #require(DossierStatus(rawValue: to))
        let expected = Self.legal.contains([from, to])
        #expect(a.canMove(to: b) == expected)
        if expected {
            #expect(throws: Never.self) { try a.checkMove(to: b) }
        } else {
            let error = #expect(throws: DossierError.self) { try a.checkMove(to: b) }
            #expect(error == .illegalTransition(from: a, to: b))
            #expect(error?.code == "illegal_transition")
            #expect(error?.message.contains(a.vietnamese) == true && error?.message.contains(b.vietnamese) == true)
        }
    }

    @Test("14 moves are legal and 86 are not")
    func counts() {
        let legal = DossierStatus.allCases.flatMap { a in DossierStatus.allCases.filter { a.canMove(to: $0) } }
        #expect(legal.count == 14)
    }

    @Test("final statuses are refused (3), stopped (8) and returned (10)")
    func finals() {
        #expect(DossierStatus.allCases.filter(\.isFinal) == [.refused, .stopped, .returned])
        #expect(DossierStatus.allCases.filter(\.endsProcessing) == [.stopped, .finished, .returned])
    }

    @Test("names follow the national list", arguments: [
        (DossierStatus.submitted, "Mới đăng ký"), (.accepted, "Được tiếp nhận"), (.refused, "Không được tiếp nhận"),
        (.processing, "Đang xử lý"), (.supplementRequested, "Yêu cầu bổ sung giấy tờ"),
        (.feesDue, "Yêu cầu thực hiện nghĩa vụ tài chính"), (.withdrawalRequested, "Công dân yêu cầu rút hồ sơ"),
        (.stopped, "Dừng xử lý"), (.finished, "Đã xử lý xong"), (.returned, "Đã trả kết quả"),
    ])
    func names(status: DossierStatus, vietnamese: String) {
        #expect(status.vietnamese == vietnamese)
        #expect(!status.english.isEmpty)
    }

    @Test("the message of an illegal move names both statuses")
    func message() {
        let error = DossierError.illegalTransition(from: .accepted, to: .finished)
        #expect(error.message == "Không thể chuyển hồ sơ từ trạng thái \"Được tiếp nhận\" (2) sang \"Đã xử lý xong\" (9).")
    }
}
