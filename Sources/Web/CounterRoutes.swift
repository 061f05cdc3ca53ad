import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// The clerk's buttons: open, pause, close, next, recall, start, done, no-show, transfer; and what the
/// counter handled today.
struct CounterRoutes {
    let office: Office

    func register(on router: Router<OfficeRequestContext>) {
        let group = router.group("api/v1/counters/{n}")
        for (path, make) in [("open", QueueOperation.open), ("pause", QueueOperation.pause), ("close", QueueOperation.close)] {
            group.post(RouterPath(path)) { _, context in
                let n = try Self.counter(context)
                _ = try context.requireCounter(n)
                _ = try await office.engine.perform(make(n))
                let view = await office.engine.read { state in state.counters[n].map(state.view) }
                return try JSONResponse.make(view, context: context)
            }
        }
        group.post("next") { _, context in
            let n = try Self.counter(context)
            _ = try context.requireCounter(n)
            guard let ticket = try await office.engine.perform(.next(counter: n)).ticket else {
                return Response(status: .noContent)
            }
            return try JSONResponse.make(ticket, context: context)
        }
        for (path, make) in [("recall", QueueOperation.recall), ("start", QueueOperation.start), ("no-show", QueueOperation.noShow)] {
            group.post(RouterPath(path)) { _, context in
                let n = try Self.counter(context)
                _ = try context.requireCounter(n)
                return try JSONResponse.make(try await office.engine.perform(make(n)).ticket, context: context)
            }
        }
        group.post("done") { request, context in
            let n = try Self.counter(context)
            _ = try context.requireCounter(n)
            let body = try await JSONBody.read(request, context: context, allowed: ["dossier", "rating"], allowEmpty: true)
            let outcome = try await office.engine.perform(.done(counter: n, dossier: try body.string("dossier"), rating: try body.int("rating")))
            return try JSONResponse.make(outcome.ticket, context: context)
        }
        group.post("transfer") { request, context in
            let n = try Self.counter(context)
            _ = try context.requireCounter(n)
            let body = try await JSONBody.read(request, context: context, allowed: ["service", "counter"])
            let target: TransferTarget
            switch (body.has("service"), body.has("counter")) {
            case (true, false): target = .service(try body.reference("service")!)
            case (false, true): target = .counter(try body.int("counter")!)
            default: throw APIError.badRequest("Chọn đúng một nơi chuyển đến: \"service\" hoặc \"counter\".")
            }
            return try JSONResponse.make(try await office.engine.perform(.transfer(counter: n, to: target)).ticket, context: context)
        }
        group.get("tickets") { _, context in
            let n = try Self.counter(context)
            _ = try context.requireCounter(n)
            guard await office.engine.read({ $0.counters[n] != nil }) else { throw APIError(QueueError.unknownCounter(n)) }
            return try JSONResponse.make(try await CounterHistoryView.load(counter: n, office: office), context: context)
        }
    }

    static func counter(_ context: OfficeRequestContext) throws -> Int {
        let text = try context.parameters.require("n")
        guard let n = Int(text), n > 0 else { throw APIError.badRequest("Số quầy \"\(text)\" phải là số nguyên dương.") }
        return n
    }
}
