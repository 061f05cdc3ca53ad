/// A wrong directive line in a print template, before ``PrintTemplate`` adds the file and line.
struct DirectiveError: Error {
    let reason: String
}
