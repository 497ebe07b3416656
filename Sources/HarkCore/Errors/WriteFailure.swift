import Foundation

extension HarkError {
    /// A write that failed (a full disk, a file-size limit, an I/O error): the machine's fault, not
    /// the input's, so exit 4, with the file and the operation named.
    public static func writeFailed(_ operation: String, _ file: String, _ error: any Error) -> HarkError {
        let nsError = error as NSError
        let reason =
            if nsError.domain == NSPOSIXErrorDomain, let text = strerror(Int32(nsError.code)) {
                String(cString: text)
            } else if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
                posix.domain == NSPOSIXErrorDomain,
                let text = strerror(Int32(posix.code))
            {
                String(cString: text)
            } else {
                nsError.localizedDescription
            }
        return HarkError(.internal, "cannot \(operation): \(reason)", at: SourceLocation(file: file))
    }
}
