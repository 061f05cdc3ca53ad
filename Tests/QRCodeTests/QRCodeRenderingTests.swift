import QRCode
import Testing

@Suite("QR code rendering")
struct QRCodeRenderingTests {
    @Test("PBM: P4 header, packed rows, quiet zone light, modules scaled")
    func pbm() throws {
        let code = try QRCode(text: "A001")  // 21 × 21
        let image = code.pbm(scale: 3, quietZone: 2)
        let width = (21 + 4) * 3  // 75 pixels, 10 bytes a row
        let header = Array("P4\n75 75\n".utf8)
        #expect(Array(image.prefix(header.count)) == header)
        #expect(image.count == header.count + 10 * width)
        func pixel(_ x: Int, _ y: Int) -> Bool {
            image[header.count + y * 10 + x / 8] & (0x80 >> UInt8(x % 8)) != 0
        }
        for y in 0..<width {
            for x in 0..<width {
                #expect(pixel(x, y) == code.isDark(x: x / 3 - 2, y: y / 3 - 2))
            }
        }
        #expect(!pixel(5, 5) && pixel(6, 6))  // quiet zone, then the finder's corner
        #expect(image[header.count + 9] & 0x1F == 0, "padding bits of a row are clear")
    }

    @Test("PBM defaults: scale 4, quiet zone 4")
    func pbmDefaults() throws {
        let code = try QRCode(text: "A001")
        #expect(Array(code.pbm().prefix(11)) == Array("P4\n116 116\n".utf8))
    }

    @Test("SVG: one path of dark runs, viewBox in modules, crisp edges")
    func svg() throws {
        let code = try QRCode(text: TestText.ticket)
        let svg = code.svg(moduleSize: 5, quietZone: 4)
        let side = code.size + 8
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(side * 5)\" height=\"\(side * 5)\" "
            + "viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\">"))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.ranges(of: "<path").count == 1)
        #expect(svg.contains("fill=\"#fff\"") && svg.contains("fill=\"#000\""))

        // Draw the path's runs back into a grid: it must be the code's modules exactly.
        let d = try #require(svg.split(separator: " d=\"").last?.split(separator: "\"").first)
        var grid = Array(repeating: Array(repeating: false, count: side), count: side)
        for run in d.split(separator: "z") {
            // M{x} {y}h{n}v1h-{n}
            let numbers = run.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            try #require(numbers.count == 5 && numbers[3] == 1 && numbers[2] == numbers[4], "\(run)")
            for x in numbers[0]..<(numbers[0] + numbers[2]) {
                #expect(!grid[numbers[1]][x], "runs do not overlap")
                grid[numbers[1]][x] = true
            }
        }
        for y in 0..<side {
            for x in 0..<side {
                #expect(grid[y][x] == code.isDark(x: x - 4, y: y - 4))
            }
        }
    }

    @Test("SVG colours are escaped into the attributes")
    func svgColours() throws {
        let svg = try QRCode(text: "A").svg(dark: "rgb(0,0,0)", light: "\"><script>")
        #expect(svg.contains("fill=\"rgb(0,0,0)\""))
        #expect(svg.contains("fill=\"&quot;&gt;&lt;script&gt;\""))
        #expect(!svg.contains("<script>"))
    }
}
