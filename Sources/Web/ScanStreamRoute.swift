import Foundation
import HTTPTypes
import Hummingbird
import InputDevices

/// `GET /api/v1/kiosks/{kiosk}/scans`: Server-Sent Events, one `scan` event (`{"kiosk", "code", "at"}`) for
/// each line the kiosk's scanner reads, from now on. A lookup page opened with `?kiosk=ID` follows it and
/// looks each code up. Nothing is replayed: a scan belongs to the citizen standing there at that moment.
struct ScanStreamRoute {
    let office: Office

    func register(on router: Router<OfficeRequestContext>) {
        router.get("api/v1/kiosks/{kiosk}/scans") { _, context in
            let kiosk = try context.parameters.require("kiosk")
            guard let hub = office.inputs?.scans, hub.kiosks.contains(kiosk) else {
                throw APIError(.notFound, "no_scanner", "Kiosk \"\(kiosk)\" không có máy quét nào trong cấu hình (scanners[]).")
            }
            let scans = hub.subscribe(kiosk: kiosk)
            let headers: HTTPFields = [
                .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache",
                HTTPField.Name("X-Accel-Buffering")!: "no",
            ]
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                let encoder = JSONEncoder()
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                for await scan in scans {
                    let data = String(decoding: try encoder.encode(scan), as: UTF8.self)
                    try await writer.write(ByteBuffer(string: "event: scan\ndata: \(data)\n\n"))
                }
                try await writer.finish(nil)
            })
        }
    }
}
