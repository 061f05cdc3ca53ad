import Foundation
import Testing
import WorkflowProtocol

@Suite("JSONValue")
struct JSONValueTests {
    @Test("decodes every kind of JSON value")
    func kinds() throws {
        let value = try JSONValue(parsing: WireText.bytes(
            #"{"n":null,"t":true,"f":false,"i":-42,"d":1.5,"s":"Hộ tịch","a":[1,"x",[]],"o":{"k":{}}}"#
        ))
        #expect(value == .object([
            "n": .null, "t": .bool(true), "f": .bool(false), "i": .int(-42), "d": .double(1.5), "s": .string("Hộ tịch"),
            "a": .array([.int(1), .string("x"), .array([])]), "o": .object(["k": .object([:])]),
        ]))
    }

    @Test("keeps integers exact, beyond a Double's 2^53 too")
    func exactIntegers() throws {
        #expect(try JSONValue(parsing: WireText.bytes("9007199254740993")) == .int(9_007_199_254_740_993))
        #expect(try JSONValue(parsing: WireText.bytes("9223372036854775807")) == .int(.max))
        #expect(try JSONValue(parsing: WireText.bytes("-9223372036854775808")) == .int(.min))
        #expect(try JSONValue(parsing: WireText.bytes("9007199254740993")).encoded() == WireText.bytes("9007199254740993"))
    }

    @Test("tells integers from other numbers", arguments: [
        ("0", JSONValue.int(0)), ("2", .int(2)), ("2.0", .int(2)), ("2e0", .int(2)), ("1e3", .int(1000)),
        ("1.5", .double(1.5)), ("0.1", .double(0.1)), ("-2.5e-3", .double(-0.0025)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808)),
    ])
    func numbers(text: String, expected: JSONValue) throws {
        #expect(try JSONValue(parsing: WireText.bytes(text)) == expected)
    }

    @Test("keeps the sign of -0")
    func negativeZero() throws {
        let value = try JSONValue(parsing: WireText.bytes("-0"))
        #expect(value.doubleValue?.sign == .minus)
        #expect(try WireText.json(value) == "-0")
    }

    @Test("encodes compact with sorted keys, slashes as they are")
    func encoding() throws {
        let value: JSONValue = ["b": [1, 2.5, "c/d"], "a": nil, "é": true, "Z": ["y": 1, "x": 2]]
        #expect(try WireText.json(value) == #"{"Z":{"x":2,"y":1},"a":null,"b":[1,2.5,"c/d"],"é":true}"#)
    }

    @Test("round-trips through its JSON")
    func roundTrip() throws {
        let value: JSONValue = [
            "ticket": ["number": "A001", "call_count": 2, "rating": nil, "tags": ["ưu tiên", "người cao tuổi"]],
            "ratio": 0.75, "big": .int(Int64.max), "small": .int(Int64.min), "yes": false,
        ]
        #expect(try JSONValue(parsing: value.encoded()) == value)
    }

    @Test("refuses a non-finite number when encoding")
    func nonFinite() {
        #expect(throws: (any Error).self) { try JSONValue.double(.nan).encoded() }
        #expect(throws: (any Error).self) { try JSONValue.array([.double(.infinity)]).encoded() }
    }

    @Test("accessors answer for their own kind only")
    func accessors() {
        let value: JSONValue = ["list": [10, "x"], "whole": 3.0, "half": 0.5, "name": "Lan", "flag": true, "none": nil]
        #expect(value["list"]?[0]?.intValue == 10)
        #expect(value["list"]?[1]?.stringValue == "x")
        #expect(value["list"]?[2] == nil)
        #expect(value["list"]?[-1] == nil)
        #expect(value["whole"]?.intValue == 3)
        #expect(value["half"]?.intValue == nil)
        #expect(value["half"]?.doubleValue == 0.5)
        #expect(value["list"]?[0]?.doubleValue == 10)
        #expect(value["name"]?.stringValue == "Lan")
        #expect(value["name"]?.intValue == nil)
        #expect(value["flag"]?.boolValue == true)
        #expect(value["none"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["name"]?["x"] == nil)
        #expect(value.objectValue?.count == 6)
        #expect(value["list"]?.arrayValue?.count == 2)
        #expect(value.arrayValue == nil)
    }

    @Test("decodes typed values from the tree, with exact integers")
    func typedDecoding() throws {
        struct Sample: Decodable, Equatable {
            var count: Int
            var small: UInt8
            var name: String?
            var ratio: Double
            var items: [Int16]
        }
        let value: JSONValue = ["count": 2.0, "small": 255, "ratio": 1, "items": [1, -2], "extra": "ignored"]
        #expect(try value.decode(Sample.self) == Sample(count: 2, small: 255, name: nil, ratio: 1, items: [1, -2]))
        let fraction: JSONValue = ["count": 2.5, "small": 1, "ratio": 1, "items": []]
        #expect(throws: DecodingError.self) { try fraction.decode(Sample.self) }
        let overflow: JSONValue = ["count": 2, "small": 256, "ratio": 1, "items": []]
        #expect(throws: DecodingError.self) { try overflow.decode(Sample.self) }
    }

    @Test("converts an Encodable value to its tree")
    func encodingConversion() throws {
        struct Slip: Encodable {
            var number = "A001"
            var counter: Int? = nil
            var fee = 150_000.5
        }
        #expect(try JSONValue(encoding: Slip()) == ["number": "A001", "fee": 150_000.5])
    }

    @Test("512 levels of nesting parse and write back; deeper is refused without crashing")
    func deepNesting() throws {
        let limit = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try JSONValue(parsing: WireText.bytes(limit)).encoded() == WireText.bytes(limit))
        let objects = String(repeating: #"{"a":"#, count: 512) + "1" + String(repeating: "}", count: 512)
        #expect(try JSONValue(parsing: WireText.bytes(objects)).encoded() == WireText.bytes(objects))
        for depth in [513, 100_000] {
            let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            #expect(throws: JSONParseError.self) { try JSONValue(parsing: WireText.bytes(deep)) }
        }
    }

    @Test("decodes through Foundation's JSONDecoder too, when embedded in another Decodable")
    func foundationDecoding() throws {
        struct Envelope: Decodable {
            var data: JSONValue
        }
        let text = #"{"data":{"n":null,"i":7,"d":0.5,"s":"x","a":[true],"o":{}}}"#
        let envelope = try JSONDecoder().decode(Envelope.self, from: Data(text.utf8))
        #expect(envelope.data == ["n": nil, "i": 7, "d": 0.5, "s": "x", "a": [true], "o": [:]])
    }
}
