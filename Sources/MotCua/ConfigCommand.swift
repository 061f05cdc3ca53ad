import ArgumentParser
import Foundation
import MotCuaConfig
import QueueCore

/// `motcua config check`: reads the configuration and says what is wrong, or that it is good.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "config", abstract: "Cấu hình (configuration).", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Kiểm tra tệp cấu hình (check the configuration).")

        @Option(help: "Tệp cấu hình (default /etc/motcua/motcua.yaml, else the built-in default).")
        var config: String?
        @Flag(help: "In kết quả dạng JSON.")
        var json = false

        func run() async throws {
            let file = config ?? ServeCommand.defaultConfigFile()
            let c: MotCuaConfiguration
            do {
                c = try MotCuaConfiguration.load(file: file, environment: ProcessInfo.processInfo.environment)
            } catch {
                if json {
                    let answer: [String: Any] = ["ok": false, "error": ["code": "bad_config", "key": error.key, "message": error.description]]
                    print(String(decoding: try JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys]), as: UTF8.self))
                } else {
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                }
                throw ExitCode(1)
            }
            // The pages are part of what a start reads: a broken template stops it too.
            do {
                _ = try TemplatesFolder.pages(for: c)
            } catch {
                if json {
                    let answer: [String: Any] = ["ok": false, "error": ["code": "bad_config", "key": "pages.templates", "message": "\(error)"]]
                    print(String(decoding: try JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys]), as: UTF8.self))
                } else {
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                }
                throw ExitCode(1)
            }
            // So are the printers: each profile must exist and the print templates must compile.
            do {
                try PrintingSetup.check(c)
            } catch {
                if json {
                    let answer: [String: Any] = ["ok": false, "error": ["code": "bad_config", "key": "printers", "message": "\(error)"]]
                    print(String(decoding: try JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys]), as: UTF8.self))
                } else {
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                }
                throw ExitCode(1)
            }
            if json {
                let summary: [String: Any] = [
                    "ok": true, "source": file ?? "built-in", "site": c.siteID, "listen": c.listen.description,
                    "services": c.services.map(\.code), "counters": c.counters.map(\.number),
                    "printers": c.allPrinters.map { ["queue": $0.queue, "role": $0.role.rawValue] },
                ]
                print(String(decoding: try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys]), as: UTF8.self))
            } else {
                print("Cấu hình hợp lệ (configuration is valid): \(file ?? "built-in default")")
                print("  đơn vị: \(c.siteName) [\(c.siteID)], HTTP \(c.listen)")
                print("  dịch vụ: \(c.services.count), quầy: \(c.counters.count), máy in: \(c.allPrinters.count)")
            }
        }
    }
}
