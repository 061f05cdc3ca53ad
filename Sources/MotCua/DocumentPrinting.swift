import Foundation
import MotCuaConfig
import PrintLayout
import QueueCore
import Printing
import WorkflowProtocol

/// `print.document` from the workflow core: the template from `Templates/printing/LANG/NAME.txt` filled
/// with the core's data (and `office`, the office's name, unless the data has one), printed on the first
/// ready printer of the role asked for (`document` when none is named).
struct DocumentPrinting: Sendable {
    let pool: PrinterPool
    let templates: PrintTemplateFolder
    let office: String

    /// At most this many copies of one document.
    static let maxCopies = 10

    /// ``print(_:)`` as the workflow link's hook.
    var handler: @Sendable (PrintDocumentParams) async throws(RPCError) -> PrintDocumentResult {
        let printing = self
        return { request throws(RPCError) in try await printing.print(request) }
    }

    func print(_ request: PrintDocumentParams) async throws(RPCError) -> PrintDocumentResult {
        let roleName = request.printer ?? ConfiguredPrinter.Role.document.rawValue
        guard let role = ConfiguredPrinter.Role(rawValue: roleName) else {
            throw .invalidParams(
                "unknown printer role \"\(roleName)\" (known: \(ConfiguredPrinter.Role.allCases.map(\.rawValue).joined(separator: ", ")))",
                field: "printer"
            )
        }
        let copies = request.copies ?? 1
        guard copies <= Self.maxCopies else {
            throw .invalidParams("at most \(Self.maxCopies) copies, got \(copies)", field: "copies")
        }
        let document: PrintDocument
        do {
            var values = request.data.mapValues(Self.mustacheValue)
            if values["office"] == nil { values["office"] = office }
            for (key, value) in request.data {
                if let readable = Self.readable(value, language: templates.language), values[key + "_text"] == nil {
                    values[key + "_text"] = readable
                }
                if case .array(let items) = value, values[key + "_any"] == nil { values[key + "_any"] = !items.isEmpty }
            }
            document = try templates.template(named: request.template).render(values)
        } catch {
            throw .invalidParams("\(error)", field: "template")
        }
        let title = [request.template, request.data["code"].flatMap { if case .string(let s) = $0 { s } else { nil } }]
            .compactMap { $0 }.joined(separator: " ")
        do {
            let printed = try await pool.printDocument(document, role: role, copies: copies, title: title)
            return PrintDocumentResult(job: "\(printed.job)")
        } catch {
            switch error {
            case .cannotRender: throw .invalidParams("\(error)", field: "data")
            case .noPrinter, .allFailed: throw .unavailable("\(error)")
            }
        }
    }

    /// The words a person reads for `value`: an RFC 3339 time as `08:05 ngày 03/12/2026` (`08:05 on
    /// 03/12/2026` in English; office time), a whole number with dots between thousands (`1.250.000`);
    /// nil for anything else.
    static func readable(_ value: JSONValue, language: String) -> String? {
        switch value {
        case .string(let text):
            guard let date = Timestamp.parse(text) else { return nil }
            return "\(TicketPrintData.time(date)) \(language == "en" ? "on" : "ngày") \(TicketPrintData.date(date))"
        case .int(let number):
            let digits = String(number.magnitude)
            var grouped = ""
            for (index, digit) in digits.enumerated() {
                if index > 0, (digits.count - index) % 3 == 0 { grouped.append(".") }
                grouped.append(digit)
            }
            return (number < 0 ? "-" : "") + grouped
        default:
            return nil
        }
    }

    /// A JSON value as Mustache takes it (text NFC).
    static func mustacheValue(_ value: JSONValue) -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let b): return b
        case .int(let i): return Int(i)
        case .double(let d): return d
        case .string(let s): return s.precomposedStringWithCanonicalMapping
        case .array(let items): return items.map(mustacheValue)
        case .object(let members): return members.mapValues(mustacheValue)
        }
    }
}
