import Foundation

/// Why a path could not be read, in words: no such file, a folder, no permission.
public enum FileProblem {
    public static func reason(_ path: String) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return "no such file" }
        if isFolder.boolValue { return "it is a folder" }
        return FileManager.default.isReadableFile(atPath: path) ? "it could not be read" : "permission denied"
    }
}
