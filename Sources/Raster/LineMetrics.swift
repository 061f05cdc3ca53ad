/// The vertical space of one line of text at one pixel height: the same for every line at that height,
/// whatever letters it holds.
struct LineMetrics: Sendable, Hashable {
    /// Rows from the top of the line to the baseline.
    let ascent: Int
    /// Rows from the baseline to the bottom of the line.
    let descent: Int

    /// The line's height in rows.
    var height: Int { ascent + descent }
}
