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
            let file = config ?? ConfigurationFile.defaultPath()
            let c: MotCuaConfiguration
            do {
                c = try MotCuaConfiguration.load(file: file, environment: ProcessInfo.processInfo.environment)
            } catch {
                try report(key: error.key, message: error.description)
                throw ExitCode(1)
            }
            // The pages are part of what a start reads: a broken template stops it too.
            try refuse(key: "pages.templates") { _ = try TemplatesFolder.pages(for: c) }
            // So are the printers: each profile must exist and the print templates must compile.
            try refuse(key: "printers") { try PrintingSetup.check(c) }
            // And the LED boards, scanners and keypads: each profile must exist, each on a counter the office has.
            try refuse(key: "devices") { try DevicesSetup.check(c) }
            // And the announcement phrases, built-in or the office's own.
            try refuse(key: "announcements.templates") { try VoiceSetup.check(c) }
            if json {
                let summary: [String: Any] = [
                    "ok": true, "source": file ?? "built-in", "site": c.siteID, "listen": c.listen.description,
                    "services": c.services.map(\.code), "counters": c.counters.map(\.number),
                    "printers": c.allPrinters.map { ["queue": $0.queue, "role": $0.role.rawValue] },
                    "boards": c.boards.map { ["path": $0.path, "counter": $0.counter, "profile": $0.profile, "address": $0.address] },
                    "inputs": c.inputs.map(\.path),
                ]
                print(String(decoding: try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys]), as: UTF8.self))
            } else {
                print("Cấu hình hợp lệ (configuration is valid): \(file ?? "built-in default")")
                print("  đơn vị: \(c.siteName) [\(c.siteID)], HTTP \(c.listen)")
                print("  dịch vụ: \(c.services.count), quầy: \(c.counters.count), máy in: \(c.allPrinters.count), bảng LED: \(c.boards.count), máy quét và bàn phím: \(c.inputs.count)")
            }
        }

        /// Runs `step`; when it throws, says so (as JSON with `key` under `--json`) and exits with 1.
        private func refuse(key: String, _ step: () throws -> Void) throws {
            do {
                try step()
            } catch {
                try report(key: key, message: "\(error)")
                throw ExitCode(1)
            }
        }

        /// Prints a refusal: JSON on standard output with `--json`, else the message on standard error.
        private func report(key: String, message: String) throws {
            if json {
                let answer: [String: Any] = ["ok": false, "error": ["code": "bad_config", "key": key, "message": message]]
                print(String(decoding: try JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys]), as: UTF8.self))
            } else {
                FileHandle.standardError.write(Data("\(message)\n".utf8))
            }
        }
    }
}
