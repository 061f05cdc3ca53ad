/// Where a dossier is in the seed's process: its route, and the step it has reached (or past the last step once
/// the result is returned). A value; moving on gives a new stage.
public struct Stage: Sendable, Hashable, Codable {
    /// The dossier's inter-level route.
    public let route: InterLevelRoute
    /// The level where the citizen filed the dossier and collects the result.
    public let origin: Level
    /// Index of the current step in ``steps``; equal to `steps.count` once the result is returned.
    public let position: Int

    /// The first step of `route`; `local` is the level of a dossier that stays at one level (ignored otherwise).
    public init(route: InterLevelRoute, local: Level = .lower) {
        self.init(route: route, origin: route.origin(local: local), position: 0)
    }

    private init(route: InterLevelRoute, origin: Level, position: Int) {
        self.route = route
        self.origin = origin
        self.position = position
    }

    /// The route's steps, in order.
    public var steps: [RouteStep] { route.steps(local: origin) }

    /// The current step; `nil` once the result is returned.
    public var step: RouteStep? { position < steps.count ? steps[position] : nil }

    /// The role holding the dossier; `nil` once the result is returned.
    public var role: StageRole? { step?.role }

    /// The level holding the dossier; the origin once the result is returned.
    public var level: Level { step?.level ?? origin }

    /// Whether every step is done: the result was handed to the citizen.
    public var isCompleted: Bool { position >= steps.count }

    /// Whether this is the first step: reception at the origin.
    public var isFirst: Bool { position == 0 }

    /// Whether this is the last step: the result waits at the origin's result desk.
    public var isLast: Bool { position == steps.count - 1 }

    /// Whether the dossier is with the other level (chờ liên thông), seen from the level that received it
    /// (never once completed: the result is back at the origin).
    public var waitingOnOtherLevel: Bool { level != origin }

    /// The status the seed implies for this stage: reception at the origin → accepted (2); any step in between →
    /// being processed (4); the origin's result desk → finished (9); completed → returned (10).
    public var impliedStatus: DossierStatus {
        if isCompleted { return .returned }
        if isLast { return .finished }
        if isFirst { return .accepted }
        return .processing
    }

    /// The next stage: the next step, past optional steps when `skippingOptional`; the completed stage after
    /// the last step. Throws ``DossierError/routeCompleted`` when already completed.
    public func advanced(skippingOptional: Bool = false) throws(DossierError) -> Stage {
        guard !isCompleted else { throw .routeCompleted }
        var next = position + 1
        if skippingOptional {
            while next < steps.count - 1 && steps[next].isOptional { next += 1 }
        }
        return Stage(route: route, origin: origin, position: next)
    }

    /// The same route at the last step (result ready at the origin).
    public var atLastStep: Stage { Stage(route: route, origin: origin, position: steps.count - 1) }

    /// The same route, completed (result returned).
    public var completed: Stage { Stage(route: route, origin: origin, position: steps.count) }

    /// The holder as a clerk reads it ("Công chức thụ lý cấp thành phố"), or "Đã trả kết quả".
    public func holder(_ names: LevelNames) -> String { step?.holder(names) ?? DossierStatus.returned.vietnamese }

    private enum CodingKeys: String, CodingKey {
        case route, origin, position
    }

    /// Decodes a stage, refusing a position off its route or an origin the route does not start from.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let route = try container.decode(InterLevelRoute.self, forKey: .route)
        let origin = try container.decode(Level.self, forKey: .origin)
        let position = try container.decode(Int.self, forKey: .position)
        guard route == .none || origin == route.origin(local: origin),
              (0...route.steps(local: origin).count).contains(position) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "no step \(position) from \(origin) on route \(route)"))
        }
        self.init(route: route, origin: origin, position: position)
    }
}
