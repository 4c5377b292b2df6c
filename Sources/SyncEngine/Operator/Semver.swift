/// The part of blang/semver the operator uses: `New` (strict) and `ParseTolerant`, and ordering.
struct Semver: Hashable, Comparable {
    var major: Int
    var minor: Int
    var patch: Int
    /// The pre-release part (`-eks.1`); a version with one sorts before the same version without.
    var preRelease: String

    /// `semver.New`: exactly `X.Y.Z` with numbers without leading zeros, optional `-pre` / `+build`.
    init?(strict text: String) {
        guard let parsed = Self.parse(text, tolerant: false) else { return nil }
        self = parsed
    }

    /// `semver.ParseTolerant`: trims spaces, drops a leading `v`, pads missing parts with 0 and
    /// accepts leading zeros (`1.29` is `1.29.0`).
    init?(tolerant text: String) {
        guard let parsed = Self.parse(text, tolerant: true) else { return nil }
        self = parsed
    }

    private init(major: Int, minor: Int, patch: Int, preRelease: String) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.preRelease = preRelease
    }

    private static func parse(_ input: String, tolerant: Bool) -> Semver? {
        var text = Substring(input)
        if tolerant {
            text = text.drop { $0 == " " }
            while text.last == " " { text = text.dropLast() }
            if text.first == "v" || text.first == "V" { text = text.dropFirst() }
        }
        if let plus = text.firstIndex(of: "+") { text = text[..<plus] }
        var preRelease = ""
        if let dash = text.firstIndex(of: "-") {
            preRelease = String(text[text.index(after: dash)...])
            guard !preRelease.isEmpty else { return nil }
            text = text[..<dash]
        }
        var parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if tolerant {
            guard (1...3).contains(parts.count) else { return nil }
            while parts.count < 3 { parts.append("0") }
        }
        guard parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(part) else { return nil }
            if !tolerant && part.count > 1 && part.first == "0" { return nil }
            numbers.append(n)
        }
        return Semver(major: numbers[0], minor: numbers[1], patch: numbers[2], preRelease: preRelease)
    }

    static func < (lhs: Semver, rhs: Semver) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.preRelease.isEmpty, rhs.preRelease.isEmpty) {
        case (true, _): return false
        case (false, true): return true
        case (false, false): return lhs.preRelease < rhs.preRelease
        }
    }
}
