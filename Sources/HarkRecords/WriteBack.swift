#if os(Linux)
    import CGlibc
#endif

/// Sends a growing file's pages to the disk a mebibyte at a time as it is written, without waiting
/// for them, so that the `fsync` that ends the file waits for the last of them alone: the wait for
/// a whole journal was most of the time between a long run's last answer and its results. For a
/// file that is not read back (a run's arrival-ordered journal, replaced at its end), the pages of
/// the step before are dropped from the page cache too, so that removing the file frees none.
struct WriteBack {
    private let descriptor: Int32
    private let dropsWritten: Bool
    /// Bytes written, and bytes whose write-back has been started.
    private var written: Int
    private var started: Int
    /// Where the write-back started last began: the range to drop at the next step.
    private var lastStart: Int?
    static let step = 1 << 20

    init(descriptor: Int32, from offset: Int, dropsWritten: Bool = false) {
        self.descriptor = descriptor
        self.dropsWritten = dropsWritten
        written = offset
        started = offset
    }

    /// Notes `count` more bytes written at the end; starts their write-back once a step has gathered.
    mutating func wrote(_ count: Int) {
        written += count
        guard written - started >= Self.step else { return }
        #if os(Linux)
            // A failure here only means that the final fsync waits longer.
            _ = sync_file_range(descriptor, started, written - started, UInt32(HARK_SYNC_FILE_RANGE_WRITE))
            if dropsWritten, let lastStart {
                // The range before has had a step's time to reach the disk; pages still on their
                // way stay.
                _ = posix_fadvise(descriptor, off_t(lastStart), off_t(started - lastStart), POSIX_FADV_DONTNEED)
            }
        #endif
        lastStart = started
        started = written
    }
}
