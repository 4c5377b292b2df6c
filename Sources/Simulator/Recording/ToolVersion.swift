/// The version recorded with every run, so a database says which build made it.
public enum ToolVersion {
    public static let current = "eks-sync-sim 0.1.0"
}
