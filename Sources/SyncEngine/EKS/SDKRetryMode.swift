import ClusterStateMachine

/// How the AWS SDK a release links retries a refused EKS call (reference real-inputs.md §2).
///
/// The retries happen inside one SDK call, so the deciders never see them: the client the
/// simulator hands the engine retries, and records every attempt as its own call.
public enum SDKRetryMode: String, Sendable, Hashable, CaseIterable {
    /// No retries: the first error is the answer.
    case none
    /// aws-sdk-go v1 `client.DefaultRetryer` (eks-operator before v1.9.0, Rancher 2.5–2.8):
    /// 3 retries; a throttle waits `2^n × U[500 ms, 1 s)`, capped at 300 s; no retry quota.
    case awsSDKGoV1
    /// aws-sdk-go-v2 `retry.Standard` (eks-operator v1.9.0+, Rancher 2.9+): 3 attempts,
    /// exponential jitter backoff `U[0, 1) × 2^attempt` s capped at 20 s, and a retry quota of 500
    /// tokens (5 per retry, +1 per success), fresh for every `StartEKSService`.
    case awsSDKGoV2Standard

    /// The numbers of each mode, named.
    public var parameters: SDKRetryParameters {
        switch self {
        case .none:
            SDKRetryParameters(maxAttempts: 1, baseDelay: 0, maxDelay: 0, quota: nil, retryCost: 0, successRefill: 0)
        case .awsSDKGoV1:
            // client.DefaultRetryerMaxNumRetries = 3, DefaultRetryerMinThrottleDelay = 500 ms,
            // DefaultRetryerMaxThrottleDelay = 300 s.
            SDKRetryParameters(maxAttempts: 4, baseDelay: 500, maxDelay: 300 * .second, quota: nil, retryCost: 0, successRefill: 0)
        case .awsSDKGoV2Standard:
            // retry.DefaultMaxAttempts = 3, DefaultMaxBackoff = 20 s, DefaultRetryRateTokens = 500,
            // DefaultRetryCost = 5, DefaultNoRetryIncrement = 1.
            SDKRetryParameters(maxAttempts: 3, baseDelay: 1 * .second, maxDelay: 20 * .second, quota: 500, retryCost: 5, successRefill: 1)
        }
    }

    /// Whether the SDK retries this answer: throttling codes (TooManyRequestsException, …) and
    /// HTTP 500, 502, 503, 504. InvalidRequestException "Request limit exceeded" is not retried.
    public func retries(_ error: EKSError) -> Bool {
        guard self != .none else { return false }
        return Self.throttleCodes.contains(error.code) || [500, 502, 503, 504].contains(error.httpStatus)
    }

    /// The throttle codes both SDKs retry (aws-sdk-go-v2 `retry.DefaultThrottleErrorCodes`).
    public static let throttleCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// The wait before retry number `retry` (1 for the first retry), given a uniform draw in [0, 1).
    public func delay(beforeRetry retry: Int, uniform: Double) -> SimTime {
        let p = parameters
        switch self {
        case .none:
            return 0
        case .awsSDKGoV1:
            // getJitterDelay(min) = min + U[0, min); delay = 2^(retry-1) × that, capped at max.
            let jittered = Double(p.baseDelay) * (1 + uniform)
            let delay = jittered * Double(1 << min(30, retry - 1))
            return delay > Double(p.maxDelay) ? SimTime(Double(p.maxDelay / 2) * (1 + uniform)) : SimTime(delay)
        case .awsSDKGoV2Standard:
            // ExponentialJitterBackoff: U[0, 1) × 2^attempt seconds, the cap once 2^attempt exceeds it.
            let ceiling = Double(SimTime(1) << min(30, retry)) * Double(p.baseDelay)
            return ceiling > Double(p.maxDelay) ? p.maxDelay : SimTime(uniform * ceiling)
        }
    }
}

/// The numbers behind one `SDKRetryMode`.
public struct SDKRetryParameters: Hashable, Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The first retry's base wait, and the cap.
    public var baseDelay: SimTime
    public var maxDelay: SimTime
    /// The client-side retry quota's size, or nil when the SDK has none.
    public var quota: Int?
    /// Tokens one retry takes from the quota, and one successful call gives back.
    public var retryCost: Int
    public var successRefill: Int
}
