/// How wide a line of text is drawn, without a font at hand: the advance widths of DejaVu Sans
/// (the widest of the common system sans-serif fonts, and Debian's default), plus a few percent,
/// so a label measured here never runs into its neighbour in any of the fonts the stack names.
public enum TextWidth {
    /// The width in pixels of `text` at `size` pixels.
    public static func of(_ text: String, size: Double, bold: Bool = false) -> Double {
        let table = bold ? boldWidths : regularWidths
        var units = 0
        for scalar in text.unicodeScalars {
            let v = Int(scalar.value)
            if v >= 32 && v < 127 {
                units += table[v - 32]
            } else if v < 32 {
                continue
            } else if (0x2E80...0x9FFF).contains(v) || (0xAC00...0xD7AF).contains(v) || (0xFF00...0xFF60).contains(v) {
                units += 1000
            } else {
                units += 850
            }
        }
        return Double(units) / 1000 * size * slack
    }

    /// Room for fonts a little wider than DejaVu Sans, and for rounding in renderers.
    static let slack = 1.04

    /// Advance widths (per 1000 em) of U+0020…U+007E in DejaVu Sans Book.
    static let regularWidths: [Int] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
        636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775,
        752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390,
        337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]

    /// Advance widths (per 1000 em) of U+0020…U+007E in DejaVu Sans Bold.
    static let boldWidths: [Int] = [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696,
        696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821,
        837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457,
        365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ]

    /// `text` cut to fit `width` pixels, ending in `…` when cut.
    public static func truncate(_ text: String, toFit width: Double, size: Double, bold: Bool = false) -> String {
        if of(text, size: size, bold: bold) <= width { return text }
        var chars = Array(text)
        while !chars.isEmpty && of(String(chars) + "…", size: size, bold: bold) > width { chars.removeLast() }
        return String(chars) + "…"
    }

    /// `text` broken into lines no wider than `width` pixels, at spaces.
    public static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty && of(candidate, size: size, bold: bold) > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
