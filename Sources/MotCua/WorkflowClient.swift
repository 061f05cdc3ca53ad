import Foundation
#if canImport(Glibc)
import Glibc
#endif
import WorkflowProtocol

/// A blocking client of the workflow core's Unix socket, for the command line: connects, sends one
/// JSON-RPC request line, reads lines until the response carrying its id (other lines are ignored), closes.
struct WorkflowClient {
    /// The core's socket.
    let socketPath: String
    /// Seconds to wait for the connection to accept the request or for the answer.
    var timeoutSeconds = 30

    /// The id the CLI's request carries.
    static let requestID: RPCID = "cli-1"

    /// Sends `params` as a request and returns the core's response (a result or a JSON-RPC error).
    func call<Params: WorkflowParams>(_ params: Params) throws(WorkflowClientError) -> RPCResponse {
        let frame: [UInt8]
        do {
            frame = try FrameEncoder().encodeRequest(params, id: Self.requestID)
        } catch {
            throw .broken(socket: socketPath, reason: "cannot encode the request: \(error)")
        }
        let fd = try connect()
        defer { close(fd) }
        try send(frame, on: fd)
        return try readResponse(on: fd)
    }

    private func connect() throws(WorkflowClientError) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(socketPath.utf8)
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw .cannotConnect(socket: socketPath, reason: "đường dẫn quá dài (path too long)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path)
            raw[path.count] = 0
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .cannotConnect(socket: socketPath, reason: Self.lastError()) }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let reason = Self.lastError()
            close(fd)
            throw .cannotConnect(socket: socketPath, reason: reason)
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    private func send(_ bytes: [UInt8], on fd: Int32) throws(WorkflowClientError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw .broken(socket: socketPath, reason: Self.lastError()) }
            offset += written
        }
    }

    private func readResponse(on fd: Int32) throws(WorkflowClientError) -> RPCResponse {
        var decoder = FrameDecoder()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { throw .broken(socket: socketPath, reason: "hệ thống hồ sơ đóng kết nối (the core closed the connection)") }
            guard count > 0 else {
                let timedOut = errno == EAGAIN || errno == EWOULDBLOCK
                throw .broken(socket: socketPath, reason: timedOut ? "quá \(timeoutSeconds) giây không trả lời (timed out)" : Self.lastError())
            }
            for event in decoder.feed(chunk[..<count]) {
                guard case .frame(let line) = event,
                      case .response(let response)? = try? RPCMessage(frame: line),
                      response.id == Self.requestID || response.id == nil else { continue }
                return response
            }
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
