import Announcements
import Foundation
import HTTPTypes
import Hummingbird
import QueueService
import Voice

/// The hall announcements: their sound for display pages (public), what the announcer is doing, and
/// an announcement asked for by hand (administrators, `motcua say`).
struct AnnouncementRoutes {
    let office: Office

    func register(on router: Router<OfficeRequestContext>) {
        // The WAV of a call (chime, then each language), so a TV with speakers can play it. Made once, then cached.
        router.get("api/v1/announcements/audio") { request, context -> Response in
            guard let audio = office.announcementAudio else {
                throw APIError(.serviceUnavailable, "voice_unavailable", "Chưa cấu hình giọng đọc (no announcement phrases).")
            }
            let query = request.uri.queryParameters
            let (ticket, counter) = try Self.call(ticket: query.get("ticket"), counter: query.get("counter"))
            var languages: [String]?
            if let text = query.get("lang"), !text.isEmpty {
                languages = text.split(separator: ",").map(String.init)
            }
            do {
                _ = try audio.texts(ticket: ticket, counter: counter, languages: languages)
            } catch {
                throw APIError.badRequest("Không đọc được lời mời: \(error) (the announcement cannot be read).")
            }
            // A sound made already costs a file read; a new one costs espeak-ng and sox, so new ones are counted.
            if await audio.madeFile(ticket: ticket, counter: counter, languages: languages) == nil,
               let address = context.clientAddress, let wait = office.audioThrottle.admit(address, now: office.engine.now()) {
                throw APIError(
                    .tooManyRequests, "rate_limited",
                    "Yêu cầu tiếng đọc mới quá nhiều lần; xin đợi \(Int(wait.rounded(.up))) giây rồi thử lại (too many new sounds)."
                )
            }
            let file: URL
            do {
                // Taken from memory when made already.
                file = try await audio.file(ticket: ticket, counter: counter, languages: languages)
            } catch {
                throw APIError(.serviceUnavailable, "voice_unavailable", "Không tạo được tiếng đọc: \(error).")
            }
            let data = try Data(contentsOf: file)
            let headers: HTTPFields = [.contentType: "audio/wav", .cacheControl: "public, max-age=86400"]
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("api/v1/announcements") { _, context -> Response in
            _ = try context.requireAdmin()
            guard let announcer = office.announcer else {
                throw APIError(.notFound, "announcer_off", "Không đọc số trên loa của máy này (announcements.enabled: false).")
            }
            return try JSONResponse.make(await announcer.snapshot(), context: context)
        }
        router.post("api/v1/announcements") { request, context -> Response in
            _ = try context.requireAdmin()
            let body = try await JSONBody.read(request, context: context, allowed: ["ticket", "counter"])
            guard let announcer = office.announcer else {
                throw APIError(.notFound, "announcer_off", "Không đọc số trên loa của máy này (announcements.enabled: false).")
            }
            let ticket = try body.string("ticket", required: true) ?? ""
            let counter = try body.int("counter", required: true) ?? 0
            let (checkedTicket, checkedCounter) = try Self.call(ticket: ticket, counter: String(counter))
            do {
                let announcement = try await announcer.announce(ticket: checkedTicket, counter: checkedCounter)
                let snapshot = await announcer.snapshot()
                let item = snapshot.pending.first { $0.id == announcement.id } ?? snapshot.current.flatMap { $0.id == announcement.id ? $0 : nil }
                return try JSONResponse.make(item ?? AnnouncerSnapshot.Item(announcement), status: .accepted, context: context)
            } catch {
                throw APIError.badRequest("Không đọc được lời mời: \(error) (the announcement cannot be read).")
            }
        }
    }

    /// A ticket number and a counter from the request, checked for shape; what the phrases cannot read is
    /// refused later, naming the symbol.
    static func call(ticket: String?, counter: String?) throws -> (String, Int) {
        guard let ticket, !ticket.isEmpty else {
            throw APIError.badRequest("Thiếu số thứ tự (ticket), ví dụ ticket=A025.")
        }
        let normalized = ticket.precomposedStringWithCanonicalMapping.uppercased()
        guard normalized.count <= 16, normalized.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw APIError.badRequest("Số thứ tự \"\(ticket)\" không hợp lệ: chỉ gồm chữ cái và chữ số, tối đa 16 ký tự (ví dụ A025).")
        }
        guard let text = counter, let number = Int(text), (1...9999).contains(number) else {
            throw APIError.badRequest("Số quầy \"\(counter ?? "")\" không hợp lệ: một số từ 1 đến 9999 (counter=5).")
        }
        return (normalized, number)
    }
}
