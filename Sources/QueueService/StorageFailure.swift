/// The state could not be stored (disk full, I/O error): the operation did not happen.
public struct StorageFailure: Error, CustomStringConvertible {
    /// What the database said.
    public let underlying: any Error

    /// Stable code for the API.
    public var code: String { "storage_unavailable" }

    public var description: String { "Không lưu được dữ liệu (\(underlying)); thao tác chưa được thực hiện." }
}
