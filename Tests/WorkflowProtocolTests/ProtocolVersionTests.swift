import Testing
import WorkflowProtocol

@Suite("Protocol version")
struct ProtocolVersionTests {
    @Test("the current version is 1")
    func current() {
        #expect(ProtocolVersion.current == 1)
    }
}
