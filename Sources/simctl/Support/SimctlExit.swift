/// Ends `simctl` with a status and a message for standard error: 1 for a failed expectation or a
/// replay that differs, 2 for bad input.
struct SimctlExit: Error {
    var code: Int32
    var message: String

    static func badInput(_ message: String) -> SimctlExit { SimctlExit(code: 2, message: message) }
    static func failed(_ message: String = "") -> SimctlExit { SimctlExit(code: 1, message: message) }
}
