import NIOHTTP1
import ArgumentParser

/// `motcua user add NAME --role admin|clerk [--counter N]`: prints a one-time password.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Tài khoản (accounts).", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Thêm tài khoản; in mật khẩu dùng một lần (prints a one-time password).")

        enum RoleName: String, ExpressibleByArgument, CaseIterable { case admin, clerk }

        @Argument(help: "Tên tài khoản (a–z, 0–9, . - _).")
        var name: String
        @Option(help: "admin | clerk")
        var role: RoleName
        @Option(help: "Quầy của cán bộ (the clerk's counter).")
        var counter: Int?
        @OptionGroup var control: ControlOptions

        func run() async throws {
            var body: [String: Any] = ["name": name, "role": role.rawValue]
            if let counter { body["counter"] = counter }
            let client = control.client()
            let answer = try await client.call(HTTPMethod.POST, "/api/v1/users", body: body)
            client.show(answer) {
                """
                Đã tạo tài khoản \(name) (\(role.rawValue)).
                Mật khẩu dùng một lần: \(answer.object["password"] ?? "?")
                Người dùng phải đổi mật khẩu ngay khi đăng nhập lần đầu.
                """
            }
        }
    }
}
