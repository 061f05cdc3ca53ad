/// A test set-up or wait that failed, with a sentence saying why and what to do.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
