import ArgumentParser
import DeviceProfiles
import Foundation
import MotCuaConfig

/// `motcua udev-rules`: the udev rules giving the service's group its boards, scanners and keypads.
struct UdevRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "udev-rules",
        abstract: "In luật udev cấp quyền thiết bị cho nhóm của dịch vụ (print the udev rules for the devices motcua drives)."
    )

    @Option(help: "Tệp cấu hình (default /etc/motcua/motcua.yaml, else the built-in default).")
    var config: String?
    @Flag(help: "Chỉ theo các mẫu trong Devices/, không theo cấu hình (the rules systemd/70-motcua.rules ships).")
    var modelsOnly = false
    @Option(help: "Nhóm được cấp quyền (the group given access).")
    var group = "motcua"

    func run() async throws {
        var configured: [UdevRules.ConfiguredDevice] = []
        if !modelsOnly {
            let c = try ConfigurationFile.load(config)
            var seen = Set<String>()
            for board in c.boards where seen.insert(board.path).inserted {
                configured.append(.init(subsystem: "tty", path: board.path, what: "LED board, counter \(board.counter)"))
            }
            for input in c.inputs where seen.insert(input.path).inserted {
                let what = switch input.target {
                case .kiosk(let kiosk): "scanner, kiosk \(kiosk)"
                case .counter(let counter): "keypad, counter \(counter)"
                }
                configured.append(.init(subsystem: "input", path: input.path, what: what))
            }
        }
        let rules = UdevRules(
            group: group,
            boards: try DevicesSetup.profiles(in: "boards", named: "hồ sơ bảng LED (board profile)"),
            inputs: try DevicesSetup.profiles(in: "inputs", named: "hồ sơ máy quét / bàn phím (input profile)"),
            configured: configured
        )
        print(rules.text, terminator: "")
    }
}
