import Foundation
import Testing
import QueueCore
@testable import MotCuaConfig

@Suite("Text is normalised to NFC")
struct NormalizationTests {
    @Test("names from the file and the environment come out in NFC")
    func nfc() throws {
        let nfd = { (text: String) in text.decomposedStringWithCanonicalMapping }
        #expect(!isNFC(nfd("Hộ tịch")))
        let yaml = """
            site: {name: "\(nfd("Bộ phận Một cửa"))"}
            priority_groups: [{code: elderly, name: "\(nfd("Người cao tuổi"))"}]
            services: [{id: 1, code: HT, name: "\(nfd("Hộ tịch"))", name_en: Civil status, prefix: A}]
            counters: [{number: 1, name: "\(nfd("Quầy số một"))", services: [HT]}]
            """
        let config = try MotCuaConfiguration.parse(yaml: yaml, source: "x", environment: [:])
        #expect(isNFC(config.siteName) && config.siteName == "Bộ phận Một cửa")
        #expect(isNFC(config.queue.priorityGroups[0].name))
        #expect(isNFC(config.services[0].name))
        #expect(Array(config.services[0].name.unicodeScalars) == Array("Hộ tịch".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(isNFC(config.counters[0].name))

        let fromEnvironment = try MotCuaConfiguration.load(file: nil, environment: ["MOTCUA_SITE__NAME": nfd("Phường Thắng Tam")])
        #expect(isNFC(fromEnvironment.siteName))
    }
}
