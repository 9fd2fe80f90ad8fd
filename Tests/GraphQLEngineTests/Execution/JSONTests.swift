import XCTest
@testable import GraphQLEngine

/// The JSON writer agrees with `JSON.stringify` (numbers, escapes); the reader keeps key
/// order and reports errors with their offset.
final class JSONTests: XCTestCase {
    func testNumbersAreWrittenAsJavaScriptWritesThem() {
        // Expected: node -e 'console.log(JSON.stringify([...]))'
        let values: [Double] = [
            0.1, 1e21, 1e-7, 123456789012345683968, -0.0, .leastNonzeroMagnitude, 1.7976931348623157e308, 100, 1.5e300,
            9007199254740992, 0.000001, 123e-20, 1.0 / 3, .infinity, .nan, -2.5, 4.5,
        ]
        var w = JSONWriter()
        w.writeByte(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { w.writeByte(UInt8(ascii: ",")) }
            w.writeDouble(v)
        }
        w.writeByte(UInt8(ascii: "]"))
        XCTAssertEqual(
            String(decoding: w.bytes, as: UTF8.self),
            "[0.1,1e+21,1e-7,123456789012345680000,0,5e-324,1.7976931348623157e+308,100,1.5e+300,9007199254740992,0.000001,1.23e-18,0.3333333333333333,null,null,-2.5,4.5]")
    }

    func testShortDecimalsAgreeWithTheGeneralFormatting() {
        // The fast path for values with up to four decimals must write what the general
        // path (Swift's shortest digits, laid out as JavaScript does) writes.
        var values: [Double] = [0.5, 9.99, -2.25, 0.0001, 0.001, 1234.5678, 99999.9999, 1e-4, 0.3, 0.1 + 0.2, 4.35, 1.005]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let n = Int.random(in: -10_000_000...10_000_000, using: &rng)
            let k = Double([10, 100, 1000, 10000].randomElement(using: &rng)!)
            values.append(Double(n) / k)
            values.append(Double.random(in: -1e6...1e6, using: &rng))
        }
        for v in values {
            var w = JSONWriter()
            w.writeDouble(v)
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), jsNumberString(v), "\(v)")
        }
    }

    func testStringsAreEscapedAsJavaScriptEscapesThem() {
        var w = JSONWriter()
        w.writeString("\u{0}\u{1f}\u{8}\u{c}\n\r\t\u{2028}😀\"\\/é")
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), #""\u0000\u001f\b\f\n\r\t"# + "\u{2028}😀" + #"\"\\/é""#)
    }

    func testIntegersOfEverySize() {
        var w = JSONWriter()
        for (i, v) in [0, 7, -7, 2_147_483_647, -2_147_483_648, Int.max, Int.min].enumerated() {
            if i > 0 { w.writeByte(UInt8(ascii: " ")) }
            w.writeInt(v)
        }
        XCTAssertEqual(
            String(decoding: w.bytes, as: UTF8.self),
            "0 7 -7 2147483647 -2147483648 9223372036854775807 -9223372036854775808")
    }

    func testReaderKeepsKeyOrderAndDecodesEscapes() throws {
        let value = try JSONReader.parse(#"{"b": 1, "a": [true, null, 2.5, "x\u00e9\ud83d\ude00\n"], "c": {"z": -3e2}}"#)
        var w = JSONWriter()
        w.writeInputValue(value)
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), #"{"b":1,"a":[true,null,2.5,"xé😀\n"],"c":{"z":-300}}"#)
    }

    func testReaderRejectsMalformedJSON() {
        for text in ["{", #"{"a" 1}"#, "[1,]", "01", "tru", "{} x", #""a"#] {
            XCTAssertThrowsError(try JSONReader.parse(text), text)
        }
    }

    func testLargeIntegerResultsAreFieldErrors() async throws {
        let schema = try buildSchema("type Query { big: Int small: Int }")
        let executable = ExecutableSchema(
            schema: schema, resolvers: ["Query": ["big": .sync { _, _, _, _ in 3_000_000_000 }, "small": .sync { _, _, _, _ in -5 }]])
        let result = await execute(schema: executable, document: try parse("{ big small }"))
        XCTAssertEqual(
            String(decoding: result.json(), as: UTF8.self),
            #"{"errors":[{"message":"Int cannot represent non 32-bit signed integer value: 3000000000","locations":[{"line":1,"column":3}],"path":["big"]}],"data":{"big":null,"small":-5}}"#)
    }
}
