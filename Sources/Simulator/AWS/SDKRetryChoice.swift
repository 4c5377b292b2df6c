import SyncEngine

/// Which SDK retry mode a release's components use: the release table's `awsSDKGoV2` switch
/// (eks-operator v1.9.0+) picks aws-sdk-go-v2's standard retryer, else aws-sdk-go v1.
public enum SDKRetryChoice {
    public static func mode(for profile: Profile) -> SDKRetryMode {
        profile.has(.awsSDKGoV2) ? .awsSDKGoV2Standard : .awsSDKGoV1
    }
}
