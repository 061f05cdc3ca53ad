/// A test set-up or wait that failed, with a sentence saying why and what to do.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
