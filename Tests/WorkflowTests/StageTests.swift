import Foundation
import Testing
import Workflow

@Suite("Stages: the seed's process as data")
struct StageTests {
    static func shape(_ steps: [RouteStep]) -> [String] {
        steps.map { "\($0.role.rawValue)@\($0.level.rawValue)" }
    }

    @Test("upward (table 1): ten steps, lower → upper → lower")
    func upward() {
        #expect(Self.shape(SeedProcess.upward) == [
            "reception@lower", "processing@lower", "approval@lower", "processing@lower",
            "reception@upper", "processing@upper", "approval@upper", "result_return@upper",
            "processing@lower", "result_return@lower",
        ])
        #expect(SeedProcess.upward.map(\.isOptional) == [false, false, false, false, false, false, false, false, true, false])
    }

    @Test("downward (table 2): nine steps, upper → lower → upper")
    func downward() {
        #expect(Self.shape(SeedProcess.downward) == [
            "reception@upper", "processing@upper", "reception@lower", "processing@lower", "approval@lower",
            "result_return@lower", "processing@upper", "approval@upper", "result_return@upper",
        ])
    }

    @Test("a route that stays at one level: reception, processing, approval, result return at that level",
          arguments: [Level.lower, .upper])
    func local(level: Level) {
        let stage = Stage(route: .none, local: level)
        #expect(Self.shape(stage.steps) == ["reception", "processing", "approval", "result_return"].map { "\($0)@\(level.rawValue)" })
        #expect(stage.origin == level)
    }

    /// Walks a route to its end, collecting what each stage says.
    static func walk(_ start: Stage) throws -> [Stage] {
        var stages = [start]
        while !stages.last!.isCompleted { stages.append(try stages.last!.advanced()) }
        return stages
    }

    @Test("waiting on the other level is derived: the steps held away from the level that received the dossier",
          arguments: [
            (InterLevelRoute.upward, [false, false, false, false, true, true, true, true, false, false, false]),
            (.downward, [false, false, true, true, true, true, false, false, false, false]),
            (.none, [false, false, false, false, false]),
          ])
    func waiting(route: InterLevelRoute, expected: [Bool]) throws {
        #expect(try Self.walk(Stage(route: route)).map(\.waitingOnOtherLevel) == expected)
    }

    @Test("the status implied by each stage: 2 at reception, 4 in between, 9 at the last step, 10 when done",
          arguments: InterLevelRoute.allCases)
    func impliedStatus(route: InterLevelRoute) throws {
        let stages = try Self.walk(Stage(route: route))
        let statuses = stages.map(\.impliedStatus)
        let between = Array(repeating: DossierStatus.processing, count: stages.count - 3)
        #expect(statuses == [.accepted] + between + [.finished, .returned])
        #expect(stages.last!.role == nil && stages.last!.level == stages[0].origin)
    }

    @Test("past the last step there is nothing more")
    func completed() throws {
        let done = try #require(try Self.walk(Stage(route: .downward)).last)
        #expect(done.isCompleted)
        #expect(throws: DossierError.routeCompleted) { try done.advanced() }
    }

    @Test("the optional step (lower processing before lower result return) can be skipped, nothing else")
    func skipping() throws {
        var stage = Stage(route: .upward)
        for _ in 0..<7 { stage = try stage.advanced(skippingOptional: true) }
        #expect(stage.position == 7 && stage.role == .resultReturn && stage.level == .upper)
        #expect(try stage.advanced(skippingOptional: true).position == 9)
        #expect(try stage.advanced().position == 8)
    }

    @Test("holders read as the seed names them, with configured level names")
    func holders() throws {
        let stage = try Stage(route: .upward).advanced().advanced().advanced().advanced().advanced()
        #expect(stage.holder(.wardAndCity) == "Công chức thụ lý cấp thành phố")
        #expect(stage.holder(.communeAndProvince) == "Công chức thụ lý cấp tỉnh, thành phố")
        #expect(Stage(route: .upward).holder(.generic) == "Bộ phận tiếp nhận cấp dưới")
    }

    @Test("a stage codes as route, origin and position, and refuses a position off its route")
    func coding() throws {
        let stage = try Stage(route: .downward).advanced().advanced()
        let data = try JSONEncoder().encode(stage)
        #expect(try JSONDecoder().decode(Stage.self, from: data) == stage)
        let bad = Data(#"{"route":"downward","origin":"upper","position":12}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Stage.self, from: bad) }
        let wrongOrigin = Data(#"{"route":"upward","origin":"upper","position":0}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Stage.self, from: wrongOrigin) }
    }
}
