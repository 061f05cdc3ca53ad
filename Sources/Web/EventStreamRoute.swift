import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// `GET /api/v1/events`: Server-Sent Events, resumable with `Last-Event-ID` (or `?after=SEQ`).
///
/// Without either, the stream starts now: a page reads the snapshot (`GET /api/v1/queue`, which
/// carries the `seq` it reflects) and then follows what happens; `after=0` replays the whole log.
///
/// The subscription to live events starts before the replay from the event log, and live events
/// already replayed are skipped, so a client that reconnects misses nothing and sees nothing twice.
struct EventStreamRoute {
    let office: Office

    static let lastEventID = HTTPField.Name("Last-Event-ID")!

    func register(on router: Router<OfficeRequestContext>) {
        router.get("api/v1/events") { request, context in
            let text = request.headers[Self.lastEventID] ?? request.uri.queryParameters.get("after")
            let store = office.engine.store
            var after = try store.lastEventSeq()
            if let text {
                guard let value = Int64(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                    throw APIError.badRequest("Last-Event-ID \"\(text)\" phải là số thứ tự sự kiện (số nguyên ≥ 0).")
                }
                after = value
            }
            // A client ahead of the log (the database was restored from a backup, say) starts from now
            // rather than waiting in silence until the numbering catches up with it.
            let start = min(after, try store.lastEventSeq())
            let live = office.engine.hub.subscribe()
            let headers: HTTPFields = [
                .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache",
                HTTPField.Name("X-Accel-Buffering")!: "no",
            ]
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                var last = start
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                while true {
                    let page = try store.events(after: last, limit: 500)
                    if page.isEmpty { break }
                    try await writer.write(Self.frame(page))
                    last = page.last!.seq
                }
                for await event in live where event.seq > last {
                    try await writer.write(Self.frame([event]))
                    last = event.seq
                }
                try await writer.finish(nil)
            })
        }
    }

    static func frame(_ events: [StoredEvent]) -> ByteBuffer {
        var buffer = ByteBuffer()
        for event in events {
            buffer.writeString("id: \(event.seq)\nevent: \(event.type)\ndata: \(event.body)\n\n")
        }
        return buffer
    }
}
