import SyncEngine

/// Which SDK retry mode a profile's components use.
///
/// Until the release table names each release's SDK (`profile.sdkRetry`, issue 11), this is read
/// from the profile's existing fields: the cron refresher and the v1 ladder are the eks-operator
/// v1.0.x era (aws-sdk-go v1); the 2024 ladder is eks-operator v1.9+ (aws-sdk-go-v2). The one
/// place to replace.
public enum SDKRetryChoice {
    public static func mode(for profile: Profile) -> SDKRetryMode {
        profile.refresher == .cron || profile.ladder == .v1 ? .awsSDKGoV1 : .awsSDKGoV2Standard
    }
}
