import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// An error as the API answers it: `{"error": {"code": "snake_case", "message": "…"}}` with a fitting status.
public struct APIError: HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    /// Stable code clients may rely on.
    public let code: String
    /// Human text, Vietnamese first.
    public let message: String

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// A malformed request.
    public static func badRequest(_ message: String) -> APIError { APIError(.badRequest, "bad_request", message) }
    public static let unauthorized = APIError(.unauthorized, "unauthorized", "Cần đăng nhập (phiên làm việc hoặc mã truy cập Bearer).")
    public static let forbidden = APIError(.forbidden, "forbidden", "Tài khoản này không có quyền thực hiện thao tác này.")
    public static let passwordChangeRequired = APIError(.forbidden, "password_change_required", "Hãy đổi mật khẩu được cấp trước khi làm việc.")

    /// The answer for a refusal of the queue rules.
    public init(_ error: QueueError) {
        let status: HTTPResponse.Status = switch error {
        case .unknownService, .unknownCounter: .notFound
        case .unknownPriority, .badRating, .badDossierCode, .badTransfer, .unmaskedName, .badDevice: .badRequest
        case .serviceClosed, .outsideHours, .quotaReached, .counterClosed, .counterPaused, .counterBusy,
             .noCurrentTicket, .notServing, .tooFewCalls: .conflict
        }
        self.init(status, error.code, error.message)
    }

    /// The answer for an account refusal.
    public init(_ error: AccountError) {
        let status: HTTPResponse.Status = switch error.code {
        case "bad_credentials": .unauthorized
        case "unknown_user", "unknown_counter": .notFound
        case "name_taken": .conflict
        case "too_many_attempts": .tooManyRequests
        default: .badRequest
        }
        self.init(status, error.code, error.message)
    }

    /// Turns anything a route threw into the API's answer.
    public init(from error: any Error) {
        switch error {
        case let e as APIError: self = e
        case let e as QueueError: self.init(e)
        case let e as AccountError: self.init(e)
        case let e as StorageFailure: self.init(.serviceUnavailable, e.code, e.description)
        case let e as HTTPError:
            let code = switch e.status {
            case .notFound: "not_found"
            case .methodNotAllowed: "method_not_allowed"
            case .contentTooLarge: "body_too_large"
            case .unauthorized: "unauthorized"
            default: e.status.code < 500 ? "bad_request" : "internal"
            }
            let text = e.status == .notFound ? "Không có địa chỉ này." : (e.body ?? e.status.reasonPhrase)
            self.init(e.status, code, text)
        default:
            self.init(.internalServerError, "internal", "Lỗi nội bộ; thao tác chưa được thực hiện.")
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(Envelope(error: .init(code: code, message: message)))
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }

    private struct Envelope: Encodable {
        struct Inner: Encodable {
            let code: String
            let message: String
        }
        let error: Inner
    }
}
