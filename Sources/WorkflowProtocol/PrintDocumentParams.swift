/// `print.document` params, core → daemon: `{"printer"?: role, "template", "data", "copies"?}`.
///
/// `template` names a layout in the daemon's `Templates/` (a receipt slip); `data` is the object it is
/// filled from; `printer` is a printer role from the daemon's config (the daemon's default when absent);
/// `copies` is at least 1 (1 when absent). Members it does not know are ignored on decode.
public struct PrintDocumentParams: WorkflowParams {
    /// The answer: ``PrintDocumentResult``.
    public typealias Result = PrintDocumentResult
    /// `print.document`.
    public static let method = WorkflowMethod.printDocument

    /// `printer`: the printer role, or nil for the default.
    public var printer: String?
    /// `template`: the layout's name.
    public var template: String
    /// `data`: what the layout is filled from, kept as sent.
    public var data: [String: JSONValue]
    /// `copies`: how many, or nil for one.
    public var copies: Int?

    enum CodingKeys: String, CodingKey {
        case printer, template, data, copies
    }

    /// Print params.
    public init(printer: String? = nil, template: String, data: [String: JSONValue], copies: Int? = nil) {
        self.printer = printer
        self.template = template
        self.data = data
        self.copies = copies
    }

    /// Decodes and checks the params.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        printer = try c.decodeNonEmptyIfPresent(String.self, forKey: .printer)
        template = try c.decodeNonEmpty(String.self, forKey: .template)
        data = try c.decode([String: JSONValue].self, forKey: .data)
        copies = try c.decodeIfPresent(Int.self, forKey: .copies, in: 1...Int.max)
    }
}
