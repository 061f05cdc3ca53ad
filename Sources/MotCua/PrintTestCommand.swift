import ArgumentParser
import Cups
import DeviceProfiles
import EscPos
import Foundation
import MotCuaConfig
import PrintLayout
import Printing
import QueueCore
import Raster

/// `motcua print-test [--printer QUEUE]`: prints the test page (every Vietnamese letter, the paper's width,
/// a QR code, the cut) on one printer or on every ticket printer of the configuration, follows each job
/// until the printer has it, and says what happened. Talks to CUPS itself: the daemon need not run.
struct PrintTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print-test", abstract: "In trang thử trên máy in vé (print the test page on the ticket printers)."
    )

    @Option(help: "Hàng in CUPS (CUPS queue); default: every ticket printer of the configuration.")
    var printer: String?
    @Option(help: "Hồ sơ máy in trong Devices/printers (printer profile id); default: the configured one, else generic-escpos-80mm.")
    var profile: String?
    @Option(help: "Tệp cấu hình (default /etc/motcua/motcua.yaml, else the built-in default).")
    var config: String?
    @Option(help: "Chỉ vẽ trang thử ra tệp PNG, không in (draw the page to a PNG file instead of printing).")
    var preview: String?
    @Option(help: "Chờ máy in nhận xong tối đa bấy nhiêu giây (seconds to wait for each job).")
    var wait: Int = 30
    @Flag(help: "In kết quả dạng JSON.")
    var json = false

    func run() async throws {
        let file = config ?? ConfigurationFile.defaultPath()
        let configuration: MotCuaConfiguration
        do {
            configuration = try MotCuaConfiguration.load(file: file, environment: ProcessInfo.processInfo.environment)
        } catch {
            fail("\(error)")
        }
        let catalog: PrinterProfileCatalog
        let template: PrintTemplate
        do {
            catalog = try PrintingSetup.profiles()
            template = try PrintingSetup.template("test", for: configuration)
        } catch {
            fail("\(error)")
        }
        var targets = configuration.allPrinters.filter { $0.role == .ticket }
        if let printer {
            targets = [targets.first { $0.queue == printer } ?? ConfiguredPrinter(queue: printer)]
        }
        guard !targets.isEmpty else {
            fail("không có máy in vé nào trong cấu hình: dùng --printer HÀNG_IN (no ticket printer is configured: give --printer QUEUE)", usage: true)
        }
        let client = CupsClient()
        var results: [[String: Any]] = []
        var failed = false
        for target in targets {
            let id = profile ?? target.profile ?? PrinterPool.defaultTicketProfile
            guard let model = catalog.profile(id: id) else {
                fail("không có hồ sơ máy in \"\(id)\" (no printer profile; known: \(catalog.profiles.map(\.id).sorted().joined(separator: ", ")))", usage: profile != nil)
            }
            let now = Date()
            let values: [String: Any] = [
                "office": configuration.siteName, "printer": target.queue, "profile": model.id,
                "model": "\(model.vendor) \(model.model)", "paper": model.paperWidthMM, "dots": model.printableDots,
                "time": TicketPrintData.time(now), "date": TicketPrintData.date(now),
            ]
            let bytes: [UInt8]
            do {
                bytes = try EscPosRenderer(profile: model).bytes(for: template.render(values))
            } catch {
                fail("\(error)")
            }
            if let preview {
                do {
                    let commands = EscPosParser().parse(bytes).commands
                    let paper = try EscPosPreview(width: model.printableDots).draw(commands)
                    try PNGEncoder.encode(paper).write(to: URL(fileURLWithPath: preview))
                } catch {
                    fail("không ghi được \(preview): \(error)")
                }
                results.append(["printer": target.queue, "profile": model.id, "preview": preview, "bytes": bytes.count])
                if !json { print("Đã vẽ trang thử của \(target.queue) (\(model.id)) vào \(preview)") }
                break
            }
            let outcome = await printOnce(client: client, queue: target.queue, bytes: bytes)
            failed = failed || !outcome.ok
            results.append([
                "printer": target.queue, "profile": model.id, "ok": outcome.ok, "job": outcome.job ?? NSNull(),
                "state": outcome.state, "message": outcome.message,
            ])
            if !json {
                let mark = outcome.ok ? "✓" : "✗"
                print("\(mark) \(target.queue) (\(model.vendor) \(model.model)): \(outcome.message)")
            }
        }
        if json {
            let answer: [String: Any] = ["ok": !failed, "printers": results]
            print(String(decoding: try JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys]), as: UTF8.self))
        }
        if failed { throw ExitCode(1) }
    }

    /// Submits the page and follows the job until it completes, fails or `wait` runs out.
    private func printOnce(client: CupsClient, queue: String, bytes: [UInt8]) async -> (ok: Bool, job: Int?, state: String, message: String) {
        do {
            let status = PrinterHealth(try await client.printerState(queue))
            if case .fault(let reason) = status {
                return (false, nil, "fault", "máy in không sẵn sàng (printer not ready): \(reason)")
            }
            let job = try await client.submitRaw(printer: queue, title: "Trang in thử motcua", bytes: bytes)
            let deadline = ContinuousClock.now + .seconds(wait)
            while ContinuousClock.now < deadline {
                let job = try await client.jobStatus(job)
                switch job.state {
                case .completed:
                    return (true, job.id, job.state.rawValue, "đã in xong lệnh \(job.id) (job \(job.id) completed)")
                case .canceled, .aborted, .stopped:
                    let why = job.printerMessage.map { ": \($0)" } ?? ""
                    return (false, job.id, job.state.rawValue, "lệnh in \(job.id) không in được (job \(job.state.rawValue))\(why)")
                default:
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
            let last = try? await client.jobStatus(job)
            let why = last?.printerMessage.map { ": \($0)" } ?? ""
            return (false, job, last?.state.rawValue ?? "unknown",
                    "máy in chưa nhận lệnh \(job) sau \(wait) giây (not printed after \(wait) s)\(why)")
        } catch {
            return (false, nil, "error", PrinterPool.words(for: error))
        }
    }

    private func fail(_ message: String, usage: Bool = false) -> Never {
        FileHandle.standardError.write(Data("motcua print-test: \(message)\n".utf8))
        Foundation.exit(usage ? 2 : 1)
    }
}
