import ClusterStateMachine

/// An error answer from EKS: the `x-amzn-ErrorType` code, the HTTP status and the message text.
public struct EKSError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: String
    public var httpStatus: Int
    public var message: String

    public init(code: String, httpStatus: Int, message: String) {
        self.code = code
        self.httpStatus = httpStatus
        self.message = message
    }

    /// As awscli prints it.
    public var description: String { "\(code) (HTTP \(httpStatus)): \(message)" }

    /// The form stored in the event log.
    public var record: AWSErrorRecord { AWSErrorRecord(code: code, httpStatus: httpStatus, message: message) }

    public static func resourceInUse(_ message: String) -> EKSError { EKSError(code: "ResourceInUseException", httpStatus: 409, message: message) }
    public static func invalidParameter(_ message: String) -> EKSError { EKSError(code: "InvalidParameterException", httpStatus: 400, message: message) }
    public static func invalidRequest(_ message: String) -> EKSError { EKSError(code: "InvalidRequestException", httpStatus: 400, message: message) }
    public static func resourceNotFound(_ message: String) -> EKSError { EKSError(code: "ResourceNotFoundException", httpStatus: 404, message: message) }
    public static func notFound(_ message: String) -> EKSError { EKSError(code: "NotFoundException", httpStatus: 404, message: message) }
    public static func tooManyRequests() -> EKSError { EKSError(code: "TooManyRequestsException", httpStatus: 429, message: "Too Many Requests") }

    /// True for `ResourceInUseException`, which the 2024+ operator treats as "not updated".
    public var isResourceInUse: Bool { code == "ResourceInUseException" }
}
