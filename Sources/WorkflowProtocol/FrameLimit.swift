/// The size limit of one frame on the workflow socket.
public enum FrameLimit {
    /// 1 MiB (1 048 576 bytes): the most bytes a line may have before its `\n` (a `\r` before it counts).
    public static let bytes = 1_048_576
}
