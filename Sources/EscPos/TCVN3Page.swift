/// Which of the two TCVN-3 code pages a run of bytes must be printed with.
///
/// VN3 holds lowercase toned letters only; a capital with a tone mark is printed by switching to the
/// all-capitals page (Epson `ESC t 31`), where the lowercase letters' bytes show as capitals.
public enum TCVN3Page: Sendable, Hashable {
    /// The normal page (Epson 30): ASCII, the untoned capitals Ă Â Ê Ô Ơ Ư Đ, all lowercase letters.
    case lowercase
    /// The all-capitals page (Epson 31): holds the toned capitals, at the bytes of their lowercase forms.
    case uppercase
}
