extension QRCode {
    /// The code as a compact standalone SVG document.
    ///
    /// The drawing is in module units (`viewBox` covers the symbol and its quiet zone), one light
    /// `<rect>` for the background and one `<path>` made of the horizontal runs of dark modules,
    /// with `shape-rendering="crispEdges"` so that scaled modules do not blur or show seams.
    ///
    /// - Parameters:
    ///   - moduleSize: the `width` and `height` of one module in user units (pixels); at least 1.
    ///   - quietZone: light modules around the symbol; the standard asks for 4. At least 0.
    ///   - dark: fill of the dark modules, any SVG colour.
    ///   - light: fill of the background, any SVG colour (`none` for a transparent one).
    public func svg(moduleSize: Int = 8, quietZone: Int = 4, dark: String = "#000", light: String = "#fff") -> String {
        let moduleSize = max(1, moduleSize), quietZone = max(0, quietZone)
        let side = size + 2 * quietZone
        let pixels = side * moduleSize
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                let start = x
                while x < size, isDark(x: x, y: y) { x += 1 }
                path += "M\(start + quietZone) \(y + quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(pixels)\" height=\"\(pixels)\" "
            + "viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"\(Self.escaped(light))\"/>"
            + "<path fill=\"\(Self.escaped(dark))\" d=\"\(path)\"/></svg>\n"
    }

    /// `value` made safe inside a double-quoted XML attribute.
    private static func escaped(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
