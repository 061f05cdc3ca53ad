import Testing
@testable import MotCuaConfig

@Suite("HOST:PORT listen addresses")
struct ListenAddressTests {
    @Test("valid addresses", arguments: [
        ("127.0.0.1:8080", "127.0.0.1", 8080), ("0.0.0.0:80", "0.0.0.0", 80), ("[::1]:8080", "::1", 8080),
        ("[::]:0", "::", 0), ("localhost:65535", "localhost", 65535), ("motcua-server.local:443", "motcua-server.local", 443),
    ])
    func valid(_ text: String, _ host: String, _ port: Int) throws {
        let address = try #require(ListenAddress(text))
        #expect(address.host == host && address.port == port)
        #expect(address.description == text)
    }

    @Test("invalid addresses", arguments: [
        "", "localhost", ":8080", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "::1:8080", "[::1]8080",
        "[::1]", "[host]:80", "a b:80", "127.0.0.1:80x", "127.0.0.1:+80",
    ])
    func invalid(_ text: String) {
        #expect(ListenAddress(text) == nil)
    }
}
