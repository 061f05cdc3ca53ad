/// What ``TCVN3Encoder`` does with a capital letter that carries a tone mark (Á, Ầ, Ữ…),
/// which VN3 itself has no byte for.
public enum TCVN3Capitals: Sendable, Hashable {
    /// Print it through the uppercase page (``TCVN3Page/uppercase``), at its lowercase form's byte.
    case uppercasePage
    /// Refuse it with a ``VietnameseEncodingError``, for printers that lack the uppercase page.
    case refuse
}
