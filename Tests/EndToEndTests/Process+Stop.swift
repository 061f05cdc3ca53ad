import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Process {
    /// Sends `signal` and waits up to `seconds` for the process to end; its exit status, or `nil` if it is
    /// still running then.
    func stop(signal: Int32, within seconds: TimeInterval = 30) async throws -> Int32? {
        kill(processIdentifier, signal)
        let deadline = Date() + seconds
        while isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        return isRunning ? nil : terminationStatus
    }
}
