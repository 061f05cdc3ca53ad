import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Helpers shared by the route tests: JSON requests, the error envelope, Vietnamese messages.

extension TestClientProtocol {
    /// A request with a JSON body (or none), optionally with a bearer token or session cookie.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, json: String? = nil, bearer: String? = nil, cookie: String? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = headers
        if json != nil { fields[.contentType] = "application/json" }
        if let bearer { fields[.authorization] = "Bearer \(bearer)" }
        if let cookie { fields[.cookie] = "motcua_session=\(cookie)" }
        return try await execute(uri: uri, method: method, headers: fields, body: json.map { ByteBuffer(string: $0) }) { $0 }
    }

    /// Takes a ticket through the API and returns its JSON answer (expecting 201).
    @discardableResult
    func issue(_ service: String, priority: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        let priorityPart = priority.map { ", \"priority\": \"\($0)\"" } ?? ""
        let response = try await send(.post, "/api/v1/tickets", json: "{\"service\": \(service)\(priorityPart)}")
        #expect(response.status == .created, "issuing \(service): \(response.text)", sourceLocation: sourceLocation)
        return try response.object()
    }
}

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    func object(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(body.readableBytesView), options: [.fragmentsAllowed])
        return try #require(parsed as? [String: Any], "not a JSON object: \(text)", sourceLocation: sourceLocation)
    }

    /// The body as a JSON array.
    func array(sourceLocation: SourceLocation = #_sourceLocation) throws -> [Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(body.readableBytesView), options: [.fragmentsAllowed])
        return try #require(parsed as? [Any], "not a JSON array: \(text)", sourceLocation: sourceLocation)
    }

    /// Checks the answer is an error in the API's shape, `{"error": {"code", "message"}}`, with this
    /// status and code, and a message in Vietnamese (NFC).
    func expectError(_ status: HTTPResponse.Status, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(self.status == status, "expected \(status.code) \(code), got \(self.status.code): \(text)", sourceLocation: sourceLocation)
        #expect(headers[.contentType]?.hasPrefix("application/json") == true, "content type \(headers[.contentType] ?? "none")", sourceLocation: sourceLocation)
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)),
              let envelope = parsed as? [String: Any] else {
            Issue.record("error body is not a JSON object: \(text)", sourceLocation: sourceLocation)
            return
        }
        #expect(Set(envelope.keys) == ["error"], "envelope keys: \(envelope.keys.sorted())", sourceLocation: sourceLocation)
        guard let inner = envelope["error"] as? [String: Any] else {
            Issue.record("\"error\" is not an object: \(text)", sourceLocation: sourceLocation)
            return
        }
        #expect(Set(inner.keys) == ["code", "message"], "error keys: \(inner.keys.sorted())", sourceLocation: sourceLocation)
        #expect(inner["code"] as? String == code, "code: \(text)", sourceLocation: sourceLocation)
        let message = inner["message"] as? String ?? ""
        #expect(Vietnamese.isVietnameseNFC(message), "message is not Vietnamese NFC text: \(message.debugDescription)", sourceLocation: sourceLocation)
    }
}

enum Vietnamese {
    /// The precomposed letters with diacritics of the Vietnamese alphabet, lower and upper case.
    static let letters: Set<Unicode.Scalar> = {
        let lower = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ".precomposedStringWithCanonicalMapping
        return Set(lower.unicodeScalars).union(lower.uppercased().precomposedStringWithCanonicalMapping.unicodeScalars)
    }()

    /// Non-empty, with at least one precomposed Vietnamese letter, and already in NFC (compared scalar
    /// by scalar: `String ==` would call a decomposed text equal to its NFC form).
    static func isVietnameseNFC(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.contains(where: letters.contains)
            && Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
    }
}

/// JSON helpers on decoded values.
extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? { self[key] as? String }
    func int(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
    func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
    func objects(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
    /// Whether the key is present with JSON `null`.
    func isNull(_ key: String) -> Bool { self[key] is NSNull }
}
