import MotCuaConfig
import QueueCore
import Testing

@Suite("A working day that runs to midnight")
struct AroundTheClockTests {
    @Test("closes \"24:00\" is the end of the day; opens \"24:00\" is refused")
    func midnight() throws {
        let config = try MotCuaConfiguration.parse(yaml: "day: {opens: \"00:00\", closes: \"24:00\"}", source: "motcua.yaml", environment: [:])
        #expect(config.queue.workingHours.start.minutes == 0)
        #expect(config.queue.workingHours.end.minutes == 24 * 60)
        #expect(config.queue.workingHours.contains(TimeOfDay("23:59")!))
        #expect(configError("day: {opens: \"24:00\", closes: \"24:00\"}")?.key == "day.closes" || configError("day: {opens: \"24:00\", closes: \"24:00\"}")?.key == "day.opens")
    }
}
