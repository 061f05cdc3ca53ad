import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QueueCore
import QueueService
import Store

/// A JSON response with a chosen status.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, context: OfficeRequestContext, headers: HTTPFields = [:]) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let data = try context.responseEncoder.encode(value)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
