/// Why an account operation was refused.
public struct AccountError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable code for the API and CLI.
    public let code: String
    /// Vietnamese text saying what was wrong.
    public let message: String

    public static func badName(_ name: String) -> AccountError {
        AccountError(code: "bad_name", message: "Tên tài khoản \"\(name)\" không hợp lệ: dùng 2–32 ký tự a–z, 0–9, dấu chấm, gạch ngang hoặc gạch dưới.")
    }
    public static func nameTaken(_ name: String) -> AccountError {
        AccountError(code: "name_taken", message: "Tài khoản \"\(name)\" đã có.")
    }
    public static func unknownUser(_ name: String) -> AccountError {
        AccountError(code: "unknown_user", message: "Không có tài khoản \"\(name)\".")
    }
    public static let badCredentials = AccountError(code: "bad_credentials", message: "Sai tên tài khoản hoặc mật khẩu.")
    public static let weakPassword = AccountError(code: "weak_password", message: "Mật khẩu mới phải có ít nhất 8 ký tự và khác mật khẩu cũ.")
    public static func unknownCounter(_ n: Int) -> AccountError {
        AccountError(code: "unknown_counter", message: "Không có quầy số \(n).")
    }

    public static func tooManyAttempts(seconds: Double) -> AccountError {
        AccountError(code: "too_many_attempts", message: "Đăng nhập sai quá nhiều lần; thử lại sau \(Int((seconds / 60).rounded(.up))) phút.")
    }

    public var description: String { message }
}
