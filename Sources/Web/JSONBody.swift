import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// A request body read as one JSON object, strictly: unknown fields and wrong types are refused by name.
struct JSONBody {
    private let object: [String: Any]

    /// Reads the body; an empty body counts as `{}` when `allowEmpty`.
    static func read(_ request: Request, context: OfficeRequestContext, allowed: Set<String>, allowEmpty: Bool = false) async throws -> JSONBody {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw APIError(.contentTooLarge, "body_too_large", "Nội dung yêu cầu quá lớn (tối đa \(context.maxUploadSize / 1024) KiB).")
        }
        if buffer.readableBytes == 0 || String(buffer: buffer).allSatisfy(\.isWhitespace) {
            if allowEmpty { return JSONBody(object: [:]) }
            throw APIError.badRequest("Thiếu nội dung JSON (body is empty).")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView), options: [])
        } catch {
            throw APIError.badRequest("Nội dung không phải JSON hợp lệ (malformed JSON).")
        }
        guard let object = parsed as? [String: Any] else {
            throw APIError.badRequest("Nội dung phải là một đối tượng JSON {…} (expected a JSON object).")
        }
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIError.badRequest("Trường \"\(unknown)\" không được hỗ trợ; các trường hợp lệ: \(allowed.sorted().joined(separator: ", ")).")
        }
        return JSONBody(object: object)
    }

    /// A string field (NFC), or `nil` when absent or null.
    func string(_ key: String, required: Bool = false) throws -> String? {
        guard let value = object[key], !(value is NSNull) else {
            if required { throw APIError.badRequest("Thiếu trường \"\(key)\".") }
            return nil
        }
        guard let text = value as? String else { throw APIError.badRequest("Trường \"\(key)\" phải là chuỗi.") }
        let trimmed = text.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
        if trimmed.isEmpty { throw APIError.badRequest("Trường \"\(key)\" không được để trống.") }
        return trimmed
    }

    /// An integer field, or `nil` when absent or null.
    func int(_ key: String, required: Bool = false) throws -> Int? {
        guard let value = object[key], !(value is NSNull) else {
            if required { throw APIError.badRequest("Thiếu trường \"\(key)\".") }
            return nil
        }
        guard let number = value as? NSNumber, !Self.isBool(number), let int = Int(exactly: number.doubleValue) else {
            throw APIError.badRequest("Trường \"\(key)\" phải là số nguyên.")
        }
        return int
    }

    /// A field that may be an id (integer) or a code (string), as a string.
    func reference(_ key: String, required: Bool = false) throws -> String? {
        if let value = object[key] as? NSNumber, !Self.isBool(value) { return try int(key).map(String.init) }
        if let value = object[key], !(value is NSNull), !(value is String) {
            throw APIError.badRequest("Trường \"\(key)\" phải là mã (chuỗi) hoặc số hiệu (số nguyên).")
        }
        return try string(key, required: required)
    }

    /// Whether the field is present.
    func has(_ key: String) -> Bool { object[key] != nil && !(object[key] is NSNull) }

    private static func isBool(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
