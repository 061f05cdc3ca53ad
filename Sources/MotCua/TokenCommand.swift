import NIOHTTP1
import Foundation
import ArgumentParser

/// `motcua token create NAME`: prints a bearer token for an account's API clients.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Mã truy cập API (bearer tokens).", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Tạo mã truy cập cho một tài khoản (shown once).")

        @Argument(help: "Tên tài khoản.")
        var name: String
        @OptionGroup var control: ControlOptions

        func run() async throws {
            let client = control.client()
            let path = "/api/v1/users/\(name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name)/tokens"
            let answer = try await client.call(HTTPMethod.POST, path)
            client.show(answer) { "\(answer.object["token"] ?? "?")" }
        }
    }
}

